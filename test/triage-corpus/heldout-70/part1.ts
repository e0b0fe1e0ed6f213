// Held-out stories, seventieth round, part one: a Rails app whose tmp/pids is an emptyDir, so after
// one OOM kill every restart finds a stale server.pid; a new Postgres StatefulSet whose PGDATA is
// the root of a fresh ext4 volume (lost+found); Elasticsearch data nodes moved to a hostPath with no
// anti-affinity, two on one node fighting over the node lock; Prometheus as a RollingUpdate
// Deployment on a ReadWriteOnce claim whose new pod cannot take the TSDB lock; a Node.js revision
// setting NODE_OPTIONS with a flag Node refuses there; a rotated database password with '@' and '#'
// pasted unencoded into DATABASE_URL; and a healthy control: Celery workers warning about
// broker_connection_retry at start-up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, execProbe, exposed,
  httpProbe, nameOf, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe,
  endpointSliceFor,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const statefulSetOf = (app: Built): KubeJson => app.objects.find((o) => o.kind === 'StatefulSet') ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Rails' logger time: `2026-11-21T03:12:41.563412`. */
const railsTime = (minutes: number): string => at(minutes).replace('Z', '412');

// ---- 1. Rails/Puma: a stale server.pid on an emptyDir after one OOM kill ---------------------------

function railsStaleServerPid(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'web', image: image(v), command: ['bundle', 'exec', 'rails', 'server', '-b', '0.0.0.0', '-p', '3000'], ports: [3000], cpu: '500m', memory: '1Gi',
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'WEB_CONCURRENCY', value: '2' }, { name: 'RAILS_MAX_THREADS', value: '5' }],
      readiness: httpProbe('/up', 3000, { periodSeconds: 5 }), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'tmp-pids', mountPath: '/app/tmp/pids' }, { name: 'tmp-cache', mountPath: '/app/tmp/cache' }],
      securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000 },
    })],
    volumes: [{ name: 'tmp-pids', emptyDir: {} }, { name: 'tmp-cache', emptyDir: { sizeLimit: '512Mi' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: shop-web v2026.11.12', template: tpl('v2026.11.12') },
      { revision: 58, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: shop-web v2026.11.18', template: tpl('v2026.11.18') },
    ],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - 2 },
      { revision: 58, node: names[1] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - 4, ready: false, containers: { web: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 3 }, 61) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - 6, containers: { web: running({ sinceAgo: 19 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 19 * HOURS, ranSeconds: 40 * HOURS } }) } },
    ],
    settled: { available: true, availableSince: 5 * HOURS + 12, progressingSince: 2 * DAYS + 5 * HOURS, progressingUpdatedAgo: 2 * DAYS + 5 * HOURS - 7 },
  });
  const bad = podOf(app, 1);
  const sidekiq = bystander(ns, 'shop-sidekiq', names, 2 * DAYS + 5 * HOURS, { revisions: [40, 41], versions: ['v2026.11.12', 'v2026.11.18'], olderAgo: 9 * DAYS });
  const redis = deploymentApp({
    namespace: ns, name: 'shop-redis', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [6379], memory: '256Mi', readiness: tcpProbe(6379), liveness: tcpProbe(6379) })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const fp = 'spec.containers{web}';
  const boot = (t: number) => [
    '=> Booting Puma',
    '=> Rails 7.1.4 application starting in production ',
    '=> Run `bin/rails server --help` for more startup options',
    'A server is already running (pid: 1, file: /app/tmp/pids/server.pid).',
    'Exiting',
  ].filter(() => t >= 0);
  const request = (t: number, ms: number) => `I, [${railsTime(t)} #1]  INFO -- : [${(Math.round(t * 1000) % 9000 + 1000).toString(16)}a1-7c2e-4b91-9d3e-5f60a2b4c8d1] Completed 200 OK in ${ms}ms (Views: ${Math.round(ms * 0.6)}.1ms | ActiveRecord: ${Math.round(ms * 0.2)}.4ms | Allocations: ${ms * 311})`;
  return {
    id: 'heldout70-rails-stale-server-pid',
    class: 'containers',
    truth: 'shop-web keeps tmp/pids on an emptyDir, which survives container restarts. Five hours ago one pod\'s web container was OOM-killed mid-request and left /app/tmp/pids/server.pid behind; since then every restart of that container finds the pid file (pid 1, which is the new process itself, so it looks alive) and `rails server` exits 1 with "A server is already running", so the pod crash-loops. Fix: delete the pod (fresh emptyDir) and start Puma with `--pidfile` outside the volume or remove the stale pid file in the entrypoint.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sidekiq.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'shop-redis', selector: { app: 'shop-redis' }, pods: redis.pods, endpointPort: 6379 }),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, reason: 'OOMKilling', message: 'Memory cgroup out of memory: Killed process 2841177 (ruby) total-vm:2214056kB, anon-rss:1046212kB, file-rss:11520kB, shmem-rss:0kB, UID:1000 pgtables:2680kB oom_score_adj:-997', firstAgo: 5 * HOURS + 14, lastAgo: 5 * HOURS + 14, component: 'kernel-monitor' }),
      ...restartedAgain(bad, 'web', image('v2026.11.18'), { count: 62, firstAgo: 5 * HOURS + 14, lastAgo: 1.9 }),
      backOff(bad, 'web', { count: 1410, firstAgo: 5 * HOURS + 13, lastAgo: 0.3 }),
      event({ on: bad, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${bad.status?.podIP ?? '10.0.96.50'}:3000/up": dial tcp ${bad.status?.podIP ?? '10.0.96.50'}:3000: connect: connection refused`, count: 3, firstAgo: 5 * HOURS + 14, lastAgo: 5 * HOURS + 13, fieldPath: fp }),
      event({ on: podOf(app, 2), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(app, 2).status?.podIP ?? '10.0.96.51'}:3000/up": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS + 1, lastAgo: 19 * HOURS + 1, fieldPath: fp }),
    ],
    logs: [
      logsFor(bad, 'web', { current: lines(...boot(1.8)), previous: lines(...boot(7)) }),
      ...[0, 2].map((i) => logsFor(podOf(app, i), 'web', { current: lines(request(4.1 + i, 84 + i), `I, [${railsTime(1.2)} #1]  INFO -- : [b3f1e2a4-0c1d-4e7a-9a61-2f3c4d5e6f70] Started GET "/cart" for 10.0.96.14 at 2026-11-21 03:12:48 +0000`, request(1.2, 41)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/server\.pid|already running|pid ?file/i],
      facts: [lit('/app/tmp/pids'), /emptyDir|tmp-pids/i],
      never: [ADVISES_ROLLBACK, /liveness/i, /shop-redis/],
    },
  };
}

// ---- 2. Postgres: PGDATA at the root of a fresh ext4 volume (lost+found) ---------------------------

function postgresInitdbLostFound(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '157', '203']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const sts = statefulSetApp({
    namespace: ns, name: 'keycloak-pg', replicas: 1, serviceName: 'keycloak-pg-headless', createdAgo: 46,
    revisions: [{
      revision: 1, createdAgo: 46,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '500m', memory: '1Gi',
          env: [{ name: 'POSTGRES_DB', value: 'keycloak' }, { name: 'POSTGRES_USER', value: 'keycloak' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'keycloak-pg-credentials', key: 'password' } } }],
          readiness: execProbe(['pg_isready', '-U', 'keycloak', '-d', 'keycloak'], { periodSeconds: 10 }),
          liveness: execProbe(['pg_isready', '-U', 'keycloak'], { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        })],
        securityContext: { fsGroup: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 45, ready: false, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 1 }, 13) } }],
  });
  const pg = podOf(sts, 0);
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-keycloak-pg-0', storage: '20Gi', zone: 'eu-west-1b', createdAgo: 45, storageClass: 'gp3' });
  const kcImage = (v: string) => `quay.io/keycloak/keycloak:${v}`;
  const kc = deploymentApp({
    namespace: ns, name: 'keycloak', replicas: 2,
    revisions: [{
      revision: 12, createdAgo: 13 * DAYS, changeCause: 'helm upgrade keycloak 25.0.6',
      template: { containers: [container({ image: kcImage('25.0.6'), args: ['start', '--optimized'], ports: [8080], memory: '1536Mi', env: [{ name: 'KC_DB', value: 'postgres' }, { name: 'KC_DB_URL', value: 'jdbc:postgresql://identity-db.cluster-cq81xk2m0p.eu-west-1.rds.amazonaws.com:5432/keycloak' }], readiness: httpProbe('/health/ready', 9000), liveness: httpProbe('/health/live', 9000, { initialDelaySeconds: 60 }) })] },
    }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 13 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 13 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 10 * DAYS } }) } }],
  });
  const migrator = bystander(ns, 'identity-audit-exporter', names, 6 * DAYS, { revisions: [3, 4], versions: ['1.8.0', '1.9.0'], olderAgo: 40 * DAYS });
  const initdb = lines(
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    'The database cluster will be initialized with locale "en_US.utf8".',
    'The default database encoding has accordingly been set to "UTF8".',
    'The default text search configuration will be set to "english".',
    '',
    'Data page checksums are disabled.',
    '',
    'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty',
    'initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.',
    'initdb: hint: Using a mount point directly as the data directory is not recommended.',
    'Create a subdirectory under the mount point.',
  );
  const svc = service({ namespace: ns, name: 'keycloak-pg', selector: { app: 'keycloak-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] });
  return {
    id: 'heldout70-postgres-initdb-lost-found',
    class: 'storage',
    truth: 'The new keycloak-pg StatefulSet (created 46 minutes ago to move Keycloak off RDS) mounts its fresh gp3 (ext4) volume directly at /var/lib/postgresql/data and does not set PGDATA to a subdirectory, so initdb finds the filesystem\'s lost+found directory and refuses ("exists but is not empty"); postgres exits 1 on every start and keycloak-pg-0 crash-loops. Fix: set PGDATA=/var/lib/postgresql/data/pgdata (or mount with subPath).',
    ask: { service: 'keycloak-pg', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, claim, vol, ...kc.objects, ...migrator.objects, svc, endpointSliceFor(svc, sts.pods, 5432),
      service({ namespace: ns, name: 'keycloak-pg-headless', selector: { app: 'keycloak-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      ...exposed({ namespace: ns, name: 'keycloak', selector: { app: 'keycloak' }, pods: kc.pods }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-keycloak-pg-0', namespace: ns }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 45.5, lastAgo: 45.5, component: 'persistentvolume-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-keycloak-pg-0', namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${nameOf(vol)}`, firstAgo: 45.2, lastAgo: 45.2, component: 'ebs.csi.aws.com_ebs-csi-controller-6c7f9d8b5-kq2mw_1f0c6a2e-3b4d-4e8f-9a7c-5d2e1b0f3a6c' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-keycloak-pg-0', namespace: ns }, type: 'Normal', reason: 'ExternalProvisioning', message: 'Waiting for a volume to be created either by the external provisioner \'ebs.csi.aws.com\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.', count: 2, firstAgo: 45.5, lastAgo: 45.3, component: 'persistentvolume-controller' }),
      scheduled(pg, 45),
      event({ on: pg, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${nameOf(vol)}" `, firstAgo: 44.6, lastAgo: 44.6, component: 'attachdetach-controller' }),
      event({ on: pg, type: 'Normal', reason: 'Pulling', message: `Pulling image "${pgImage}"`, firstAgo: 44.4, lastAgo: 44.4, fieldPath: 'spec.containers{postgres}' }),
      event({ on: pg, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${pgImage}" in 6.912s (6.912s including waiting). Image size: 152381466 bytes.`, firstAgo: 44.3, lastAgo: 44.3, fieldPath: 'spec.containers{postgres}' }),
      ...restartedAgain(pg, 'postgres', pgImage, { count: 13, firstAgo: 44.2, lastAgo: 2.4 }),
      backOff(pg, 'postgres', { count: 196, firstAgo: 44, lastAgo: 0.4 }),
      event({ on: { kind: 'StatefulSet', name: 'keycloak-pg', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-keycloak-pg-0 Pod keycloak-pg-0 in StatefulSet keycloak-pg success', firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'keycloak-pg', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod keycloak-pg-0 in StatefulSet keycloak-pg successful', firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(pg, 'postgres', { current: initdb, previous: initdb }),
      ...kc.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3.1).replace('T', ' ').slice(0, 23)} INFO  [org.keycloak.events] (executor-thread-41) type="LOGIN", realmId="b1f2c3d4", clientId="shop-web", userId="4c1e9a2b", ipAddress="10.0.140.22", auth_method="openid-connect"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lost\+found|not empty|PGDATA|mount point/i],
      facts: [lit('/var/lib/postgresql/data'), /initdb/i],
      never: [/\bOOM/, /permission denied/i, /Multi-Attach/i],
    },
  };
}

// ---- 3. Elasticsearch data nodes on a hostPath with no anti-affinity: node lock held ---------------

function esFailedObtainNodeLocks(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.210', ['41', '118', '236']);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const esContainer = (hostPathData: boolean) => container({
    name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
    env: [
      { name: 'node.roles', value: 'data,ingest' }, { name: 'cluster.name', value: 'logs-prod' },
      { name: 'discovery.seed_hosts', value: 'es-master-headless' }, { name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' },
      { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    readiness: httpProbe('/_cluster/health?local=true', 9200, { periodSeconds: 10 }), liveness: tcpProbe(9300, { initialDelaySeconds: 90 }),
    volumeMounts: [{ name: hostPathData ? 'nvme-data' : 'data', mountPath: '/usr/share/elasticsearch/data' }],
  });
  const data = statefulSetApp({
    namespace: ns, name: 'es-data', replicas: 3, serviceName: 'es-data-headless', podManagementPolicy: 'Parallel', createdAgo: 200 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, template: { containers: [esContainer(false)], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'es-data' } } }] } } } },
      { revision: 7, createdAgo: 58, template: { containers: [esContainer(true)], volumes: [{ name: 'nvme-data', hostPath: { path: '/mnt/nvme/elasticsearch', type: 'DirectoryOrCreate' } }], nodeSelector: { 'node.kubernetes.io/instance-type': 'i4i.2xlarge' } } },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS },
      { revision: 7, ordinal: 1, node: names[2] ?? '', createdAgo: 52, ready: false, containers: { elasticsearch: crashLoop({ exitCode: 1, finishedAgo: 3.2, ranSeconds: 14 }, 15) } },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 57 },
    ],
  });
  for (const n of nodes) n.metadata = { ...n.metadata, labels: { ...n.metadata?.labels, 'node.kubernetes.io/instance-type': 'i4i.2xlarge' } };
  const masters = statefulSetApp({
    namespace: ns, name: 'es-master', replicas: 3, serviceName: 'es-master-headless', createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], memory: '2Gi', readiness: httpProbe('/_cluster/health?local=true', 9200) })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 30 * DAYS - i * 3 })),
  });
  const bad = podOf(data, 1);
  const holder = podOf(data, 2);
  const fluent = bystander(ns, 'logstash-ingest', names, 3 * DAYS, { revisions: [19, 20], versions: ['8.15.2', '8.15.3'], olderAgo: 21 * DAYS });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-es-data-${i}`, storage: '500Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 200 * DAYS, storageClass: 'gp3' }));
  const esLog = (t: number, level: string, logger: string, msg: string, extra = '') => `{"@timestamp":"${at(t)}", "log.level":"${level}", "message":"${msg}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"${logger}","elasticsearch.node.name":"es-data-1","elasticsearch.cluster.name":"logs-prod"${extra}}`;
  const crash = (t: number) => lines(
    esLog(t + 0.2, 'INFO', 'org.elasticsearch.node.Node', 'version[8.15.3], pid[84], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.1/22.0.1+8-16]'),
    esLog(t + 0.15, 'INFO', 'org.elasticsearch.node.Node', 'JVM arguments [-Des.networkaddress.cache.ttl=60, -Xms4g, -Xmx4g, -XX:+UseG1GC, -Des.distribution.type=docker]'),
    esLog(t + 0.1, 'INFO', 'org.elasticsearch.plugins.PluginsService', 'loaded module [x-pack-core]'),
    esLog(t, 'ERROR', 'org.elasticsearch.bootstrap.Elasticsearch', 'fatal exception while booting Elasticsearch', ',"error.type":"java.lang.IllegalStateException","error.message":"failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?","error.stack_trace":"java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.env.NodeEnvironment.<init>(NodeEnvironment.java:291)\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.node.NodeConstruction.validateSettings(NodeConstruction.java:512)\\nCaused by: org.apache.lucene.store.LockObtainFailedException: Lock held by another program: /usr/share/elasticsearch/data/node.lock\\n\\tat org.apache.lucene.core@9.11.1/org.apache.lucene.store.NativeFSLockFactory.obtainFSLock(NativeFSLockFactory.java:117)\\n"'),
    '',
    'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/logs-prod.log',
    '',
    'ERROR: Elasticsearch exited unexpectedly, with exit code 1',
  );
  return {
    id: 'heldout70-es-failed-obtain-node-locks',
    class: 'storage',
    truth: 'Revision 7 of the es-data StatefulSet (58 minutes ago) moved the data path from per-pod gp3 claims to a hostPath on the nodes\' local NVMe (/mnt/nvme/elasticsearch) and dropped the pod anti-affinity in the same change. The rolling update re-created es-data-2 and then es-data-1 on the same node; they share that directory, and es-data-1 cannot take the node.lock es-data-2 holds ("failed to obtain node locks"), so it exits 1 and crash-loops and the update is stuck with es-data-0 still on revision 6. Fix: restore the required anti-affinity (or give each pod its own path / local PV).',
    ask: { service: 'es-data', namespace: ns },
    objects: [
      ...nodes, ...data.objects, ...masters.objects, ...fluent.objects, ...claims,
      service({ namespace: ns, name: 'es-data-headless', selector: { app: 'es-data' }, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], headless: true }),
      service({ namespace: ns, name: 'es-master-headless', selector: { app: 'es-master' }, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], headless: true }),
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'es-data' }, pods: data.pods, endpointPort: 9200 }),
      event({ on: statefulSetOf(data), type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod es-data-2 in StatefulSet es-data successful', firstAgo: 57.5, lastAgo: 57.5, component: 'statefulset-controller' }),
      event({ on: statefulSetOf(data), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod es-data-2 in StatefulSet es-data successful', firstAgo: 57.2, lastAgo: 57.2, component: 'statefulset-controller' }),
      event({ on: statefulSetOf(data), type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod es-data-1 in StatefulSet es-data successful', firstAgo: 52.5, lastAgo: 52.5, component: 'statefulset-controller' }),
      event({ on: statefulSetOf(data), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod es-data-1 in StatefulSet es-data successful', firstAgo: 52.2, lastAgo: 52.2, component: 'statefulset-controller' }),
      ...startedAt(holder, 'elasticsearch', image, 57),
      scheduled(bad, 52),
      ...restartedAgain(bad, 'elasticsearch', image, { count: 16, firstAgo: 51.8, lastAgo: 3.4 }),
      backOff(bad, 'elasticsearch', { count: 210, firstAgo: 51, lastAgo: 0.2 }),
      event({ on: bad, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${bad.status?.podIP ?? '10.0.210.60'}:9200/_cluster/health?local=true": dial tcp ${bad.status?.podIP ?? '10.0.210.60'}:9200: connect: connection refused`, count: 28, firstAgo: 51.6, lastAgo: 3.5, fieldPath: 'spec.containers{elasticsearch}' }),
      event({ on: podOf(masters, 0), reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 4, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS - 1, fieldPath: 'spec.containers{elasticsearch}' }),
    ],
    logs: [
      logsFor(bad, 'elasticsearch', { current: crash(3.2), previous: crash(8.6) }),
      logsFor(holder, 'elasticsearch', { current: lines(`{"@timestamp":"${at(55)}", "log.level": "INFO", "message":"started {es-data-2}{k3Qm1xTnR2u9vF0aPz6bLw}{Xw2N7cVdQ4yJm8sHk1pTaA}{es-data-2}{${holder.status?.podIP ?? ''}}{${holder.status?.podIP ?? ''}:9300}{di}{8.15.3}{7000099-8512000}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"es-data-2","elasticsearch.cluster.name":"logs-prod"}`, `{"@timestamp":"${at(12)}", "log.level": "WARN", "message":"high disk watermark [90%] exceeded on [k3Qm1xTnR2u9vF0aPz6bLw][es-data-2][/usr/share/elasticsearch/data] free: 180.2gb[9.7%], shards will be relocated away from this node; currently relocating away shards totalling [0b] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es-data-2][management][T#2]","log.logger":"org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor","elasticsearch.node.name":"es-data-2","elasticsearch.cluster.name":"logs-prod"}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node lock|node\.lock|same data path|hostPath|anti-?affinity/i],
      facts: [/es-data-2/, lit(names[2] ?? ''), /\/mnt\/nvme\/elasticsearch|hostPath/i],
      never: [/\bOOM/, /disk watermark/i, /not writable|permission/i],
    },
  };
}

// ---- 4. Prometheus Deployment, RollingUpdate on a ReadWriteOnce claim: TSDB lock --------------------

function prometheusTsdbLockRollingUpdate(): CorpusScenario {
  const ns = 'monitoring';
  const { nodes, names } = threeEksNodes('10.0.33', ['9', '121', '245']);
  const image = (v: string) => `quay.io/prometheus/prometheus:${v}`;
  const tpl = (v: string, cfgHash: string) => ({
    containers: [container({
      name: 'prometheus', image: image(v), ports: [9090], cpu: '1', memory: '6Gi',
      args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=15d', '--web.enable-lifecycle', '--web.console.libraries=/etc/prometheus/console_libraries'],
      readiness: httpProbe('/-/ready', 9090, { periodSeconds: 5 }), liveness: httpProbe('/-/healthy', 9090, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus' }, { name: 'storage', mountPath: '/prometheus' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'prometheus-server' } }, { name: 'storage', persistentVolumeClaim: { claimName: 'prometheus-server' } }],
    annotations: { 'checksum/config': cfgHash },
    securityContext: { fsGroup: 65534, runAsUser: 65534, runAsNonRoot: true },
  });
  const app = deploymentApp({
    namespace: ns, name: 'prometheus-server', replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 13, createdAgo: 16 * DAYS, changeCause: 'helm upgrade prometheus 25.27.0', template: tpl('v2.54.1', '8c1f0e2b7d9a4c35b6e1f2a0d3c4b5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2') },
      { revision: 14, createdAgo: 38, changeCause: 'helm upgrade prometheus 25.28.0', template: tpl('v2.55.0', '3e9d1c7a0b2f4e68a1c3d5e7f9b0a2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e1f3a5') },
    ],
    pods: [
      { revision: 13, node: names[1] ?? '', createdAgo: 16 * DAYS - 1 },
      { revision: 14, node: names[1] ?? '', createdAgo: 37.8, ready: false, containers: { prometheus: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 2 }, 12) } },
    ],
  });
  const old = podOf(app, 0);
  const fresh = podOf(app, 1);
  const [claim, vol] = boundClaim({ namespace: ns, name: 'prometheus-server', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const ksm = bystander(ns, 'kube-state-metrics', names, 38, { revisions: [8, 9], versions: ['v2.12.0', 'v2.13.0'], olderAgo: 16 * DAYS });
  const am = bystander(ns, 'alertmanager', names, 5 * DAYS, { revisions: [21, 22], versions: ['v0.26.0', 'v0.27.0'], olderAgo: 40 * DAYS });
  const lf = (t: number, level: string, caller: string, rest: string) => `ts=${at(t)} caller=${caller} level=${level} ${rest}`;
  const crash = (t: number) => lines(
    lf(t + 0.02, 'info', 'main.go:626', 'msg="No time or size retention was set so using the default time retention" duration=15d'),
    lf(t + 0.02, 'info', 'main.go:673', 'msg="Starting Prometheus Server" mode=server version="(version=2.55.0, branch=HEAD, revision=91d80252c3e528728b0f88d254dd720f6be07cb8)"'),
    lf(t + 0.02, 'info', 'main.go:678', 'build_context="(go=go1.23.2, platform=linux/amd64, user=root@7a4b3c2d1e0f, date=20241022-09:41:18, tags=netgo,builtinassets,stringlabels)"'),
    lf(t + 0.02, 'info', 'main.go:680', `host_details="(Linux 6.1.112-124.190.amzn2023.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64 ${nameOf(fresh)} (none))"`),
    lf(t + 0.01, 'info', 'web.go:585', 'component=web msg="Start listening for connections" address=0.0.0.0:9090'),
    lf(t + 0.01, 'info', 'main.go:1197', 'msg="Starting TSDB ..."'),
    lf(t + 0.01, 'info', 'tls_config.go:348', 'component=web msg="Listening on" address=[::]:9090'),
    lf(t, 'info', 'main.go:1013', 'msg="Stopping scrape discovery manager..."'),
    lf(t, 'info', 'main.go:1027', 'msg="Stopping notify discovery manager..."'),
    lf(t, 'info', 'manager.go:1063', 'component="rule manager" msg="Stopping rule manager..."'),
    lf(t, 'info', 'notifier.go:715', 'component=notifier msg="Stopping notification manager..."'),
    lf(t, 'info', 'main.go:1258', 'msg="Notifier manager stopped"'),
    lf(t, 'error', 'main.go:1266', 'err="opening storage failed: lock DB directory: resource temporarily unavailable"'),
  );
  return {
    id: 'heldout70-prometheus-tsdb-lock-rolling-update',
    class: 'rollout',
    truth: 'prometheus-server runs as a Deployment with strategy RollingUpdate on a single ReadWriteOnce claim. The chart upgrade to revision 14 (38 minutes ago) surged a new pod, which landed on the same node as the old one, mounted the same volume, and exits 1 with "opening storage failed: lock DB directory: resource temporarily unavailable" because the old pod still holds the TSDB lock; the rollout is stuck while the revision-13 pod keeps serving. The new version is not at fault: the strategy must be Recreate (or a StatefulSet).',
    ask: { service: 'prometheus-server', namespace: ns },
    objects: [
      ...nodes, ...app.objects, claim, vol, ...ksm.objects, ...am.objects,
      ...exposed({ namespace: ns, name: 'prometheus-server', selector: { app: 'prometheus-server' }, pods: app.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'alertmanager', selector: { app: 'alertmanager' }, pods: am.pods }),
      configMap({ namespace: ns, name: 'prometheus-server', createdAgo: 210 * DAYS, updatedAgo: 38, data: { 'prometheus.yml': 'global:\n  scrape_interval: 30s\n  evaluation_interval: 30s\nrule_files:\n  - /etc/prometheus/rules/*.yml\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [alertmanager.monitoring.svc:9093]\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 1, 0, 38),
      scheduled(fresh, 37.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('v2.55.0')}"`, firstAgo: 37.6, lastAgo: 37.6, fieldPath: 'spec.containers{prometheus}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('v2.55.0')}" in 4.207s (4.207s including waiting). Image size: 118954212 bytes.`, firstAgo: 37.5, lastAgo: 37.5, fieldPath: 'spec.containers{prometheus}' }),
      ...restartedAgain(fresh, 'prometheus', image('v2.55.0'), { count: 12, firstAgo: 37.4, lastAgo: 1.4 }),
      backOff(fresh, 'prometheus', { count: 170, firstAgo: 37, lastAgo: 0.3 }),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${fresh.status?.podIP ?? '10.0.33.70'}:9090/-/ready": dial tcp ${fresh.status?.podIP ?? '10.0.33.70'}:9090: connect: connection refused`, count: 9, firstAgo: 37.3, lastAgo: 1.4, fieldPath: 'spec.containers{prometheus}' }),
      event({ on: old, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${old.status?.podIP ?? '10.0.33.71'}:9090/-/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 9 * HOURS, lastAgo: 9 * HOURS - 1, fieldPath: 'spec.containers{prometheus}' }),
    ],
    logs: [
      logsFor(fresh, 'prometheus', { current: crash(1.3), previous: crash(6.6) }),
      logsFor(old, 'prometheus', { current: lines(lf(61, 'info', 'compact.go:576', 'component=tsdb msg="write block" mint=1763683200000 maxt=1763690400000 ulid=01JD8Q7T3Y0K2M4N6P8R0S2T4V duration=4.812s ooo=false'), lf(60, 'info', 'head.go:1346', 'component=tsdb msg="Head GC completed" caller=truncateMemory duration=612.4ms'), lf(2, 'info', 'checkpoint.go:101', 'component=tsdb msg="Creating checkpoint" from_segment=4411 to_segment=4412 mint=1763690400000')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock/i],
      facts: [/resource temporarily unavailable/i, /RollingUpdate|Recreate/],
      never: [/\bOOM/, /Multi-Attach/i, /v2\.55\.0[^\n]*(bug|broken|regression)/i],
    },
  };
}

// ---- 5. Node.js: NODE_OPTIONS with a flag Node refuses there -----------------------------------

function nodeOptionsFlagNotAllowed(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.58', ['26', '170', '212']);
  const image = (v: string) => `${ECR}/notifications/push-gateway:${v}`;
  const tpl = (v: string, nodeOptions: string) => ({
    containers: [container({
      image: image(v), command: ['node', 'dist/server.js'], ports: [8080], memory: '768Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'NODE_OPTIONS', value: nodeOptions }, { name: 'FCM_PROJECT', value: 'acme-mobile-prod' }, { name: 'REDIS_URL', value: 'redis://push-redis.notifications.svc:6379/0' }],
      readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'push-gateway', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: push-gateway 3.21.0', template: tpl('3.21.0', '--max-old-space-size=640 --enable-source-maps') },
      { revision: 89, createdAgo: 26, changeCause: 'argocd: push-gateway 3.21.1', template: tpl('3.21.1', '--max-old-space-size=640 --enable-source-maps --stack-size=4096') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 89, node: names[0] ?? '', createdAgo: 25.8, ready: false, containers: { app: crashLoop({ exitCode: 9, finishedAgo: 0.9, ranSeconds: 0 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const redis = deploymentApp({
    namespace: ns, name: 'push-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', ports: [6379], memory: '256Mi', readiness: tcpProbe(6379) })] } }],
    pods: [{ revision: 2, node: names[2] ?? '', createdAgo: 44 * DAYS }],
  });
  const other = bystander(ns, 'email-dispatcher', names, 3 * HOURS, { revisions: [30, 31], versions: ['5.2.3', '5.2.4'], olderAgo: 12 * DAYS });
  const refusal = lines('node: --stack-size= is not allowed in NODE_OPTIONS');
  const pinoLine = (t: number, pid: number, msg: string, extra = '') => `{"level":30,"time":${new Date(at(t)).getTime()},"pid":${pid},"hostname":"${'push-gateway'}","msg":"${msg}"${extra}}`;
  return {
    id: 'heldout70-node-options-flag-not-allowed',
    class: 'config',
    truth: 'Revision 89 of push-gateway (26 minutes ago) added --stack-size=4096 to NODE_OPTIONS to work around a deep-recursion error; --stack-size is a V8 flag Node does not accept in NODE_OPTIONS, so node refuses to start ("node: --stack-size= is not allowed in NODE_OPTIONS") and exits 9 on every run of the new pod. The rollout is stuck with the three revision-88 pods serving. Fix: drop the flag from NODE_OPTIONS (pass it on the command line if really needed) or roll back to revision 88.',
    ask: { service: 'push-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'push-redis', selector: { app: 'push-redis' }, pods: redis.pods, endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 89), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 3 * HOURS),
      scheduled(fresh, 25.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.21.1')}"`, firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.21.1')}" in 3.118s (3.118s including waiting). Image size: 71220583 bytes.`, firstAgo: 25.6, lastAgo: 25.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.21.1'), { count: 11, firstAgo: 25.6, lastAgo: 0.9 }),
      backOff(fresh, 'app', { count: 117, firstAgo: 25.5, lastAgo: 0.2 }),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 6, firstAgo: 14 * HOURS, lastAgo: 14 * HOURS - 2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: refusal, previous: refusal }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: lines(pinoLine(3.3, 1, 'push delivered', `,"provider":"fcm","tokens":${12 + i},"latencyMs":${88 + i * 7}`), pinoLine(0.8, 1, 'request completed', `,"req":{"method":"POST","url":"/v1/push"},"res":{"statusCode":202},"responseTime":${9 + i}`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NODE_OPTIONS|stack-size/i],
      facts: [lit('--stack-size'), /revision 89|3\.21\.1/],
      never: [/\bOOM/, /max-old-space-size/i, /push-redis/],
    },
  };
}

// ---- 6. DATABASE_URL with an unencoded rotated password ('@' and '#') ----------------------------

function databaseUrlUnencodedPassword(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.77', ['19', '144', '231']);
  const image = `${ECR}/orders/order-service:4.8.2`;
  const tpl = (reloaded?: string) => ({
    containers: [container({
      image, ports: [8080], memory: '512Mi', command: ['node', 'dist/main.js'],
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'order-service-db', key: 'DATABASE_URL' } } }, { name: 'PG_POOL_MAX', value: '15' }],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }),
    })],
    annotations: { 'secret.reloader.stakater.com/reload': 'order-service-db', ...(reloaded === undefined ? {} : { 'reloader.stakater.com/last-reloaded-from': reloaded }) },
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: order-service 4.8.2', template: tpl() },
      { revision: 23, createdAgo: 41, template: tpl('{"type":"SECRET","name":"order-service-db","namespace":"orders","hash":"5f2a9c1e7b3d4a60c8e1f2b3a4d5c6e7f8091a2b","containerRefs":["app"],"observedAt":' + Math.floor(new Date(at(41)).getTime() / 1000) + '}') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 23, node: names[0] ?? '', createdAgo: 40.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 29 }, 13) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 40.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 4.6, ranSeconds: 29 }, 13) } },
    ],
  });
  const [a, b] = [podOf(app, 3), podOf(app, 4)];
  const worker = bystander(ns, 'order-outbox-relay', names, 2 * DAYS, { revisions: [14, 15], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const crash = (t: number, pid: number) => lines(
    `{"level":"info","time":"${at(t + 0.03)}","pid":${pid},"context":"NestFactory","msg":"Starting Nest application..."}`,
    `{"level":"info","time":"${at(t + 0.03)}","pid":${pid},"context":"InstanceLoader","msg":"TypeOrmModule dependencies initialized"}`,
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `{"level":"error","time":"${at(t + (9 - n) * 0.05)}","pid":${pid},"context":"TypeOrmModule","msg":"Unable to connect to the database. Retrying (${n})...","err":{"type":"Error","message":"getaddrinfo ENOTFOUND tr4","code":"ENOTFOUND"}}`),
    'Error: getaddrinfo ENOTFOUND tr4',
    '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26) {',
    '  errno: -3008,',
    "  code: 'ENOTFOUND',",
    "  syscall: 'getaddrinfo',",
    "  hostname: 'tr4'",
    '}',
    '',
    'Node.js v20.18.0',
  );
  return {
    id: 'heldout70-database-url-unencoded-password',
    class: 'config',
    truth: 'The order-service database password was rotated 41 minutes ago; the new password contains "@" and "#" and was pasted unencoded into the DATABASE_URL key of the order-service-db Secret. Stakater Reloader rolled the Deployment (revision 23), and the driver parses the URL with the host taken from the middle of the password ("tr4"), so every new pod fails with getaddrinfo ENOTFOUND tr4 and exits 1. The revision-22 pods still run on connections opened with the old URL. Fix: percent-encode the password in DATABASE_URL (%40, %23).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      event({ on: deploymentOf(app), type: 'Normal', reason: 'Reloaded', message: 'Changes detected in \'order-service-db\' of type \'SECRET\' in namespace \'orders\'; updated \'order-service\' of type \'Deployment\' in namespace \'orders\'', firstAgo: 41, lastAgo: 41, component: 'reloader' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 3, 4, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 1, 41),
      ...[a, b].flatMap((p) => [scheduled(p, 40.8), ...restartedAgain(p, 'app', image, { count: 14, firstAgo: 40.6, lastAgo: p === a ? 2.2 : 4.7 }), backOff(p, 'app', { count: 182, firstAgo: 40, lastAgo: 0.3 })]),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + (podOf(app, 1).status?.podIP ?? '10.0.77.60') + ':8080/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(a, 'app', { current: crash(2.1, 1), previous: crash(7.4, 1) }),
      logsFor(b, 'app', { current: crash(4.6, 1), previous: crash(9.9, 1) }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`{"level":"info","time":"${at(1.5)}","pid":1,"context":"HTTP","msg":"POST /v2/orders 201 ${31 + i}ms"}`, `{"level":"info","time":"${at(0.6)}","pid":1,"context":"HTTP","msg":"GET /v2/orders/ord_8Kq2mX 200 ${7 + i}ms"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DATABASE_URL|ENOTFOUND|encod/i],
      facts: [/ENOTFOUND/, /order-service-db|tr4/],
      never: [/\bOOM/, /coredns|dns (outage|failure)/i, /order-outbox-relay/],
    },
  };
}

// ---- 7. Healthy control: Celery workers with the broker_connection_retry deprecation warning -------

function healthyCeleryBrokerRetryWarning(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.185', ['12', '98', '240']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'worker', image: image(v), command: ['celery', '-A', 'thumbnailer', 'worker', '--loglevel=INFO', '--concurrency=4', '-Q', 'thumbnails,default'], ports: [], cpu: '1', memory: '1Gi',
      env: [{ name: 'CELERY_BROKER_URL', value: 'amqp://thumbnailer@rabbitmq.media.svc:5672/media' }],
      readiness: null,
      liveness: execProbe(['sh', '-c', 'celery -A thumbnailer inspect ping -d celery@$HOSTNAME --timeout 10'], { periodSeconds: 60, timeoutSeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer-worker', replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 20 * DAYS, changeCause: 'argocd: thumbnailer 2.9.0', template: tpl('2.9.0') },
      { revision: 17, createdAgo: 7 * HOURS, changeCause: 'argocd: thumbnailer 2.10.0 (celery 5.3.6)', template: tpl('2.10.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 7 * HOURS - k * 0.8 })),
    settled: { available: true, availableSince: 7 * HOURS - 2, progressingSince: 7 * HOURS, progressingUpdatedAgo: 7 * HOURS - 2 },
  });
  const rabbit = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management-alpine', ports: [{ name: 'amqp', containerPort: 5672 }], memory: '1Gi', readiness: tcpProbe('amqp') })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 60 * DAYS }],
  });
  const api = bystander(ns, 'media-api', names, 7 * HOURS, { revisions: [40, 41], versions: ['2.9.0', '2.10.0'], olderAgo: 20 * DAYS });
  const workerLog = (p: k8s.V1Pod, k: number) => {
    const t0 = 7 * HOURS - k * 0.8 - 0.3;
    const host = nameOf(p);
    const out = [
      '/usr/local/lib/python3.11/site-packages/celery/worker/consumer/consumer.py:507: CPendingDeprecationWarning: The broker_connection_retry configuration setting will no longer determine',
      'whether broker connection retries are made during startup in Celery 6.0 and above.',
      'If you wish to retain the existing behavior for retrying connections on startup,',
      'you should set broker_connection_retry_on_startup to True.',
      '  warnings.warn(',
      '',
      `[${pyTime(t0)}: INFO/MainProcess] Connected to amqp://thumbnailer:**@rabbitmq.media.svc:5672/media`,
      `[${pyTime(t0 - 0.01)}: INFO/MainProcess] mingle: searching for neighbors`,
      `[${pyTime(t0 - 0.03)}: INFO/MainProcess] mingle: ${k === 0 ? 'all alone' : `sync with ${k} nodes`}`,
      `[${pyTime(t0 - 0.03)}: INFO/MainProcess] celery@${host} ready.`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 9 - i * 1.4 - k * 0.2;
      const id = `${(0x3c1e9a20 + i * 7919 + k * 104729).toString(16)}-2b4d-4f6a-8c1e-${(0x9a7b5c3d1e0f + i + k * 13).toString(16)}`;
      out.push(`[${pyTime(t)}: INFO/MainProcess] Task thumbnailer.tasks.render_thumbnail[${id}] received`);
      out.push(`[${pyTime(t - 0.02)}: INFO/ForkPoolWorker-${(i % 4) + 1}] Task thumbnailer.tasks.render_thumbnail[${id}] succeeded in ${(0.8 + ((i * 37 + k * 11) % 90) / 100).toFixed(4)}s: {'sizes': [128, 512, 1024], 'bytes': ${180000 + i * 3121 + k * 977}}`);
    }
    return out;
  };
  return {
    id: 'heldout70-healthy-celery-broker-retry-warning',
    class: 'healthy',
    truth: 'thumbnailer-worker is healthy: revision 17 (7 hours ago) moved to Celery 5.3, which prints a CPendingDeprecationWarning about broker_connection_retry on every worker start-up; all three workers connected to RabbitMQ, are ready and keep completing render_thumbnail tasks.',
    ask: { service: 'thumbnailer-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rabbit.objects, ...api.objects,
      service({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }] }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 2, 7 * HOURS - 1.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 0, 1, 7 * HOURS - 1.5),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: lines(...workerLog(p, k)) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|running|fine/i],
      facts: [/thumbnailer-worker/],
      never: [/deprecat/i, /broker_connection_retry/i, /broker (is )?(down|unreachable)|connection (refused|lost)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  railsStaleServerPid(),
  postgresInitdbLostFound(),
  esFailedObtainNodeLocks(),
  prometheusTsdbLockRollingUpdate(),
  nodeOptionsFlagNotAllowed(),
  databaseUrlUnencodedPassword(),
  healthyCeleryBrokerRetryWarning(),
];
