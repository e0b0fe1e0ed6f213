// Held-out stories, fiftieth round, part two: a Go service whose new revision sets GOMEMLIMIT to
// "3GB" (a unit the runtime refuses), so every pod dies at start; a Postgres StatefulSet moved
// from a CentOS 7 base (glibc 2.17) to Rocky 9 (glibc 2.34) without reindexing, so text indexes
// no longer match the collation and the app trips over duplicate keys and missing rows; a Solr
// indexer switched to an explicit commit per document, so Solr refuses updates with "exceeded
// limit of maxWarmingSearchers=2"; ZooKeeper upgraded from 3.4 to 3.8 where `ruok` is no longer
// whitelisted, so the liveness probe kills every member in a loop; Azure Files mounts failing with
// "mount error(13): Permission denied" after the storage account key was rotated but the
// Kubernetes secret kept the old key; a Spring Boot 3 / Hibernate 6 upgrade whose implicit
// sequence name "orders_seq" does not exist; and a healthy control: a pod scheduled on a node right
// after it booted, with the kubelet's transient "not registered" FailedMount and NetworkNotReady
// warnings from its first seconds.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, execProbe, exposed, httpProbe,
  nameOf, node, probeFailed, probeKilling, pvc, pv, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, startedNormally, statefulSetApp, tcpProbe, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Logback / Solr / ZooKeeper time: `2026-11-21 03:12:41.563`. */
const javaTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. GOMEMLIMIT=3GB: the Go runtime refuses the unit ----------------------------------------------

function goMemLimitBadUnit(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.94', ['12', '140', '203']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-router:${v}`;
  const tpl = (v: string, limit: string, mem: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '500m', memory: mem,
      env: [
        { name: 'GOMEMLIMIT', value: limit },
        { name: 'GOMAXPROCS', value: '2' },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'CARRIER_API_URL', value: 'https://carriers.internal.acme.io/v2' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-router',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: shipment-router 3.8.1', template: tpl('3.8.1', '1800MiB', '2Gi') },
      { revision: 58, createdAgo: 27, changeCause: 'argocd: shipment-router 3.8.1 (resources: memory 2Gi -> 3584Mi)', template: tpl('3.8.1', '3GB', '3584Mi') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS, ranSeconds: 4 * 86400 } }) } } : {}) })),
      { revision: 58, node: names[2] ?? '', createdAgo: 26.5, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 2.1, ranSeconds: 0 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'label-printer', names, 35, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const crash = lines(
    'GOMEMLIMIT=3GB',
    'fatal error: malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`',
    '',
    'runtime stack:',
    'runtime.throw({0x1a3f2c1?, 0x0?})',
    '\t/usr/local/go/src/runtime/panic.go:1067 +0x48 fp=0x7ffd4a8f1e18 sp=0x7ffd4a8f1de8 pc=0x46d728',
    'runtime.readGOMEMLIMIT()',
    '\t/usr/local/go/src/runtime/mgcpacer.go:1329 +0xd3 fp=0x7ffd4a8f1e50 sp=0x7ffd4a8f1e18 pc=0x41d0f3',
    'runtime.gcinit()',
    '\t/usr/local/go/src/runtime/mgc.go:180 +0x2b fp=0x7ffd4a8f1e78 sp=0x7ffd4a8f1e50 pc=0x419b4b',
    'runtime.schedinit()',
    '\t/usr/local/go/src/runtime/proc.go:848 +0x2b4 fp=0x7ffd4a8f1ed8 sp=0x7ffd4a8f1e78 pc=0x4426d4',
    'runtime.rt0_go()',
    '\t/usr/local/go/src/runtime/asm_amd64.s:349 +0x11c fp=0x7ffd4a8f1ee0 sp=0x7ffd4a8f1ed8 pc=0x472a3c',
  );
  const okLog = (k: number) => lines(
    `{"time":"${at(3.2 + k)}","level":"INFO","msg":"route computed","order":"SO-${771203 + k}","carrier":"dhl-express","dur_ms":${41 + k}}`,
    `{"time":"${at(1.4 + k / 3)}","level":"WARN","msg":"carrier quote slow","carrier":"ups","dur_ms":${2210 + k * 90}}`,
    `{"time":"${at(0.5)}","level":"INFO","msg":"route computed","order":"SO-${771288 + k}","carrier":"gls","dur_ms":${38 + k}}`,
  );
  return {
    id: 'heldout50-gomemlimit-invalid-unit',
    class: 'config',
    truth: 'Revision 58 of shipment-router (27 minutes ago, same image 3.8.1) raised the memory limit to 3584Mi and set GOMEMLIMIT to "3GB". The Go runtime only accepts the suffixes B, KiB, MiB, GiB, TiB, so it aborts before main with "fatal error: malformed GOMEMLIMIT" (exit 2): the new pod crash-loops and the rollout is stuck while the three revision-57 pods keep serving (one has an unrelated OOMKill two days ago). Fix: set GOMEMLIMIT to "3GiB" (or roll back revision 58).',
    ask: { service: 'shipment-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-router', selector: { app: 'shipment-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 27),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 35),
      scheduled(fresh, 26.5),
      ...restartedAgain(fresh, 'app', image('3.8.1'), { count: 11, firstAgo: 26.4, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 26.3, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GOMEMLIMIT/],
      facts: [/3GB/, /malformed GOMEMLIMIT|GiB|MiB/, /revision 58|shipment-router-[a-z0-9]{10}/i],
      never: [/\bOOM/, /label-printer/, /ImagePull/i],
    },
  };
}

// ---- 2. Postgres image moved from CentOS 7 (glibc 2.17) to Rocky 9 (glibc 2.34) ----------------------

function postgresGlibcCollation(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.51', ['44', '119', '230']);
  const pgImage = (v: string) => `registry.platform.acme.internal/dbaas/postgres:${v}`;
  const pgTpl = (v: string) => ({
    containers: [container({
      name: 'postgres', image: pgImage(v), ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'crm' }],
      readiness: execProbe(['sh', '-c', 'pg_isready -U postgres -h 127.0.0.1 -p 5432'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe(5432, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
    securityContext: { fsGroup: 26, runAsUser: 26 },
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'crm-db',
    replicas: 1,
    serviceName: 'crm-db-headless',
    createdAgo: 400 * DAYS,
    revisions: [
      { revision: 4, createdAgo: 120 * DAYS, template: pgTpl('15.8-centos7') },
      { revision: 5, createdAgo: 3 * HOURS + 5, template: pgTpl('15.8-rocky9') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 3 * HOURS + 4 }],
  });
  const claim = pvc({ namespace: ns, name: 'data-crm-db-0', storage: '200Gi', phase: 'Bound', volumeName: 'pvc-5f0c2e6a-4b1d-4c3e-a1f2-7d9e0b3c8a41', createdAgo: 400 * DAYS });
  const vol = pv({ name: 'pvc-5f0c2e6a-4b1d-4c3e-a1f2-7d9e0b3c8a41', storage: '200Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: 'data-crm-db-0' }, createdAgo: 400 * DAYS });
  const apiImage = (v: string) => `${ECR}/crm/contacts-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'contacts-api',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 9 * DAYS, changeCause: 'argocd: contacts-api 5.2.0', template: { containers: [container({ image: apiImage('5.2.0'), memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://crm-db.crm.svc.cluster.local:5432/crm' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'crm-webhooks', names, 50, { revisions: [30, 31], versions: ['2.0.7', '2.0.8'], olderAgo: 14 * DAYS });
  const dbPod = podOf(db, 0);
  const pgLog = lines(
    `${pgTime(3 * HOURS + 3.8)} [1] LOG:  starting PostgreSQL 15.8 on x86_64-pc-linux-gnu, compiled by gcc (GCC) 11.4.1 20231218 (Red Hat 11.4.1-3), 64-bit`,
    `${pgTime(3 * HOURS + 3.8)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(3 * HOURS + 3.8)} [24] LOG:  database system was shut down at ${pgTime(3 * HOURS + 4.3).replace(/\.\d+ UTC/, ' UTC')}`,
    `${pgTime(3 * HOURS + 3.7)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(3 * HOURS + 3.5)} [88] WARNING:  database "crm" has a collation version mismatch`,
    `${pgTime(3 * HOURS + 3.5)} [88] DETAIL:  The database was created using collation version 2.17, but the operating system provides version 2.34.`,
    `${pgTime(3 * HOURS + 3.5)} [88] HINT:  Rebuild all objects in this database that use the default collation and run ALTER DATABASE crm REFRESH COLLATION VERSION, or build PostgreSQL with the right library version.`,
    `${pgTime(2 * HOURS + 10)} [1] LOG:  checkpoint starting: time`,
    `${pgTime(2 * HOURS + 7)} [1] LOG:  checkpoint complete: wrote 18841 buffers (14.4%); 0 WAL file(s) added, 0 removed, 9 recycled; write=269.871 s, sync=0.012 s, total=269.902 s; sync files=212, longest=0.004 s, average=0.001 s; distance=151220 kB, estimate=151220 kB`,
    `${pgTime(41)} [31207] WARNING:  database "crm" has a collation version mismatch`,
    `${pgTime(41)} [31207] DETAIL:  The database was created using collation version 2.17, but the operating system provides version 2.34.`,
    `${pgTime(41)} [31207] HINT:  Rebuild all objects in this database that use the default collation and run ALTER DATABASE crm REFRESH COLLATION VERSION, or build PostgreSQL with the right library version.`,
    `${pgTime(12.4)} [30991] ERROR:  duplicate key value violates unique constraint "contacts_email_key"`,
    `${pgTime(12.4)} [30991] DETAIL:  Key (email)=(j.o-brien@northwind-partners.com) already exists.`,
    `${pgTime(12.4)} [30991] STATEMENT:  insert into contacts (account_id, created_at, email, full_name, id) values ($1, $2, $3, $4, $5)`,
    `${pgTime(6.1)} [31422] ERROR:  could not create unique index "contacts_email_key"`,
    `${pgTime(6.1)} [31422] DETAIL:  Key (email)=(m.de-vries@contoso-bv.nl) is duplicated.`,
    `${pgTime(6.1)} [31422] STATEMENT:  REINDEX INDEX CONCURRENTLY contacts_email_key`,
    `${pgTime(2.3)} [31488] ERROR:  duplicate key value violates unique constraint "accounts_slug_key"`,
    `${pgTime(2.3)} [31488] DETAIL:  Key (slug)=(o-neill-logistics) already exists.`,
  );
  const apiLog = (k: number) => lines(
    `${javaTime(38 + k)}  WARN 1 --- [nio-8080-exec-${4 + k}] c.a.crm.contacts.ContactLookupService   : lookup by email returned no row but insert conflicts: email=a.d-souza@fabrikam.io`,
    `${javaTime(12.4 + k)} ERROR 1 --- [nio-8080-exec-${2 + k}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "contacts_email_key"`,
    `  Detail: Key (email)=(j.o-brien@northwind-partners.com) already exists.`,
    `${javaTime(12.4 + k)} ERROR 1 --- [nio-8080-exec-${2 + k}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint "contacts_email_key"] [insert into contacts (account_id,created_at,email,full_name,id) values (?,?,?,?,?)]] with root cause`,
    `${javaTime(5 + k)}  WARN 1 --- [nio-8080-exec-${7 + k}] c.a.crm.accounts.AccountController       : GET /v1/accounts?slug=o-neill-logistics -> 404 (not found)`,
    `${javaTime(0.6)}  INFO 1 --- [nio-8080-exec-1] c.a.crm.web.RequestLog                    : GET /v1/contacts/48113 200 12ms`,
  );
  return {
    id: 'heldout50-postgres-glibc-collation-mismatch',
    class: 'rollout',
    truth: 'Three hours ago the platform image of the crm-db Postgres StatefulSet moved from 15.8-centos7 (glibc 2.17) to 15.8-rocky9 (glibc 2.34) on the same data volume. glibc 2.28 changed the sort order of en_US.UTF-8, so every B-tree index on text columns built under the old collation is now silently corrupt: Postgres warns "database crm has a collation version mismatch (2.17 vs 2.34)", lookups by email/slug miss existing rows, inserts pass the app\'s existence check and then hit duplicate-key errors (or duplicates slip in, so REINDEX fails). contacts-api is the victim, not the cause. Fix: stop writes, rebuild the text indexes (dedupe first), ALTER DATABASE crm REFRESH COLLATION VERSION — or move back to the glibc-2.17 image until that is done.',
    ask: { service: 'contacts-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, ...api.objects, ...other.objects,
      service({ namespace: ns, name: 'crm-db-headless', selector: { app: 'crm-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      ...exposed({ namespace: ns, name: 'crm-db', selector: { app: 'crm-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'contacts-api', selector: { app: 'contacts-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'crm-webhooks', selector: { app: 'crm-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 50),
      event({ on: { kind: 'StatefulSet', name: 'crm-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod crm-db-0 in StatefulSet crm-db successful', firstAgo: 3 * HOURS + 4.5, lastAgo: 3 * HOURS + 4.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'crm-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod crm-db-0 in StatefulSet crm-db successful', firstAgo: 3 * HOURS + 4, lastAgo: 3 * HOURS + 4, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: pgLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/collation|glibc|rocky9|centos7/i],
      facts: [/crm-db/, /2\.17|2\.34|glibc/i, /reindex|rebuild|REFRESH COLLATION/i],
      never: [/crm-webhooks/, /\bOOM/, /revision 88[^\n]*(caused|broke|introduced)/i, /contacts-api[^\n]*roll(ing)? ?back/i],
    },
  };
}

// ---- 3. Solr: an explicit commit per document -> maxWarmingSearchers=2 ---------------------------

function solrMaxWarmingSearchers(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.66', ['21', '157', '90']);
  const solrImage = 'docker.io/library/solr:9.6.1';
  const solr = statefulSetApp({
    namespace: ns,
    name: 'solr',
    replicas: 3,
    serviceName: 'solr-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 200 * DAYS,
    revisions: [{ revision: 6, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'solr', image: solrImage, ports: [{ name: 'solr-http', containerPort: 8983 }], cpu: '2', memory: '8Gi', env: [{ name: 'SOLR_HEAP', value: '4g' }, { name: 'ZK_HOST', value: 'zk-0.zk-headless:2181,zk-1.zk-headless:2181,zk-2.zk-headless:2181/solr' }], readiness: httpProbe('/solr/admin/info/health', 8983), liveness: httpProbe('/solr/admin/info/system', 8983, { initialDelaySeconds: 30, timeoutSeconds: 5 }), volumeMounts: [{ name: 'data', mountPath: '/var/solr' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: 12 * DAYS - i * 3, ...(i === 2 ? { containers: { solr: running({ sinceAgo: 5 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 5 * DAYS, ranSeconds: 7 * 86400 } }) } } : {}) })),
  });
  const idxImage = (v: string) => `${ECR}/search/catalog-indexer:${v}`;
  const idxTpl = (v: string, checksum: string) => ({
    containers: [container({ image: idxImage(v), ports: [8081], memory: '1Gi', envFrom: [{ configMapRef: { name: 'catalog-indexer-config' } }], readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }) })],
    annotations: { 'checksum/config': checksum },
  });
  const idx = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 16 * DAYS, changeCause: 'argocd: catalog-indexer 7.3.0', template: idxTpl('7.3.0', '4be1c0a9d33f2e7c81a6') },
      { revision: 22, createdAgo: 41, changeCause: 'argocd: catalog-indexer 7.3.0 (config: near-real-time stock updates)', template: idxTpl('7.3.0', '9d02f7e1b5c4a8360e1f') },
    ],
    pods: [0, 1].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 40 - k })),
  });
  const cm = configMap({
    namespace: ns, name: 'catalog-indexer-config', createdAgo: 200 * DAYS, updatedAgo: 41,
    data: {
      SOLR_URL: 'http://solr-headless.search.svc.cluster.local:8983/solr',
      SOLR_COLLECTION: 'products',
      INDEXER_BATCH_SIZE: '1',
      INDEXER_COMMIT_MODE: 'explicit',
      INDEXER_COMMIT_WITHIN_MS: '',
      INDEXER_CONSUMER_THREADS: '8',
      KAFKA_TOPIC: 'catalog.product-changes.v3',
    },
  });
  const other = bystander(ns, 'search-api', names, 3 * HOURS, { revisions: [64, 65], versions: ['11.2.0', '11.2.1'], olderAgo: 12 * DAYS });
  const solrLog = (i: number) => {
    const core = `products_shard${i + 1}_replica_n${2 * i + 1}`;
    const mdc = `[c:products s:shard${i + 1} r:core_node${2 * i + 3} x:${core} t:null-${1200 + i}]`;
    const out: string[] = [
      `${javaTime(55)} INFO  (qtp1785111044-${41 + i}) ${mdc} o.a.s.u.DirectUpdateHandler2 start commit{,optimize=false,openSearcher=true,waitSearcher=true,expungeDeletes=false,softCommit=false,prepareCommit=false}`,
    ];
    for (let n = 0; n < 10; n++) {
      const t = 36 - n * 3.6;
      out.push(
        `${javaTime(t)} WARN  (qtp1785111044-${60 + n}) ${mdc} o.a.s.c.SolrCore [${core}]  PERFORMANCE WARNING: Overlapping onDeckSearchers=2`,
        `${javaTime(t - 0.001)} ERROR (qtp1785111044-${61 + n}) ${mdc} o.a.s.h.RequestHandlerBase org.apache.solr.common.SolrException: Error opening new searcher. exceeded limit of maxWarmingSearchers=2, try again later.`,
        `\tat org.apache.solr.core.SolrCore.getSearcher(SolrCore.java:2282)`,
        `\tat org.apache.solr.update.DirectUpdateHandler2.commit(DirectUpdateHandler2.java:738)`,
        `${javaTime(t - 0.002)} INFO  (qtp1785111044-${61 + n}) ${mdc} o.a.s.u.p.LogUpdateProcessorFactory webapp=/solr path=/update params={wt=javabin&version=2&commit=true}{add=[SKU-${40112 + n * 7}]} 0 ${812 + n * 13}`,
        `${javaTime(t - 0.003)} INFO  (searcherExecutor-22-thread-1) ${mdc} o.a.s.c.SolrCore Registered new searcher autowarm time: ${2480 + n * 40} ms`,
      );
    }
    return lines(...out);
  };
  const idxLog = (k: number) => {
    const out: string[] = [
      `${javaTime(39.5 - k)}  INFO 1 --- [           main] c.a.s.indexer.IndexerApplication         : Started IndexerApplication in 14.82 seconds (process running for 15.9)`,
      `${javaTime(39.4 - k)}  INFO 1 --- [           main] c.a.s.indexer.SolrWriter                 : Solr writer: collection=products batchSize=1 commitMode=explicit threads=8`,
    ];
    for (let n = 0; n < 8; n++) {
      const t = 35 - n * 4 - k * 0.3;
      out.push(
        `${javaTime(t)} ERROR 1 --- [  indexer-pool-${n % 8 + 1}] c.a.s.indexer.SolrWriter                 : update failed for SKU-${40112 + n * 7 + k}, will retry (attempt 3/3)`,
        `org.apache.solr.client.solrj.impl.BaseHttpSolrClient$RemoteSolrException: Error from server at http://solr-headless.search.svc.cluster.local:8983/solr/products: Error opening new searcher. exceeded limit of maxWarmingSearchers=2, try again later.`,
        `\tat org.apache.solr.client.solrj.impl.HttpSolrClient.executeMethod(HttpSolrClient.java:747)`,
        `\tat org.apache.solr.client.solrj.SolrClient.commit(SolrClient.java:542)`,
        `${javaTime(t - 0.01)}  WARN 1 --- [  indexer-pool-${n % 8 + 1}] c.a.s.indexer.DeadLetterPublisher        : sent SKU-${40112 + n * 7 + k} to catalog.product-changes.v3.dlq`,
      );
    }
    out.push(`${javaTime(0.7)}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-catalog-indexer-1, groupId=catalog-indexer] consumer lag 48210 on catalog.product-changes.v3-${k}`);
    return lines(...out);
  };
  return {
    id: 'heldout50-solr-max-warming-searchers',
    class: 'config',
    truth: 'Forty-one minutes ago the catalog-indexer config was changed for "near-real-time stock updates": batch size 1 and INDEXER_COMMIT_MODE=explicit, so each of 8 threads sends a hard commit (openSearcher=true) with every single document. Solr opens and warms a new searcher per commit (autowarm ~2.5 s), overlaps them, and rejects further commits with "Error opening new searcher. exceeded limit of maxWarmingSearchers=2"; the indexer\'s updates fail, go to the DLQ and the Kafka lag grows. Solr itself is healthy. Fix: revert the indexer config (batch updates with commitWithin / rely on autoSoftCommit), i.e. roll back revision 22 of catalog-indexer.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...nodes, ...solr.objects, ...idx.objects, ...other.objects, cm,
      service({ namespace: ns, name: 'solr-headless', selector: { app: 'solr' }, ports: [{ name: 'solr-http', port: 8983, targetPort: 8983 }], headless: true }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: idx.pods, endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(idx), rsOf(idx, 22), 2, 0, 41),
      scaledReplicaSet(deploymentOf(idx), rsOf(idx, 21), 0, 2, 39),
      ...idx.pods.flatMap((p, k) => startedNormally(p, 'app', idxImage('7.3.0'), 40 - k)),
    ],
    logs: [
      ...solr.pods.map((p, i) => logsFor(p, 'solr', { current: solrLog(i) })),
      ...idx.pods.map((p, k) => logsFor(p, 'app', { current: idxLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maxWarmingSearchers|warming searcher|commit/i],
      facts: [/catalog-indexer-config|INDEXER_COMMIT_MODE|revision 22|41 ?min/i, /maxWarmingSearchers=2|Overlapping onDeckSearchers/i, /commit/i],
      never: [/\bOOM/, /search-api/, /solr-2[^\n]*(restart|crash)/i, /heap|GC pause/i],
    },
  };
}

// ---- 4. ZooKeeper 3.4 -> 3.8: `ruok` not in the 4lw whitelist, liveness kills every member -------------

function zookeeperRuokNotWhitelisted(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.38', ['15', '166', '242']);
  const image = (v: string) => `docker.io/library/zookeeper:${v}`;
  const zkOk = ['sh', '-c', 'OK=$(echo ruok | nc -w 2 127.0.0.1 2181); if [ "$OK" = "imok" ]; then exit 0; else echo "$OK"; exit 1; fi'];
  const tpl = (v: string) => ({
    containers: [container({
      name: 'zookeeper', image: image(v), ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], cpu: '500m', memory: '2Gi',
      env: [{ name: 'ZOO_SERVERS', value: 'server.1=zk-0.zk-headless:2888:3888;2181 server.2=zk-1.zk-headless:2888:3888;2181 server.3=zk-2.zk-headless:2888:3888;2181' }, { name: 'JVMFLAGS', value: '-Xmx1g' }],
      readiness: execProbe(zkOk, { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(zkOk, { initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })],
  });
  const last = (ago0: number) => ({ exitCode: 143, finishedAgo: ago0, ranSeconds: 52 });
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zk',
    replicas: 3,
    serviceName: 'zk-headless',
    createdAgo: 500 * DAYS,
    revisions: [
      { revision: 7, createdAgo: 180 * DAYS, template: tpl('3.4.14') },
      { revision: 8, createdAgo: 48, template: tpl('3.8.4') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
    pods: [
      { revision: 8, ordinal: 0, node: names[0] ?? '', createdAgo: 38, containers: { zookeeper: crashLoop(last(1.8), 9) } },
      { revision: 8, ordinal: 1, node: names[1] ?? '', createdAgo: 42, containers: { zookeeper: running({ sinceAgo: 0.6, ready: false, restarts: 10, last: last(0.7) }) } },
      { revision: 8, ordinal: 2, node: names[2] ?? '', createdAgo: 47, containers: { zookeeper: crashLoop(last(3.1), 11) } },
    ],
  });
  const kafkaImage = 'docker.io/bitnami/kafka:3.7.1';
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    createdAgo: 500 * DAYS,
    revisions: [{ revision: 12, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'kafka', image: kafkaImage, ports: [{ name: 'kafka', containerPort: 9092 }], cpu: '1', memory: '6Gi', readiness: tcpProbe('kafka'), liveness: tcpProbe('kafka', { initialDelaySeconds: 30 }) })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 12, ordinal: i, node: names[i] ?? '', createdAgo: 20 * DAYS, containers: { kafka: running({ sinceAgo: 20 * DAYS, ready: true }) } })),
  });
  const whitelistMsg = 'ruok is not executed because it is not in the whitelist.';
  const zkLog = (id: number, t0: number) => lines(
    `${javaTime(t0)} [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@177] - Reading configuration from: /conf/zoo.cfg`,
    `${javaTime(t0 - 0.01)} [myid:${id}] - INFO  [main:o.a.z.s.q.QuorumPeerMain@149] - Starting quorum peer, myid=${id}`,
    `${javaTime(t0 - 0.02)} [myid:${id}] - INFO  [main:o.a.z.s.ServerCnxnFactory@169] - Using org.apache.zookeeper.server.NIOServerCnxnFactory as server connection factory`,
    `${javaTime(t0 - 0.03)} [myid:${id}] - INFO  [main:o.a.z.s.NIOServerCnxnFactory@652] - binding to port 0.0.0.0/0.0.0.0:2181`,
    `${javaTime(t0 - 0.05)} [myid:${id}] - INFO  [QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.QuorumPeer@1530] - LOOKING`,
    `${javaTime(t0 - 0.06)} [myid:${id}] - WARN  [QuorumConnectionThread-[myid=${id}]-2:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to ${id === 1 ? 3 : 1} at election address zk-${id === 1 ? 2 : 0}.zk-headless.messaging.svc.cluster.local/<unresolved>:3888`,
    `${javaTime(t0 - 0.08)} [myid:${id}] - INFO  [QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.Learner@713] - Learner received NEWLEADER message`,
    `${javaTime(t0 - 0.09)} [myid:${id}] - INFO  [QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.QuorumPeer@916] - Peer state changed: following - broadcast`,
    `${javaTime(t0 - 0.7)} [myid:${id}] - INFO  [SIGTERM handler:o.a.z.s.q.QuorumPeerMain@107] - Received SIGTERM, shutting down`,
    `${javaTime(t0 - 0.7)} [myid:${id}] - INFO  [SIGTERM handler:o.a.z.s.ZooKeeperServer@851] - shutting down`,
  );
  const z0 = podOf(zk, 0);
  const z1 = podOf(zk, 1);
  const z2 = podOf(zk, 2);
  return {
    id: 'heldout50-zookeeper-ruok-not-whitelisted',
    class: 'probes',
    truth: 'Forty-eight minutes ago the zk StatefulSet was upgraded from zookeeper:3.4.14 to 3.8.4 (revision 8). Since 3.5 the four-letter-word commands are disabled unless listed in 4lw.commands.whitelist (only srvr is on by default), and the chart\'s probes still run `echo ruok | nc 127.0.0.1 2181`: ZooKeeper answers "ruok is not executed because it is not in the whitelist." instead of imok, so the liveness probe fails and the kubelet kills every member ~50 s after it starts (exit 143), all three in a restart loop and the ensemble keeps losing quorum (Kafka sees ZooKeeper session expiries). ZooKeeper itself starts and joins fine. Fix: set ZOO_4LW_COMMANDS_WHITELIST=ruok,srvr,mntr (4lw.commands.whitelist) or switch the probes to the admin server / srvr.',
    ask: { service: 'zk', namespace: ns },
    objects: [
      ...nodes, ...zk.objects, ...kafka.objects,
      service({ namespace: ns, name: 'zk-headless', selector: { app: 'zk' }, ports: [{ name: 'quorum', port: 2888, targetPort: 2888 }, { name: 'election', port: 3888, targetPort: 3888 }], headless: true }),
      ...exposed({ namespace: ns, name: 'zk', selector: { app: 'zk' }, pods: zk.pods, ports: [{ name: 'client', port: 2181, targetPort: 2181 }], endpointPort: 2181 }),
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'kafka', port: 9092, targetPort: 9092 }], headless: true }),
      ...[z0, z1, z2].flatMap((p, i) => [
        probeFailed(p, 'zookeeper', 'Liveness', whitelistMsg, { count: 30 + i * 3, firstAgo: [37.5, 41.5, 46.5][i] ?? 40, lastAgo: [2.1, 0.1, 3.4][i] ?? 1 }),
        probeFailed(p, 'zookeeper', 'Readiness', whitelistMsg, { count: 60 + i * 4, firstAgo: [37.6, 41.6, 46.6][i] ?? 40, lastAgo: [2.2, 0.2, 3.5][i] ?? 1 }),
        probeKilling(p, 'zookeeper', 'liveness', { count: [9, 10, 11][i] ?? 9, firstAgo: [37, 41, 46][i] ?? 40, lastAgo: [1.9, 0.8, 3.2][i] ?? 1 }),
        ...restartedAgain(p, 'zookeeper', image('3.8.4'), { count: [10, 11, 12][i] ?? 10, firstAgo: [37.9, 41.9, 46.9][i] ?? 40, lastAgo: [4.2, 0.6, 6.5][i] ?? 1 }),
      ]),
      backOff(z0, 'zookeeper', { count: 21, firstAgo: 30, lastAgo: 0.2 }),
      backOff(z2, 'zookeeper', { count: 26, firstAgo: 34, lastAgo: 0.4 }),
      event({ on: { kind: 'StatefulSet', name: 'zk', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod zk-2 in StatefulSet zk successful', firstAgo: 47, lastAgo: 47, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(z0, 'zookeeper', { current: '', previous: zkLog(1, 2.7) }),
      logsFor(z1, 'zookeeper', { current: zkLog(2, 0.6).split('\n').slice(0, 8).join('\n') + '\n', previous: zkLog(2, 1.6) }),
      logsFor(z2, 'zookeeper', { current: '', previous: zkLog(3, 4.0) }),
      ...kafka.pods.map((p, i) => logsFor(p, 'kafka', { current: lines(
        `[${javaTime(6 + i).replace('.', ',')}] WARN Client session timed out, have not heard from server in 6002ms for session id 0x30001c2d8b5000${i} (org.apache.zookeeper.ClientCnxn)`,
        `[${javaTime(5.9 + i).replace('.', ',')}] INFO [ZooKeeperClient Kafka server] Waiting until connected. (kafka.zookeeper.ZooKeeperClient)`,
        `[${javaTime(0.5).replace('.', ',')}] INFO [ZooKeeperClient Kafka server] Connected. (kafka.zookeeper.ZooKeeperClient)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/whitelist|4lw|four.letter|ruok/i],
      facts: [/3\.8\.4|revision 8/i, /liveness/i, /4lw\.commands\.whitelist|ZOO_4LW_COMMANDS_WHITELIST|whitelist/i],
      never: [/\bOOM/, /kafka[^\n]*(cause|broke)/i, /disk|volume/i],
    },
  };
}

// ---- 5. Azure Files: account key rotated, secret still holds the old one -------------------------------

function azureFilesKeyRotated(): CorpusScenario {
  const ns = 'media';
  const aks = [0, 1, 2].map((i) => {
    const n = node({ name: `aks-apps-41873520-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool: 'apps', instanceType: 'Standard_D4s_v5', labels: { 'kubernetes.azure.com/agentpool': 'apps', 'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod_westeurope' }, createdAgo: 21 * DAYS });
    if (n.spec) n.spec.providerID = `azure:///subscriptions/3f2b8c1e-0000-4000-a000-5d1c2e7f9a10/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-apps-41873520-vmss/virtualMachines/${i}`;
    if (n.status?.nodeInfo) { n.status.nodeInfo.osImage = 'Ubuntu 22.04.5 LTS'; n.status.nodeInfo.kernelVersion = '5.15.0-1074-azure'; n.status.nodeInfo.kubeletVersion = 'v1.30.5'; n.status.nodeInfo.kubeProxyVersion = 'v1.30.5'; }
    return n;
  });
  const names = aks.map(nameOf);
  const acr = 'acmeprod.azurecr.io';
  const image = (v: string) => `${acr}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], memory: '1Gi', volumeMounts: [{ name: 'media', mountPath: '/mnt/media' }] })],
    volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'media-share' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'flux: thumbnailer 2.9.0', template: tpl('2.9.0') },
      { revision: 15, createdAgo: 24, changeCause: 'flux: thumbnailer 2.9.1', template: tpl('2.9.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 15, node: names[0] ?? '', createdAgo: 23.5, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const fresh = podOf(app, 3);
  const share = 'pv-media-share';
  const handle = 'rg-prod-storage#stmediaprodweu#media###media';
  const vol = pv({ name: share, storage: '1Ti', claim: { namespace: ns, name: 'media-share' }, storageClass: '', static: true, reclaimPolicy: 'Retain', accessModes: ['ReadWriteMany'], createdAgo: 300 * DAYS, csi: { driver: 'file.csi.azure.com', volumeHandle: handle } });
  const volSpec = vol.spec as k8s.V1PersistentVolumeSpec;
  volSpec.csi = { driver: 'file.csi.azure.com', volumeHandle: handle, readOnly: false, volumeAttributes: { resourceGroup: 'rg-prod-storage', storageAccount: 'stmediaprodweu', shareName: 'media', protocol: 'smb' }, nodeStageSecretRef: { name: 'azure-files-stmediaprodweu', namespace: ns } };
  volSpec.mountOptions = ['dir_mode=0777', 'file_mode=0777', 'uid=0', 'gid=0', 'mfsymlinks', 'cache=strict', 'nosharesock', 'actimeo=30'];
  const claim = pvc({ namespace: ns, name: 'media-share', storage: '1Ti', storageClass: '', phase: 'Bound', volumeName: share, accessModes: ['ReadWriteMany'], createdAgo: 300 * DAYS });
  const other = bystander(ns, 'media-gallery', names, 3 * HOURS, { revisions: [40, 41], versions: ['6.1.2', '6.2.0'], olderAgo: 18 * DAYS });
  const globalmount = '/var/lib/kubelet/plugins/kubernetes.io/csi/file.csi.azure.com/8e3b1f0c7a2d94e6b5c1a0f9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9/globalmount';
  const mountFail = `MountVolume.MountDevice failed for volume "${share}" : rpc error: code = Internal desc = volume(${handle}) mount //stmediaprodweu.file.core.windows.net/media on ${globalmount} failed with mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t cifs -o dir_mode=0777,file_mode=0777,uid=0,gid=0,mfsymlinks,cache=strict,nosharesock,actimeo=30,<masked> //stmediaprodweu.file.core.windows.net/media ${globalmount}\nOutput: mount error(13): Permission denied\nRefer to the mount.cifs(8) manual page (e.g. man mount.cifs) and kernel log messages (dmesg)\n\nPlease refer to http://aka.ms/filemounterror for possible causes and solutions for mount errors.`;
  return {
    id: 'heldout50-azure-files-rotated-account-key',
    class: 'storage',
    truth: 'The storage account stmediaprodweu had its access key rotated (key1 regenerated by the Key Vault rotation policy overnight), but the Kubernetes secret azure-files-stmediaprodweu that the static Azure Files volume pv-media-share uses as nodeStageSecretRef still holds the old key. The three old thumbnailer pods keep their existing SMB sessions and keep working; the new pod of revision 15 (24 minutes ago) lands on a node where the share must be mounted afresh and the CIFS mount fails with "mount error(13): Permission denied", so it sits in ContainerCreating and the rollout hangs. The release 2.9.1 is innocent; rolling back would not mount either. Fix: update the secret with the current account key (azurestorageaccountkey) and let the kubelet retry.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...other.objects, vol, claim,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-gallery', selector: { app: 'media-gallery' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
      scheduled(fresh, 23.5),
      event({ on: fresh, reason: 'FailedMount', message: mountFail, count: 14, firstAgo: 23.4, lastAgo: 1.3 }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[media], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 10, firstAgo: 21.4, lastAgo: 1.4 }),
    ],
    logs: app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
      `${pyTime(4 + k)} INFO thumbnailer.worker rendered /mnt/media/uploads/2026/11/21/IMG_${4811 + k}.HEIC -> 3 sizes in ${412 + k * 30}ms`,
      `${pyTime(2 + k / 2)} WARNING thumbnailer.worker slow read from /mnt/media (1.9s) for uploads/2026/11/21/VID_${2210 + k}.mov`,
      `${pyTime(0.6)} INFO thumbnailer.worker rendered /mnt/media/uploads/2026/11/21/IMG_${4899 + k}.jpg -> 3 sizes in ${180 + k * 11}ms`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/mount error\(13\)|permission denied|account key|storage key|azure-files-stmediaprodweu|secret|credential/i],
      facts: [/pv-media-share|media-share|stmediaprodweu/, /ContainerCreating|FailedMount/i, /key|secret/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /media-gallery/, /crash ?loop/i],
    },
  };
}

// ---- 6. Hibernate 6: implicit sequence "orders_seq" does not exist -------------------------------------

function hibernateSequenceNaming(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.117', ['33', '180', '61']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.cq1x7bz0k2ms.eu-west-1.rds.amazonaws.com:5432/orders' },
        { name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'none' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      { revision: 203, createdAgo: 10 * DAYS, changeCause: 'argocd: order-service 4.17.2', template: tpl('4.17.2') },
      { revision: 204, createdAgo: 19, changeCause: 'argocd: order-service 5.0.0 (spring boot 3.3 migration)', template: tpl('5.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 204, node: names[k] ?? '', createdAgo: 18.5 - k * 1.2 })),
  });
  const other = bystander(ns, 'order-notifier', names, 2 * HOURS, { revisions: [55, 56], versions: ['1.9.3', '1.9.4'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const start = 18.3 - k * 1.2;
    const out: string[] = [
      `${javaTime(start)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Starting OrderServiceApplication v5.0.0 using Java 21.0.5 with PID 1`,
      `${javaTime(start - 0.2)}  INFO 1 --- [order-service] [           main] org.hibernate.Version                    : HHH000412: Hibernate ORM core version 6.5.3.Final`,
      `${javaTime(start - 0.25)}  WARN 1 --- [order-service] [           main] org.hibernate.orm.deprecation            : HHH90000025: PostgreSQLDialect does not need to be specified explicitly using 'hibernate.dialect' (remove the property setting and it will be selected by default)`,
      `${javaTime(start - 0.3)}  INFO 1 --- [order-service] [           main] j.LocalContainerEntityManagerFactoryBean : Initialized JPA EntityManagerFactory for persistence unit 'default'`,
      `${javaTime(start - 0.35)}  WARN 1 --- [order-service] [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
      `${javaTime(start - 0.4)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 21.337 seconds (process running for 22.41)`,
    ];
    for (let n = 0; n < 7; n++) {
      const t = start - 1.5 - n * 2.1;
      out.push(
        `${javaTime(t)}  INFO 1 --- [order-service] [nio-8080-exec-${n + 1}] c.a.orders.web.RequestLog                : GET /v1/orders/ORD-${918200 + n * 13 + k} 200 18ms`,
        `${javaTime(t - 0.1)}  WARN 1 --- [order-service] [nio-8080-exec-${n + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 42P01`,
        `${javaTime(t - 0.1)} ERROR 1 --- [order-service] [nio-8080-exec-${n + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: relation "orders_seq" does not exist`,
        `  Position: 16`,
        `${javaTime(t - 0.1)} ERROR 1 --- [order-service] [nio-8080-exec-${n + 2}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessResourceUsageException: could not execute statement [ERROR: relation "orders_seq" does not exist`,
        `  Position: 16] [select nextval('orders_seq')]; SQL [select nextval('orders_seq')]] with root cause`,
        ``,
        `org.postgresql.util.PSQLException: ERROR: relation "orders_seq" does not exist`,
        `  Position: 16`,
        `\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)`,
        `\tat org.hibernate.id.enhanced.SequenceStructure$1.getNextValue(SequenceStructure.java:98)`,
        `\tat org.hibernate.id.enhanced.PooledOptimizer.generate(PooledOptimizer.java:81)`,
        `\tat com.acme.orders.service.OrderService.placeOrder(OrderService.java:112)`,
        `${javaTime(t - 0.12)}  INFO 1 --- [order-service] [nio-8080-exec-${n + 2}] c.a.orders.web.RequestLog                : POST /v1/orders 500 9ms`,
      );
    }
    return lines(...out);
  };
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout50-hibernate6-orders-seq-missing',
    class: 'rollout',
    truth: 'Revision 204 of order-service (19 minutes ago, 5.0.0) migrated from Spring Boot 2.7 / Hibernate 5 to Spring Boot 3.3 / Hibernate 6.5. Hibernate 6 changed the implicit @GeneratedValue(strategy = AUTO) naming from the shared "hibernate_sequence" to one sequence per entity, "<entity>_seq", so every insert runs select nextval(\'orders_seq\') and fails with "relation \\"orders_seq\\" does not exist" (SQLState 42P01): POST /v1/orders returns 500 while reads succeed and the pods are Ready. No migration created orders_seq (the table uses hibernate_sequence / orders_id_seq). Fix: roll back to revision 203, then map the id to the existing sequence (@SequenceGenerator / hibernate.id.db_structure_naming_strategy=legacy) or add a Flyway migration.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-notifier', selector: { app: 'order-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 204), 3, 0, 16),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 203), 0, 1, 16),
      ...app.pods.flatMap((p, k) => [
        ...startedNormally(p, 'app', image('5.0.0'), 18.5 - k * 1.2),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? '10.0.0.1'}:8080/actuator/health/readiness": dial tcp ${p.status?.podIP ?? '10.0.0.1'}:8080: connect: connection refused`, { count: 2, firstAgo: 18.4 - k * 1.2, lastAgo: 18.1 - k * 1.2 }),
      ]),
      event({ on: podOf(other, 0), type: 'Normal', reason: 'Pulled', message: `Container image "${ECR}/orders/order-notifier:1.9.4" already present on machine`, firstAgo: 2 * HOURS, lastAgo: 2 * HOURS, fieldPath: fp }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/orders_seq|sequence|42P01|hibernate/i],
      facts: [/revision 204|5\.0\.0/i, /orders_seq|hibernate_sequence/, /POST \/v1\/orders|insert|500/i],
      never: [/\bOOM/, /order-notifier/, /readiness probe[^\n]*(cause|fail)/i, /orders-db[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. healthy: a pod scheduled onto a node right after it booted -------------------------------------

function healthyFreshNodeStartupNoise(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.142', ['27', '98', '211']);
  const freshNode = node({ name: 'ip-10-0-142-166.eu-west-1.compute.internal', zone: 'eu-west-1b', createdAgo: 3 * HOURS + 1, readySince: 3 * HOURS - 0.4 });
  const image = (v: string) => `${ECR}/pricing/price-engine:${v}`;
  const tpl = { containers: [container({ image: image('8.4.2'), ports: [8080], cpu: '500m', memory: '768Mi' })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'price-engine',
    replicas: 3,
    revisions: [{ revision: 71, createdAgo: 6 * DAYS, changeCause: 'argocd: price-engine 8.4.2', template: tpl }],
    pods: [
      { revision: 71, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 71, node: names[2] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 71, node: nameOf(freshNode), createdAgo: 3 * HOURS - 0.2, containers: { app: running({ sinceAgo: 3 * HOURS - 1.1 }) } },
    ],
    settled: { available: true, availableSince: 3 * HOURS - 1, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS },
  });
  const moved = podOf(app, 2);
  const other = bystander(ns, 'promo-rules', names, 70, { revisions: [19, 20], versions: ['3.0.4', '3.0.5'], olderAgo: 25 * DAYS });
  const t = 3 * HOURS;
  const fresh = nameOf(freshNode);
  const ip = moved.status?.podIP ?? '10.0.142.9';
  return {
    id: 'heldout50-healthy-fresh-node-startup-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with price-engine. Three hours ago the cluster autoscaler replaced a node; one replica was rescheduled onto the fresh node ip-10-0-142-166 in the seconds after it booted. During its first seconds the kubelet had not yet synced the kube-root-ca.crt ConfigMap ("object … not registered") and the VPC CNI was not ready (NetworkNotReady), so two Warnings were recorded; both resolved within a minute, the container started once and has run and served since without restarts. All three replicas are Ready.',
    ask: { service: 'price-engine', namespace: ns },
    objects: [
      ...nodes, freshNode, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'price-engine', selector: { app: 'price-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-rules', selector: { app: 'promo-rules' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 70),
      event({ on: { kind: 'Node', name: fresh }, type: 'Normal', reason: 'Starting', message: 'Starting kubelet.', firstAgo: t + 0.9, lastAgo: t + 0.9 }),
      event({ on: { kind: 'Node', name: fresh }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${fresh} event: Registered Node ${fresh} in Controller`, firstAgo: t + 0.8, lastAgo: t + 0.8, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: fresh }, type: 'Normal', reason: 'NodeReady', message: `Node ${fresh} status is now: NodeReady`, firstAgo: t - 0.4, lastAgo: t - 0.4 }),
      scheduled(moved, t - 0.2),
      event({ on: moved, reason: 'NetworkNotReady', message: 'network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', count: 7, firstAgo: t - 0.2, lastAgo: t - 0.9 }),
      event({ on: moved, reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "kube-api-access" : object "${ns}"/"kube-root-ca.crt" not registered`, count: 4, firstAgo: t - 0.2, lastAgo: t - 0.7 }),
      event({ on: moved, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('8.4.2')}"`, firstAgo: t - 1.0, lastAgo: t - 1.0, fieldPath: 'spec.containers{app}' }),
      event({ on: moved, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('8.4.2')}" in 5.871s (5.871s including waiting). Image size: 98214533 bytes.`, firstAgo: t - 1.1, lastAgo: t - 1.1, fieldPath: 'spec.containers{app}' }),
      event({ on: moved, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: t - 1.1, lastAgo: t - 1.1, fieldPath: 'spec.containers{app}' }),
      event({ on: moved, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: t - 1.1, lastAgo: t - 1.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
      `{"ts":"${at(k === 2 ? t - 1.05 : 6 * DAYS - k)}","level":"info","logger":"main","msg":"price-engine 8.4.2 listening","addr":":8080"}`,
      `{"ts":"${at(2.2 + k)}","level":"info","logger":"http","msg":"POST /v2/quote","status":200,"ms":${22 + k * 3}}`,
      `{"ts":"${at(0.4)}","level":"info","logger":"http","msg":"POST /v2/quote","status":200,"ms":${19 + k}}`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|nothing|fine|ready|running/i],
      facts: [/price-engine/, /3\/3|3 of 3|all (3|three)|3 (pods|replicas)[^\n]*ready/i],
      never: [/(not registered|cni|NetworkNotReady|network plugin|FailedMount|kube-root-ca)[^\n]*(caus|broke|broken|failing|fix|investigate)/i, /promo-rules/, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  goMemLimitBadUnit(),
  postgresGlibcCollation(),
  solrMaxWarmingSearchers(),
  zookeeperRuokNotWhitelisted(),
  azureFilesKeyRotated(),
  hibernateSequenceNaming(),
  healthyFreshNodeStartupNoise(),
];
