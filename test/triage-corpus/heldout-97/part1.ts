// Held-out stories, ninety-seventh round, part one: an indexer whose revision raised its bulk
// workers 4 → 48 until Elasticsearch's write thread pool queue (10000) overflows and rejects bulk
// items with es_rejected_execution_exception, while searches stay fine; a `kubectl rollout undo`
// to an image whose Alembic history does not know the revision the newer release already migrated
// the database to; a Laravel app whose ConfigMap edit switched DB_CHARSET from utf8mb4 to utf8, so
// MySQL rejects posts with emoji ("Incorrect string value"); a Rails upgrade that turned on host
// authorization, so the kubelet's readiness probes (Host: the pod IP) get 403 "Blocked hosts"; a Go
// client rebuilt with a newer Go that no longer accepts the upstream's CN-only certificate; a
// Node 12 → 18 move onto a distroless image that dropped `--max-http-header-size=65536`, so large
// cookie headers hit Node's 16 KB default and get 431; and a healthy Spring Boot control with an
// hour-old Hikari "Thread starvation or clock leap detected" warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, boundClaim, configMap, container, crashLoop, deploymentApp, event, every, exposed,
  httpProbe, ipOf, nameOf, node, probeFailed, pulledFresh, pyTime, replicaSetOf, rsOf, running, scaledReplicaSet, scheduled,
  service, startedNormally, statefulSetApp, tcpProbe, waiting, batchContainer,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A GKE node of `pool` in `zone` (europe-west1-b…), as `kubectl get node -o json` shows it. */
function gkeNode(pool: string, id: string, zone: string): k8s.V1Node {
  const name = `gke-shop-prod-${pool}-${id}`;
  const n = node({ name, zone, instanceType: 'e2-standard-8', pool });
  const labels: Record<string, string> = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  if (n.metadata) n.metadata.labels = { ...labels, 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': 'e2', 'topology.kubernetes.io/region': zone.replace(/-[a-z]$/, '') };
  n.spec = { ...n.spec, providerID: `gce://shop-prod-4471/${zone}/${name}` };
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.30.5-gke.1443001', kubeProxyVersion: 'v1.30.5-gke.1443001', osImage: 'Container-Optimized OS from Google', kernelVersion: '6.1.100+', containerRuntimeVersion: 'containerd://1.7.22' });
  return n;
}

/** An AKS node of `pool` (vmss instance `i`) in westeurope-<zone>. */
function aksNode(pool: string, vmss: string, i: number, zone: number): k8s.V1Node {
  const name = `aks-${pool}-${vmss}-vmss00000${i}`;
  const n = node({ name, zone: `westeurope-${zone}`, instanceType: 'Standard_D4s_v5', pool });
  const labels: Record<string, string> = { ...(n.metadata?.labels ?? {}) };
  delete labels['eks.amazonaws.com/nodegroup'];
  if (n.metadata) n.metadata.labels = { ...labels, agentpool: pool, 'kubernetes.azure.com/agentpool': pool, 'kubernetes.azure.com/os-sku': 'Ubuntu', 'topology.kubernetes.io/region': 'westeurope' };
  n.spec = { ...n.spec, providerID: `azure:///subscriptions/7c1e2d90-0000-4000-a000-3b9f1a2c4d5e/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${pool}-${vmss}-vmss/virtualMachines/${i}` };
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1074-azure', containerRuntimeVersion: 'containerd://1.7.23-1' });
  return n;
}

// ---- 1. Elasticsearch rejects bulk writes after the indexer's workers went 4 → 48 -----------------

function esBulkRejections(): CorpusScenario {
  const ns = 'search';
  const gke = [gkeNode('default-pool', '7f3a2c1d-x8kq', 'europe-west1-b'), gkeNode('default-pool', '7f3a2c1d-m2wd', 'europe-west1-c'), gkeNode('default-pool', '7f3a2c1d-q9tz', 'europe-west1-d')];
  const names = gke.map(nameOf);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:7.17.25';
  const es = statefulSetApp({
    namespace: ns,
    name: 'es-data',
    replicas: 3,
    serviceName: 'es-data-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 4,
      createdAgo: 61 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, cpu: '4', memory: '16Gi',
          env: [{ name: 'ES_JAVA_OPTS', value: '-Xms8g -Xmx8g' }, { name: 'cluster.name', value: 'catalog-es' }, { name: 'discovery.seed_hosts', value: 'es-data-headless' }, { name: 'cluster.initial_master_nodes', value: 'es-data-0,es-data-1,es-data-2' }],
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          readiness: { exec: { command: ['bash', '-c', 'curl -fsS "http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s"'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          liveness: tcpProbe('transport', { initialDelaySeconds: 60 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
        securityContext: { fsGroup: 1000 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'premium-rwo' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 19 * DAYS },
      // An old restart, from the node-pool upgrade twelve days ago.
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 19 * DAYS, containers: { elasticsearch: running({ sinceAgo: 12 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 12 * DAYS, ranSeconds: 7 * DAYS * 60 } }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-es-data-${i}`, storage: '500Gi', zone: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'][i] ?? 'europe-west1-b', createdAgo: 61 * DAYS, storageClass: 'premium-rwo' }));
  const idxImage = `europe-west1-docker.pkg.dev/shop-prod-4471/services/catalog-indexer:3.6.0`;
  const idxTpl = (workers: string) => ({
    containers: [container({
      image: idxImage, ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'ES_URL', value: 'http://elasticsearch.search.svc.cluster.local:9200' },
        { name: 'ES_INDEX', value: 'products-v7' },
        { name: 'KAFKA_BOOTSTRAP', value: 'kafka-bootstrap.streaming.svc.cluster.local:9092' },
        { name: 'KAFKA_TOPIC', value: 'catalog.product-changes' },
        { name: 'BULK_WORKERS', value: workers },
        { name: 'BULK_CHUNK_SIZE', value: '1000' },
        { name: 'BULK_MAX_RETRIES', value: '3' },
      ],
      readiness: httpProbe('/healthz', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20 }),
    })],
  });
  const idx = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'helm upgrade catalog-indexer 3.6.0', template: idxTpl('4') },
      { revision: 15, createdAgo: 47, changeCause: 'helm upgrade catalog-indexer 3.6.0 (values: ingest throughput for black-friday backfill)', template: idxTpl('48') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 15, node: names[k % 3] ?? '', createdAgo: 46.5 - k * 0.6 })),
  });
  const searchImage = 'europe-west1-docker.pkg.dev/shop-prod-4471/services/catalog-search:8.2.1';
  const search = deploymentApp({
    namespace: ns,
    name: 'catalog-search',
    replicas: 3,
    revisions: [{ revision: 31, createdAgo: 6 * DAYS, changeCause: 'helm upgrade catalog-search 8.2.1', template: { containers: [container({ image: searchImage, env: [{ name: 'ES_URL', value: 'http://elasticsearch.search.svc.cluster.local:9200' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const completed = [918_273_645, 902_114_871, 911_640_302];
  const reject = (node: number, k: number) =>
    `rejected execution of org.elasticsearch.action.support.replication.TransportWriteAction$1/WrappedActionListener{org.elasticsearch.action.support.replication.ReplicationOperation$$Lambda$7321/0x0000000801d8a4c8@${(0x5c1a2b3d + k * 977).toString(16)}}{org.elasticsearch.action.support.replication.ReplicationOperation$$Lambda$7322/0x0000000801d8a6f0@${(0x3e77c012 + k * 131).toString(16)}}@${(0x4e7f2a91 + k * 17).toString(16)} on EsThreadPoolExecutor[name = es-data-${node}/write, queue capacity = 10000, org.elasticsearch.common.util.concurrent.EsThreadPoolExecutor@${['6d2f9c11', '1b0e7a55', '72c4d9e0'][node]}[Running, pool size = 8, active threads = 8, queued tasks = ${10000 + (k % 7)}, completed tasks = ${(completed[node] ?? 0) + k * 3911}]]`;
  const idxLog = (k: number) => lines(
    `${pyTime(46 - k * 0.6)} INFO indexer.main [MainThread] catalog-indexer 3.6.0 starting: index=products-v7 topic=catalog.product-changes workers=48 chunk_size=1000`,
    `${pyTime(46 - k * 0.6)} INFO elastic_transport.transport [MainThread] HEAD http://elasticsearch.search.svc.cluster.local:9200/products-v7 [status:200 duration:0.004s]`,
    `${pyTime(45.9 - k * 0.6)} INFO indexer.consumer [MainThread] assigned partitions catalog.product-changes-${k * 6}..${k * 6 + 5}, consumer lag 1843${k}1`,
    every(38, 0.3, 41, (t, i) => {
      const worker = (i * 7 + k * 5) % 48;
      const node = (i + k) % 3;
      return lines(
        `${pyTime(t)} INFO elastic_transport.transport [bulk-${worker}] PUT http://elasticsearch.search.svc.cluster.local:9200/_bulk [status:200 duration:${(3.1 + (i % 5) * 0.7).toFixed(3)}s]`,
        `${pyTime(t - 0.001)} WARNING indexer.bulk [bulk-${worker}] chunk ${88_000 + i * 4 + k}: ${380 + ((i * 37 + k * 11) % 340)}/1000 items failed with status 429, retry ${1 + (i % 3)}/3 in ${2 ** (1 + (i % 3))}s`,
        `${pyTime(t - 0.002)} ERROR indexer.bulk [bulk-${worker}] item failed: {'index': {'_index': 'products-v7', '_type': '_doc', '_id': 'SKU-${118_800 + i * 13 + k}', 'status': 429, 'error': {'type': 'es_rejected_execution_exception', 'reason': '${reject(node, i + k * 50)}'}}}`,
        ...(i % 4 === 3 ? [`${pyTime(t - 0.003)} ERROR indexer.bulk [bulk-${worker}] chunk ${88_000 + i * 4 + k - 12}: giving up after 3 retries, ${210 + (i % 90)} documents written to dead-letter topic catalog.product-changes.dlq`] : []),
      ).trimEnd() + '\n';
    }),
    `${pyTime(0.2)} INFO indexer.consumer [MainThread] consumer lag 2291${k}07 (rising)`,
  );
  const esLog = (n: number) => lines(
    `{"type": "server", "timestamp": "${at(19 * DAYS).replace('.', ',').replace('Z', '')}Z", "level": "INFO", "component": "o.e.n.Node", "cluster.name": "catalog-es", "node.name": "es-data-${n}", "message": "started" }`,
    `{"type": "server", "timestamp": "${at(22 - n).replace('.', ',').replace('Z', '')}Z", "level": "WARN", "component": "o.e.m.j.JvmGcMonitorService", "cluster.name": "catalog-es", "node.name": "es-data-${n}", "message": "[gc][1728${n}22] overhead, spent [1.1s] collecting in the last [1.6s]" }`,
    `{"type": "server", "timestamp": "${at(4 - n).replace('.', ',').replace('Z', '')}Z", "level": "INFO", "component": "o.e.m.j.JvmGcMonitorService", "cluster.name": "catalog-es", "node.name": "es-data-${n}", "message": "[gc][1731${n}40] overhead, spent [402ms] collecting in the last [1s]" }`,
  );
  const dep = deploymentOf(idx);
  return {
    id: 'heldout97-es-bulk-write-queue-rejections',
    class: 'capacity',
    truth: 'Revision 15 of catalog-indexer (47 minutes ago, a Helm values change for a backfill, same image 3.6.0) raised BULK_WORKERS from 4 to 48, so 4 pods now send up to 192 concurrent 1000-document bulk requests to the 3-node Elasticsearch cluster. Each node\'s write thread pool (8 threads, queue capacity 10000) overflows and Elasticsearch answers 429 es_rejected_execution_exception for hundreds of items per bulk; after 3 retries the indexer dead-letters them and the consumer lag grows. Elasticsearch itself is healthy and searches (catalog-search) are fine. Fix: lower BULK_WORKERS back (to a few per pod), not a bigger queue.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...gke, ...es.objects, ...claims, ...idx.objects, ...search.objects,
      service({ namespace: ns, name: 'es-data-headless', selector: { app: 'es-data' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 'http' }, { name: 'transport', port: 9300, targetPort: 'transport' }], createdAgo: 61 * DAYS }),
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'es-data' }, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], pods: es.pods, endpointPort: 9200, createdAgo: 61 * DAYS }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], pods: idx.pods, endpointPort: 9102 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: search.pods }),
      scaledReplicaSet(dep, rsOf(idx, 15), 1, 0, 47),
      scaledReplicaSet(dep, rsOf(idx, 14), 3, 4, 46.5),
      scaledReplicaSet(dep, rsOf(idx, 15), 2, 1, 46.5),
      scaledReplicaSet(dep, rsOf(idx, 14), 0, 1, 44.8),
      ...idx.pods.flatMap((p, k) => startedNormally(p, 'app', idxImage, 46.5 - k * 0.6)),
    ],
    logs: [
      ...idx.pods.map((p, k) => logsFor(p, 'app', { current: idxLog(k) })),
      ...es.pods.map((p, n) => logsFor(p, 'elasticsearch', { current: esLog(n) })),
      ...search.pods.map((p, k) => logsFor(p, 'app', { current: lines(`{"ts":"${at(1.1)}","level":"info","msg":"GET /v2/search","q":"winter jacket","hits":${412 + k},"took_ms":${23 + k},"status":200}`, `{"ts":"${at(0.3)}","level":"info","msg":"GET /v2/search","q":"running shoes","hits":${1287 - k},"took_ms":${31 - k},"status":200}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/es_rejected_execution|reject(ed|ion)|\b429\b|queue (capacity|full)|write (thread )?pool/i],
      facts: [lit('BULK_WORKERS'), /\b48\b/, /10000|10,000|queue capacity|write (thread )?pool|thread pool/i],
      never: [/elasticsearch[^\n]*(is )?(down|unreachable|crash|not ready)/i, /\bOOM/, /(connection refused|no such host)/i],
    },
  };
}

// ---- 2. a rollback to an image whose Alembic history lacks the database's revision --------------

function alembicRollbackUnknownRevision(): CorpusScenario {
  const ns = 'billing';
  const aks = [aksNode('apps', '31829475', 0, 1), aksNode('apps', '31829475', 1, 2), aksNode('apps', '31829475', 2, 3)];
  const names = aks.map(nameOf);
  const image = (v: string) => `acrbillingprod.azurecr.io/billing/invoice-api:${v}`;
  const env = [
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'url' } } },
    { name: 'GUNICORN_CMD_ARGS', value: '--workers 4 --bind 0.0.0.0:8000 --timeout 60' },
  ];
  const tpl = (v: string) => ({
    initContainers: [batchContainer({ name: 'migrate', image: image(v), command: ['alembic', 'upgrade', 'head'], env, cpu: '100m', memory: '256Mi' })],
    containers: [container({ image: image(v), ports: [8000], env, cpu: '500m', memory: '1Gi', readiness: httpProbe('/health/ready', 'http'), liveness: httpProbe('/health/live', 'http', { initialDelaySeconds: 15 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 20, createdAgo: 31 * DAYS, template: tpl('4.1.3') },
      { revision: 22, createdAgo: 2 * DAYS + 3 * HOURS, template: tpl('4.3.0') },
      // `kubectl rollout undo` 14 minutes ago: the template equals revision 21's, so the controller
      // took revision 21's ReplicaSet back (created 12 days ago) and renumbered it 23.
      { revision: 23, createdAgo: 12 * DAYS, template: tpl('4.2.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 1 - k })),
      {
        revision: 23, node: names[1] ?? '', createdAgo: 14,
        initContainers: { migrate: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 3 }, 7) },
        containers: { app: waiting('PodInitializing') },
      },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(2 * DAYS + 3 * HOURS - 4), lastTransitionTime: ago(2 * DAYS + 3 * HOURS - 4) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet has timed out progressing.', lastUpdateTime: ago(4), lastTransitionTime: ago(4) },
    ],
  });
  const rs23 = replicaSetOf(app, 23);
  if (rs23.metadata?.annotations) rs23.metadata.annotations['deployment.kubernetes.io/revision-history'] = '21';
  const deployment = deploymentOf(app) as k8s.V1Deployment;
  for (const c of deployment.status?.conditions ?? []) if (c.reason === 'ProgressDeadlineExceeded') c.message = `ReplicaSet "${nameOf(rs23)}" has timed out progressing.`;
  const stuck = podOf(app, 3);
  const serving = app.pods.slice(0, 3);
  const other = bystander(ns, 'invoice-pdf-renderer', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const migrate23 = lines(
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    "ERROR [alembic.util.messaging] Can't locate revision identified by '3f1c9a7e2b44'",
    "  FAILED: Can't locate revision identified by '3f1c9a7e2b44'",
  );
  const migrate22 = lines(
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    'INFO  [alembic.runtime.migration] Running upgrade 9b2d4e6f1a03 -> 3f1c9a7e2b44, add tax_code and reverse_charge to invoice_lines',
  );
  const migrateLater = lines(
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
  );
  const appLog = (k: number) => lines(
    `[${pyTime(2 * DAYS + 3 * HOURS - 1.2 - k).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(2 * DAYS + 3 * HOURS - 1.2 - k).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(2 * DAYS + 3 * HOURS - 1.2 - k).slice(0, 19)} +0000] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    `${pyTime(41 - k)} WARNING invoice_api.pdf slow request: GET /v1/invoices/INV-2026-${118_220 + k}/pdf took 4.81s (renderer queue 37)`,
    `${pyTime(1.4 - k * 0.2)} INFO uvicorn.access 10.0.${12 + k}.4:51022 - "GET /v1/invoices?customer=C-44${k}19&status=open HTTP/1.1" 200`,
    `${pyTime(0.6 - k * 0.1)} INFO uvicorn.access 10.0.${12 + k}.9:40318 - "POST /v1/invoices HTTP/1.1" 201`,
  );
  const fp = 'spec.initContainers{migrate}';
  return {
    id: 'heldout97-alembic-rollback-unknown-revision',
    class: 'rollout',
    truth: 'invoice-api 4.3.0 (revision 22, two days ago) ran its Alembic migration 3f1c9a7e2b44 (tax_code on invoice_lines), so the database is at that revision. 14 minutes ago someone ran `kubectl rollout undo` because of slow PDF requests: revision 23 is revision 21\'s template (4.2.0) brought back. The 4.2.0 image\'s migrate init container runs `alembic upgrade head` and fails with "Can\'t locate revision identified by \'3f1c9a7e2b44\'" — the older code does not know the database\'s newer revision — so the new pod sits in Init:CrashLoopBackOff and the rollout stalls while the three 4.3.0 pods keep serving. The rollback itself is the trigger. Fix: go forward again to 4.3.0 (revision 22), or downgrade the schema with the 4.3.0 image before rolling back.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deployment, nameOf(rs23), 1, 0, 14),
      scheduled(stuck, 14),
      event({ on: stuck, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.2.0')}" already present on machine`, count: 8, firstAgo: 13.9, lastAgo: 2.3, fieldPath: fp }),
      event({ on: stuck, type: 'Normal', reason: 'Created', message: 'Created container migrate', count: 8, firstAgo: 13.9, lastAgo: 2.3, fieldPath: fp }),
      event({ on: stuck, type: 'Normal', reason: 'Started', message: 'Started container migrate', count: 8, firstAgo: 13.9, lastAgo: 2.3, fieldPath: fp }),
      backOff(stuck, 'migrate', { count: 61, firstAgo: 13.7, lastAgo: 0.3, init: true }),
    ],
    logs: [
      logsFor(stuck, 'migrate', { current: migrate23, previous: migrate23 }),
      ...serving.map((p, k) => logsFor(p, 'migrate', { current: k === 0 ? migrate22 : migrateLater })),
      ...serving.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/3f1c9a7e2b44|alembic|locate revision|migrat/i],
      facts: [lit('3f1c9a7e2b44'), /roll(ed)?[ -]?back|rollout undo|undo|revision 23|revision 21|4\.2\.0/i, /4\.3\.0|revision 22/],
      never: [/database[^\n]*(down|unreachable|refus)/i, /image[^\n]*(not found|pull)/i, /\bOOM/],
    },
  };
}

// ---- 3. Laravel: a ConfigMap edit set DB_CHARSET=utf8, emoji inserts fail -------------------------

function laravelUtf8mb3Charset(): CorpusScenario {
  const ns = 'community';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const image = `${ECR}/community/forum-web:2.31.0`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({ image, ports: [8080], cpu: '500m', memory: '512Mi', envFrom: [{ configMapRef: { name: 'forum-web-env' } }, { secretRef: { name: 'forum-web-secrets' } }], readiness: httpProbe('/up', 'http'), liveness: httpProbe('/up', 'http', { initialDelaySeconds: 10 }) })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'forum-web',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: forum-web 2.31.0', template: tpl() },
      { revision: 58, createdAgo: 39, template: tpl(ago(39).toISOString().replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 38.8 - k * 0.5 })),
  });
  const cm = configMap({
    namespace: ns, name: 'forum-web-env', createdAgo: 210 * DAYS, updatedAgo: 41,
    data: {
      APP_ENV: 'production', APP_DEBUG: 'false', APP_URL: 'https://forum.example-games.com', LOG_CHANNEL: 'stderr', LOG_LEVEL: 'info',
      DB_CONNECTION: 'mysql', DB_HOST: 'forum-db.cluster-c3k9x2m1q7.eu-west-1.rds.amazonaws.com', DB_PORT: '3306', DB_DATABASE: 'forum',
      DB_CHARSET: 'utf8', DB_COLLATION: 'utf8_unicode_ci',
      CACHE_STORE: 'redis', SESSION_DRIVER: 'redis', QUEUE_CONNECTION: 'redis', REDIS_HOST: 'forum-redis.community.svc.cluster.local',
    },
  });
  const other = bystander(ns, 'forum-search-sync', names, 2 * HOURS + 10, { revisions: [9, 10], versions: ['0.14.2', '0.15.0'], olderAgo: 30 * DAYS });
  const stamp = (t: number) => at(t).slice(0, 19).replace('T', ' ');
  const posts = [
    { thread: 88213, user: 40122, body: 'lol that is the best clip 😂 seen all week', bytes: "\\xF0\\x9F\\x98\\x82 s..." },
    { thread: 90417, user: 1733, body: 'GG everyone 🎉🎉 see you next season', bytes: "\\xF0\\x9F\\x8E\\x89\\xF0\\x9F..." },
    { thread: 88213, user: 55810, body: 'ok this patch is 🔥', bytes: "\\xF0\\x9F\\x94\\xA5" },
    { thread: 91002, user: 20931, body: 'thanks for the guide 👍 worked for me', bytes: "\\xF0\\x9F\\x91\\x8D w..." },
  ];
  const failure = (t: number, i: number) => {
    const p = posts[i % posts.length] ?? posts[0];
    if (p === undefined) return '';
    const msg = `SQLSTATE[HY000]: General error: 1366 Incorrect string value: '${p.bytes}' for column 'body' at row 1 (Connection: mysql, SQL: insert into \`posts\` (\`thread_id\`, \`user_id\`, \`body\`, \`updated_at\`, \`created_at\`) values (${p.thread}, ${p.user}, ${p.body}, ${stamp(t)}, ${stamp(t)}))`;
    return lines(
      `[${stamp(t)}] production.ERROR: ${msg} {"userId":${p.user},"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: HY000): ${msg} at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:825)`,
      '[stacktrace]',
      '#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php(779): Illuminate\\Database\\Connection->runQueryCallback()',
      '#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/MySqlConnection.php(42): Illuminate\\Database\\Connection->run()',
      '#2 /var/www/html/app/Http/Controllers/PostController.php(58): Illuminate\\Database\\Eloquent\\Model->save()',
      '"}',
      `10.0.96.${20 + (i % 9)} - - [${clfTime(t)}] "POST /threads/${p.thread}/posts HTTP/1.1" 500 6603 "https://forum.example-games.com/threads/${p.thread}" "Mozilla/5.0"`,
    );
  };
  const ok = (t: number, i: number) => lines(
    `10.0.96.${30 + (i % 7)} - - [${clfTime(t)}] "POST /threads/${88_000 + i * 17}/posts HTTP/1.1" 302 0 "https://forum.example-games.com/threads/${88_000 + i * 17}" "Mozilla/5.0"`,
    `10.0.96.${30 + (i % 5)} - - [${clfTime(t - 0.01)}] "GET /threads/${88_000 + i * 29} HTTP/1.1" 200 48211 "-" "Mozilla/5.0"`,
  );
  const webLog = (k: number) =>
    lines(
      `[${stamp(38.5 - k * 0.5)}] NOTICE: fpm is running, pid 1`,
      `[${stamp(38.5 - k * 0.5)}] NOTICE: ready to handle connections`,
      `[${stamp(30 - k)}] production.WARNING: Redis slow command: MGET took 212ms {"keys":48}`,
    ) + every(33 - k * 0.3, 0.4, 53, (t, i) => (i % 3 === 1 ? failure(t, i + k) : ok(t, i + k)));
  return {
    id: 'heldout97-laravel-utf8mb3-charset-configmap',
    class: 'config',
    truth: 'Yesterday a report query failed with "Illegal mix of collations"; 41 minutes ago someone "aligned" the ConfigMap forum-web-env with kubectl edit, changing DB_CHARSET from utf8mb4 to utf8 (MySQL\'s utf8mb3) and DB_COLLATION to utf8_unicode_ci, then ran `kubectl rollout restart` (revision 58, 39 minutes ago, same image 2.31.0) to load it. Laravel now opens MySQL connections with SET NAMES utf8, so any post containing a 4-byte character (emoji) fails with "General error: 1366 Incorrect string value: \'\\xF0\\x9F…\' for column \'body\'" and a 500; other posts succeed. Fix: set DB_CHARSET back to utf8mb4 (collation utf8mb4_unicode_ci) and restart; rolling back the restart revision alone would not help, the ConfigMap is read at start.',
    ask: { service: 'forum-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'forum-web', selector: { app: 'forum-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'forum-search-sync', selector: { app: 'forum-search-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 39),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, 38.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 2, 38.1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 37.7),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 38.8 - k * 0.5)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/DB_CHARSET|utf8mb4|utf8mb3|charset|character set|Incorrect string value|1366/i],
      facts: [/forum-web-env/, /utf8mb4/i, /emoji|\\xF0|4-byte|four-byte|Incorrect string value/i],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /database[^\n]*(down|unreachable|refus)/i, /\bOOM/],
    },
  };
}

// ---- 4. Rails host authorization blocks the kubelet's readiness probes --------------------------

function railsBlockedHostProbe(): CorpusScenario {
  const ns = 'storefront';
  const gke = [gkeNode('web-pool', '3c81e0a4-f7vb', 'europe-west4-a'), gkeNode('web-pool', '3c81e0a4-k2nc', 'europe-west4-b'), gkeNode('web-pool', '3c81e0a4-z5rp', 'europe-west4-c')];
  const names = gke.map(nameOf);
  const image = (v: string) => `europe-west4-docker.pkg.dev/retail-prod-2210/web/shop-web:${v}`;
  const baseEnv = [
    { name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'RAILS_MAX_THREADS', value: '5' },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'shop-web-db', key: 'url' } } },
  ];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({
    containers: [container({ image: image(v), ports: [3000], env: [...baseEnv, ...extra], cpu: '1', memory: '1536Mi', readiness: httpProbe('/health/ready', 'http', { periodSeconds: 5 }), liveness: httpProbe('/health/live', 'http', { initialDelaySeconds: 30 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 4,
    revisions: [
      { revision: 112, createdAgo: 9 * DAYS, changeCause: 'argocd: shop-web 5.17.2', template: tpl('5.17.2', []) },
      { revision: 113, createdAgo: 26, changeCause: 'argocd: shop-web 5.18.0', template: tpl('5.18.0', [{ name: 'RAILS_ALLOWED_HOSTS', value: 'shop.example-retail.com,.example-retail.com' }]) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 112, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      ...[0, 1].map((k) => ({ revision: 113, node: names[k + 1] ?? '', createdAgo: 25.8 - k * 0.1, containers: { app: running({ sinceAgo: 25.6 - k * 0.1, ready: false }) } })),
    ],
  });
  // The old ReplicaSet's fourth pod was taken down (maxUnavailable 25 %) when the rollout began.
  const fresh = app.pods.slice(3);
  const other = bystander(ns, 'shop-assets', names, 3 * HOURS + 40, { revisions: [40, 41], versions: ['2026.11.19', '2026.11.20'], olderAgo: 12 * DAYS });
  const dep = deploymentOf(app);
  const rubyTime = (t: number) => at(t).replace('Z', '').replace(/\.(\d{3})$/, '.$1412');
  const boot = (t: number) => [
    '=> Booting Puma',
    '=> Rails 7.1.4.2 application starting in production',
    '=> Run `bin/rails server --help` for more startup options',
    'Puma starting in single mode...',
    '* Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")',
    '*  Min threads: 5',
    '*  Max threads: 5',
    '*  Environment: production',
    '*          PID: 1',
    '* Listening on http://0.0.0.0:3000',
    'Use Ctrl-C to stop',
    `I, [${rubyTime(t)} #1]  INFO -- : Rails cache store: redis, connected`,
  ];
  const freshLog = (p: k8s.V1Pod, k: number) =>
    lines(...boot(25.5 - k * 0.1)) +
    every(25.3 - k * 0.1, 0.05, 5, (t) => `E, [${rubyTime(t)} #1] ERROR -- : [ActionDispatch::HostAuthorization::DefaultResponseApp] Blocked hosts: ${ipOf(p)}:3000\n`);
  const oldLog = (k: number) => lines(
    `I, [${rubyTime(1.2 - k * 0.1)} #1]  INFO -- : [${'9f3c2a1e-77b0-4c1d-a2e3-5d6f7a8b9c0'}${k}] Started GET "/products/trail-runner-gtx" for 35.191.${10 + k}.77 at ${at(1.2 - k * 0.1).slice(0, 19).replace('T', ' ')} +0000`,
    `I, [${rubyTime(1.19 - k * 0.1)} #1]  INFO -- : [${'9f3c2a1e-77b0-4c1d-a2e3-5d6f7a8b9c0'}${k}] Completed 200 OK in 84ms (Views: 51.2ms | ActiveRecord: 21.7ms | Allocations: 48213)`,
    `W, [${rubyTime(0.7 - k * 0.1)} #1]  WARN -- : [${'1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5'}${k}] Rack::Attack throttled 203.0.113.${40 + k} (checkout/ip)`,
  );
  return {
    id: 'heldout97-rails-host-authorization-probe-403',
    class: 'probes',
    truth: 'shop-web 5.18.0 (revision 113, 26 minutes ago) turned on Rails host authorization in production (config.hosts from the new RAILS_ALLOWED_HOSTS env: shop.example-retail.com, .example-retail.com) after a pen-test finding. The kubelet\'s readiness probe GET /health/ready is sent with the pod IP as Host, which is not an allowed host, so ActionDispatch::HostAuthorization answers 403 and logs "Blocked hosts: <pod IP>:3000"; the new pods never turn Ready, the rollout is stuck (progress deadline exceeded) with three 5.17.2 pods still serving. Fix: exclude the health paths from host authorization (config.host_authorization exclude) or allow the pod network, then roll forward.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'shop-assets', selector: { app: 'shop-assets' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 113), 1, 0, 26),
      scaledReplicaSet(dep, rsOf(app, 112), 3, 4, 26),
      scaledReplicaSet(dep, rsOf(app, 113), 2, 1, 26),
      ...fresh.flatMap((p, k) => pulledFresh(p, 'app', image('5.18.0'), { atAgo: 25.8 - k * 0.1, bytes: 412_883_101, seconds: 6.214 + k })),
      ...fresh.flatMap((p, k) => [
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 25.6 - k * 0.1, lastAgo: 25.6 - k * 0.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 25.6 - k * 0.1, lastAgo: 25.6 - k * 0.1, fieldPath: 'spec.containers{app}' }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 403', { count: 298 - k, firstAgo: 25.2 - k * 0.1, lastAgo: 0.1 }),
      ]),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'app', { current: freshLog(p, k) })),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Blocked host|HostAuthori[sz]ation|host authori[sz]ation|config\.hosts|RAILS_ALLOWED_HOSTS|allowed hosts|\b403\b/i],
      facts: [/\b403\b/, /RAILS_ALLOWED_HOSTS|config\.hosts|HostAuthori[sz]ation|host authori[sz]ation|Blocked host/i, /revision 113|5\.18\.0/],
      never: [/\bOOM/, /connection refused/i, /(probe|readiness)[^\n]*(timeout|timed out)/i],
    },
  };
}

// ---- 5. a Go rebuild refuses the upstream's CN-only certificate --------------------------------

function goLegacyCommonNameCert(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.148', ['22', '97', '180']);
  const image = (v: string) => `${ECR}/finance/payout-connector:${v}`;
  const tpl = (v: string, go: string) => ({
    annotations: { 'build.acme.io/go-version': go, 'build.acme.io/commit': v === '2.15.0' ? 'c41e9a2' : '7d0b3f8' },
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'BANK_GATEWAY_URL', value: 'https://bank-gateway.finance.svc.cluster.local:8443' },
        { name: 'BANK_GATEWAY_CA', value: '/etc/bank-gateway/ca.crt' },
        { name: 'GODEBUG', value: 'x509ignoreCN=0' },
        { name: 'PAYOUT_BATCH_INTERVAL', value: '60s' },
      ],
      volumeMounts: [{ name: 'bank-gateway-ca', mountPath: '/etc/bank-gateway', readOnly: true }],
      readiness: httpProbe('/readyz', 'http'), liveness: httpProbe('/livez', 'http', { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'bank-gateway-ca', configMap: { name: 'bank-gateway-ca', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-connector',
    replicas: 2,
    revisions: [
      { revision: 38, createdAgo: 74 * DAYS, changeCause: 'flux: payout-connector 2.14.1', template: tpl('2.14.1', 'go1.16.15') },
      { revision: 39, createdAgo: 52, changeCause: 'flux: payout-connector 2.15.0', template: tpl('2.15.0', 'go1.23.3') },
    ],
    pods: [0, 1].map((k) => ({ revision: 39, node: names[k] ?? '', createdAgo: 51.6 - k * 0.7 })),
  });
  const gwImage = `${ECR}/finance/bank-gateway:3.2.7`;
  const gw = deploymentApp({
    namespace: ns,
    name: 'bank-gateway',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 410 * DAYS, changeCause: 'bank-gateway 3.2.7', template: { containers: [container({ image: gwImage, ports: [{ name: 'https', containerPort: 8443 }], memory: '1Gi', readiness: tcpProbe('https'), liveness: tcpProbe('https', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }] })], volumes: [{ name: 'tls', secret: { secretName: 'bank-gateway-tls', defaultMode: 420 } }] } }],
    pods: [0, 1].map((k) => ({ revision: 6, node: names[k + 1] ?? '', createdAgo: 33 * DAYS - k * 5 })),
  });
  const ca = configMap({ namespace: ns, name: 'bank-gateway-ca', createdAgo: 1130 * DAYS, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIUQ2x0Zm9yZ2VkLWNhLWZpbmFuY2UtMjAyMzAeFw0yMzEw\nMTMwOTE0MDBaFw0zMzEwMTAwOTE0MDBaMCgxJjAkBgNVBAMMHWFjbWUtZmluYW5j\n-----END CERTIFICATE-----\n' } });
  const other = bystander(ns, 'ledger-export', names, 5 * HOURS, { revisions: [17, 18], versions: ['1.4.0', '1.4.1'], olderAgo: 22 * DAYS });
  const dep = deploymentOf(app);
  const tlsErr = 'Post \\"https://bank-gateway.finance.svc.cluster.local:8443/v1/payouts\\": tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead';
  const appLog = (k: number) =>
    lines(
      `{"time":"${at(51.3 - k * 0.7)}","level":"INFO","msg":"payout-connector starting","version":"2.15.0","go":"go1.23.3","addr":":8080"}`,
      `{"time":"${at(51.3 - k * 0.7)}","level":"INFO","msg":"loaded bank gateway CA","path":"/etc/bank-gateway/ca.crt","subject":"CN=acme-finance-internal-ca"}`,
    ) +
    every(50 - k * 0.4, 0.2, 60, (t, i) => lines(
      `{"time":"${at(t)}","level":"INFO","msg":"payout batch ready","batch":"PB-20261121-${String(250 + i * 2 + k).padStart(4, '0')}","payouts":${14 + ((i * 7 + k) % 30)}}`,
      `{"time":"${at(t - 0.01)}","level":"ERROR","msg":"submit payout batch failed","batch":"PB-20261121-${String(250 + i * 2 + k).padStart(4, '0')}","attempt":3,"err":"${tlsErr}"}`,
      `{"time":"${at(t - 0.011)}","level":"WARN","msg":"batch returned to retry queue","batch":"PB-20261121-${String(250 + i * 2 + k).padStart(4, '0')}","queued":${i * 2 + 3}}`,
    ));
  const gwLog = (k: number) => lines(
    `${at(9 * DAYS).replace('T', ' ').replace('Z', '')}  INFO 1 --- [main] c.a.f.b.BankGatewayApplication           : Started BankGatewayApplication in 14.2 seconds`,
    `${at(40 - k).replace('T', ' ').replace('Z', '')} DEBUG 1 --- [nio-8443-exec-${3 + k}] o.a.tomcat.util.net.NioEndpoint          : Handshake failed during wrap`,
    `${at(40 - k).replace('T', ' ').replace('Z', '')} DEBUG 1 --- [nio-8443-exec-${3 + k}] o.a.tomcat.util.net.NioEndpoint          : javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate`,
    `${at(2 - k * 0.5).replace('T', ' ').replace('Z', '')}  INFO 1 --- [nio-8443-exec-${7 + k}] c.a.f.b.web.AccessLog                    : POST /v1/statements 200 38ms client=ledger-export`,
  );
  return {
    id: 'heldout97-go-legacy-common-name-certificate',
    class: 'network',
    truth: 'payout-connector 2.15.0 (revision 39, 52 minutes ago) is the same code rebuilt with Go 1.23 instead of Go 1.16. bank-gateway\'s TLS certificate (unchanged for over a year, issued by the internal CA in ConfigMap bank-gateway-ca) carries the hostname only in its Common Name and has no subjectAltName; Go 1.15/1.16 still matched the CN thanks to GODEBUG=x509ignoreCN=0, but since Go 1.17 that setting is gone, so every payout submission fails with "x509: certificate relies on legacy Common Name field, use SANs instead" and batches pile up in the retry queue while the pods stay Ready. The upstream did not change. Fix: reissue bank-gateway\'s certificate with a SAN for bank-gateway.finance.svc.cluster.local (short term: roll back to 2.14.1).',
    ask: { service: 'payout-connector', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gw.objects, ...other.objects, ca,
      ...exposed({ namespace: ns, name: 'payout-connector', selector: { app: 'payout-connector' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'bank-gateway', selector: { app: 'bank-gateway' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: gw.pods, endpointPort: 8443, createdAgo: 1130 * DAYS }),
      ...exposed({ namespace: ns, name: 'ledger-export', selector: { app: 'ledger-export' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 39), 1, 0, 52),
      scaledReplicaSet(dep, rsOf(app, 38), 1, 2, 51.3),
      scaledReplicaSet(dep, rsOf(app, 39), 2, 1, 51.3),
      scaledReplicaSet(dep, rsOf(app, 38), 0, 1, 50.6),
      ...app.pods.flatMap((p, k) => pulledFresh(p, 'app', image('2.15.0'), { atAgo: 51.6 - k * 0.7, bytes: 11_482_311, seconds: 1.872 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Common Name|\bSANs?\b|subjectAltName|x509/i],
      facts: [/bank-gateway/, /go ?1\.(1[7-9]|2\d)|newer Go|Go (version|toolchain|upgrade)|rebuil|revision 39|2\.15\.0/i, /SAN|subjectAltName|reissue|re-issue|x509ignoreCN|GODEBUG/i],
      never: [/certificate (has |is )?expired|expired certificate/i, /bank-gateway[^\n]*(down|crash|unreachable|not ready)/i, /\bOOM/],
    },
  };
}

// ---- 6. Node 18 on distroless without --max-http-header-size: 431 for large cookies -------------

function nodeHeaderSize431(): CorpusScenario {
  const ns = 'accounts';
  const aks = [aksNode('web', '60412398', 0, 1), aksNode('web', '60412398', 1, 2), aksNode('web', '60412398', 3, 3)];
  const names = aks.map(nameOf);
  const image = (v: string) => `acraccountsprod.azurecr.io/accounts/account-portal:${v}`;
  const env = [
    { name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' },
    { name: 'SESSION_STORE_URL', value: 'redis://account-sessions.accounts.svc.cluster.local:6379/0' },
    { name: 'OIDC_ISSUER', value: 'https://login.example-bank.eu/realms/customers' },
  ];
  const probes = { readiness: httpProbe('/_health', 'http'), liveness: httpProbe('/_health', 'http', { initialDelaySeconds: 10 }) };
  const app = deploymentApp({
    namespace: ns,
    name: 'account-portal',
    replicas: 3,
    revisions: [
      { revision: 73, createdAgo: 23 * DAYS, changeCause: 'argocd: account-portal 4.9.2', template: { labels: { 'app.kubernetes.io/version': '4.9.2' }, containers: [container({ image: image('4.9.2'), command: ['node', '--max-http-header-size=65536', 'dist/server.js'], ports: [3000], env, memory: '512Mi', ...probes })] } },
      // 5.0.0 moved from node:12-alpine to gcr.io/distroless/nodejs18 (ENTRYPOINT /nodejs/bin/node): the command became args.
      { revision: 74, createdAgo: 95, changeCause: 'argocd: account-portal 5.0.0', template: { labels: { 'app.kubernetes.io/version': '5.0.0' }, containers: [container({ image: image('5.0.0'), args: ['dist/server.js'], ports: [3000], env, memory: '512Mi', ...probes })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 74, node: names[k] ?? '', createdAgo: 94.5 - k * 0.8 })),
  });
  const sessions = deploymentApp({
    namespace: ns,
    name: 'account-sessions',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 5 }) })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 40 * DAYS }],
  });
  const dep = deploymentOf(app);
  const host = (p: k8s.V1Pod) => nameOf(p);
  const appLog = (p: k8s.V1Pod, k: number) =>
    lines(
      `{"level":30,"time":${ago(94 - k * 0.8).getTime()},"pid":1,"hostname":"${host(p)}","node":"v18.20.4","version":"5.0.0","msg":"account-portal listening on :3000"}`,
      `{"level":40,"time":${ago(93.9 - k * 0.8).getTime()},"pid":1,"hostname":"${host(p)}","msg":"punycode module is deprecated (DEP0040) — pulled in by tr46 via whatwg-url"}`,
    ) +
    every(60 - k * 0.2, 0.1, 23, (t, i) => {
      const ok = `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"${host(p)}","req":{"method":"GET","url":"/accounts/overview","remoteAddress":"10.244.${2 + k}.${17 + (i % 40)}"},"res":{"statusCode":200},"responseTime":${41 + (i % 37)},"msg":"request completed"}`;
      if (i % 6 !== 4) return ok + '\n';
      return lines(ok, `{"level":40,"time":${ago(t - 0.005).getTime()},"pid":1,"hostname":"${host(p)}","err":{"type":"Error","message":"Parse Error: Header overflow","stack":"Error: Parse Error: Header overflow","code":"HPE_HEADER_OVERFLOW","reason":"Header overflow","bytesParsed":${16_390 + ((i * 211 + k * 97) % 9000)}},"remoteAddress":"10.244.${2 + k}.${17 + (i % 40)}","msg":"clientError: answering 431 Request Header Fields Too Large"}`);
    });
  return {
    id: 'heldout97-node18-header-overflow-431',
    class: 'config',
    truth: 'account-portal 5.0.0 (revision 74, 95 minutes ago) moved from node:12 to a distroless Node 18 image whose entrypoint is node itself; the container command `node --max-http-header-size=65536 dist/server.js` became args [dist/server.js] and the flag was lost. Node\'s HTTP server now enforces its default 16 KB header limit, so customers whose cookies (OIDC session chunks plus consent/A-B cookies) push the request headers past 16 KB get "431 Request Header Fields Too Large" straight from Node (HPE_HEADER_OVERFLOW, the app never sees the request) — a fraction of users, while pods are healthy and other requests succeed. Fix: pass --max-http-header-size again (args or NODE_OPTIONS), or trim the cookies.',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...sessions.objects,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'account-sessions', selector: { app: 'account-sessions' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: sessions.pods, endpointPort: 6379 }),
      scaledReplicaSet(dep, rsOf(app, 74), 1, 0, 95),
      scaledReplicaSet(dep, rsOf(app, 73), 2, 3, 94.2),
      scaledReplicaSet(dep, rsOf(app, 74), 2, 1, 94.2),
      scaledReplicaSet(dep, rsOf(app, 73), 1, 2, 93.5),
      scaledReplicaSet(dep, rsOf(app, 74), 3, 2, 93.5),
      scaledReplicaSet(dep, rsOf(app, 73), 0, 1, 92.8),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/\b431\b|header[s]? (fields )?(too large|overflow|size)|max-http-header-size|HPE_HEADER_OVERFLOW/i],
      facts: [/max-http-header-size/i, /16 ?(KB|KiB|k\b)|16384|16,384/i, /revision 74|5\.0\.0/],
      never: [/\bOOM/, /crash ?loop/i, /(account-sessions|redis)[^\n]*(down|unreachable|cause)/i],
    },
  };
}

// ---- 7. healthy control: Spring Boot with an hour-old Hikari housekeeper warning -------------------

function healthySpringHikariClockLeap(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '118', '240']);
  const image = `${ECR}/pricing/pricing-service:6.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-service',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 24 * DAYS, changeCause: 'argocd: pricing-service 6.4.0', template: { containers: [container({ image: `${ECR}/pricing/pricing-service:6.4.0`, memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 'http'), liveness: httpProbe('/actuator/health/liveness', 'http', { initialDelaySeconds: 40 }) })] } },
      { revision: 19, createdAgo: 10 * DAYS, changeCause: 'argocd: pricing-service 6.4.1', template: { containers: [container({ image, memory: '1Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '20' }], readiness: httpProbe('/actuator/health/readiness', 'http'), liveness: httpProbe('/actuator/health/liveness', 'http', { initialDelaySeconds: 40 }) })] } },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 10 * DAYS },
      // Restarted once four days ago, when its node was replaced: long settled.
      { revision: 19, node: names[1] ?? '', createdAgo: 10 * DAYS - 1, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 4 * DAYS, ranSeconds: 6 * DAYS * 60 } }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 10 * DAYS - 2 },
    ],
  });
  const other = bystander(ns, 'promo-rules', names, 30, { revisions: [5, 6], versions: ['3.0.2', '3.1.0'], olderAgo: 15 * DAYS });
  const sb = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [pricing-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const log = (k: number) => lines(
    ...(k === 1 ? [
      sb(64, 'WARN', 'l-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s227ms).'),
      sb(63.9, 'WARN', 'nio-8080-exec-4', 'o.s.w.s.m.s.DefaultHandlerExceptionResolver', 'Resolved [org.springframework.web.HttpMediaTypeNotAcceptableException: No acceptable representation]'),
    ] : []),
    sb(3.2 - k * 0.3, 'INFO', `nio-8080-exec-${2 + k}`, 'c.a.p.api.PriceController', `GET /v3/prices?sku=SKU-${77_310 + k}&market=DE 200 in 12 ms`),
    sb(1.1 - k * 0.2, 'INFO', `nio-8080-exec-${5 + k}`, 'c.a.p.api.PriceController', `POST /v3/prices/quote 200 in ${38 + k} ms (items=7)`),
    sb(0.4, 'DEBUG', 'scheduling-1', 'c.a.p.cache.PriceCacheRefresher', `refreshed 18${k}44 prices in 1.2 s`),
  );
  return {
    id: 'heldout97-healthy-spring-hikari-clock-leap',
    class: 'healthy',
    truth: 'pricing-service (revision 19, 6.4.1, ten days old) is healthy: three Ready pods serve requests with 200s. One pod logged a HikariCP "Thread starvation or clock leap detected (housekeeper delta=1m4s227ms)" warning an hour ago — a brief pause of the JVM or a host clock adjustment, after which the pool kept working; its one restart is four days old (node replacement). A neighbouring Deployment rolled out 30 minutes ago and is fine. Nothing needs fixing.',
    ask: { service: 'pricing-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-service', selector: { app: 'pricing-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-rules', selector: { app: 'promo-rules' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 30),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 5), 0, 2, 29),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?(problem|issue|failure|fault)s?|running normally|all .*ready|serving/i],
      facts: [/pricing-service/],
      never: [/(hikari|starvation|clock leap)[^\n]*(cause|fail|exhaust|broken)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  esBulkRejections(),
  alembicRollbackUnknownRevision(),
  laravelUtf8mb3Charset(),
  railsBlockedHostProbe(),
  goLegacyCommonNameCert(),
  nodeHeaderSize431(),
  healthySpringHikariClockLeap(),
];
