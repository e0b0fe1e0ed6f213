// Held-out stories, thirty-sixth round, part one: a Go ClickHouse writer whose revision 19 cut
// INSERT_BATCH_SIZE from 50000 to 500 (and its flush interval to 250ms), so ClickHouse, itself
// up, refuses inserts with "Too many parts" (code 252); a Python service that logged in to Vault
// once at startup 32 days ago and whose token reached the role's token_max_ttl (768h), so every
// pod gets "permission denied" (403) on its secret reads at once, nothing changed in the cluster;
// a Spring Boot gateway whose revision 42 lowered -XX:ReservedCodeCacheSize to 32m in
// JAVA_TOOL_OPTIONS, so "CodeCache is full. Compiler has been disabled." and latency climbs until
// readiness probes time out (no OOM, no crash); a .NET 8 Kestrel API whose revision 58 added a
// sync-over-async tax lookup (.GetAwaiter().GetResult()), starving the thread pool (Kestrel's
// heartbeat warning) so requests and readiness probes time out; an SQS consumer whose revision 23
// raised SQS_MAX_MESSAGES to 10 and added a label-render step, so a batch outlasts the 30-second
// visibility timeout set in its ConfigMap: messages are redelivered, deletes fail with
// ReceiptHandleIsInvalid and customers get duplicate notifications; a fluent-bit DaemonSet whose
// revision 5 selects nodes by the kubeadm label node-role.kubernetes.io/worker that no EKS node
// carries, so desiredNumberScheduled is 0 and no pod runs anywhere; and a healthy control: a gRPC
// service whose logs are full of "failed to complete security handshake … EOF" from the NLB's
// TCP health checks and GOAWAYs from its own MaxConnectionAge.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, boundClaim, configMap, container, daemonSetApp, deploymentApp, epochMs, event, exposed,
  httpProbe, nameOf, node, probeFailed, pyTime, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** ClickHouse's server-log time: `2026.11.21 03:12:41.563211`. */
const chTime = (minutes: number): string => at(minutes).slice(0, 23).replace('T', ' ').replace(/-/g, '.') + '211';
/** .NET's DateTimeOffset as Kestrel's heartbeat warning prints it: `11/21/2026 03:12:41 +00:00`. */
const dotnetTime = (minutes: number): string => {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +00:00`;
};
/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = at;

// ---- 1. ClickHouse "Too many parts" after the writer's batch size was cut ----------------------------

function clickhouseTooManyParts(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.4.13';
  const ch = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 2,
    serviceName: 'clickhouse-headless',
    createdAgo: 210 * DAYS,
    revisions: [{
      revision: 6,
      createdAgo: 23 * DAYS,
      template: {
        containers: [container({
          name: 'clickhouse', image: chImage,
          ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
          cpu: '3', memory: '12Gi',
          readiness: httpProbe('/ping', 8123, { periodSeconds: 5 }), liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 30, failureThreshold: 6 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }],
        })],
        securityContext: { fsGroup: 101, runAsUser: 101 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 23 * DAYS - 4 },
    ],
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-clickhouse-${i}`, storage: '500Gi', zone: `eu-west-1${'ab'[i] ?? 'a'}`, createdAgo: 210 * DAYS, labels: { app: 'clickhouse' } }));
  const image = (v: string) => `${ECR}/analytics/events-writer:${v}`;
  const tpl = (v: string, batch: string, flush: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'KAFKA_BROKERS', value: 'b-1.events-msk.x7k2q9.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.events-msk.x7k2q9.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'KAFKA_TOPIC', value: 'clickstream.v3' },
        { name: 'KAFKA_GROUP', value: 'events-writer' },
        { name: 'CLICKHOUSE_ADDR', value: 'clickhouse.analytics.svc.cluster.local:9000' },
        { name: 'CLICKHOUSE_TABLE', value: 'analytics.events_local' },
        { name: 'INSERT_BATCH_SIZE', value: batch },
        { name: 'FLUSH_INTERVAL', value: flush },
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
    })],
  });
  const writer = deploymentApp({
    namespace: ns,
    name: 'events-writer',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: events-writer 2.8.3', template: tpl('2.8.3', '50000', '5s') },
      { revision: 19, createdAgo: 96, changeCause: 'argocd: events-writer 2.9.0 (lower ingest latency: smaller, more frequent inserts)', template: tpl('2.9.0', '500', '250ms') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 19, node: names[k % 3] ?? '', createdAgo: 95 - k })),
    settled: { available: true, availableSince: 92, progressingSince: 96, progressingUpdatedAgo: 92 },
  });
  const other = bystander(ns, 'dashboards-api', names, 3 * HOURS, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const writerLog = (k: number, p: k8s.V1Pod) => {
    const out = [
      `{"level":"info","ts":"${at(94.5 - k)}","caller":"cmd/writer/main.go:61","msg":"starting events-writer","version":"2.9.0","commit":"e41b7a0"}`,
      `{"level":"info","ts":"${at(94.5 - k)}","caller":"config/config.go:88","msg":"config loaded","insert_batch_size":500,"flush_interval":"250ms","table":"analytics.events_local","max_retries":5}`,
      `{"level":"info","ts":"${at(94.4 - k)}","caller":"kafka/consumer.go:73","msg":"joined consumer group","group":"events-writer","topic":"clickstream.v3","partitions":[${k * 6},${k * 6 + 1},${k * 6 + 2},${k * 6 + 3},${k * 6 + 4},${k * 6 + 5}]}`,
      `{"level":"info","ts":"${at(94.3 - k)}","caller":"sink/clickhouse.go:58","msg":"clickhouse connected","addr":"clickhouse.analytics.svc.cluster.local:9000","server":"24.8.4.13"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 24 - i * 1.7 - k * 0.07;
      const parts = 300;
      out.push(`{"level":"warn","ts":"${at(t)}","caller":"sink/clickhouse.go:142","msg":"insert failed, retrying","table":"analytics.events_local","rows":500,"attempt":${(i % 5) + 1},"backoff":"${200 * 2 ** (i % 5)}ms","error":"code: 252, message: Too many parts (${parts} with average size of ${(12.1 + ((i * 7 + k) % 9) / 10).toFixed(2)} KiB) in table 'analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41)'. Merges are processing significantly slower than inserts"}`);
      if (i % 5 === 4) out.push(`{"level":"error","ts":"${at(t - 0.02)}","caller":"sink/clickhouse.go:161","msg":"dropping batch after max retries, sent to dead-letter topic","rows":500,"dlq":"clickstream.v3.dlq","error":"code: 252, message: Too many parts (300 with average size of 12.87 KiB) in table 'analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41)'. Merges are processing significantly slower than inserts"}`);
      if (i % 4 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.03)}","caller":"kafka/consumer.go:141","msg":"consumer lag growing","pod":"${nameOf(p)}","lag":${48_000 + i * 9_100 + k * 1_300}}`);
    }
    return out;
  };
  const chLog = (i: number) => {
    const out = [
      `${chTime(23 * DAYS - 3 - i * 4)} [ 1 ] {} <Information> Application: Ready for connections.`,
      `${chTime(70)} [ 734 ] {} <Information> analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41): Delaying inserting block by 1.24 ms. because there are 151 parts and their average size is 13.02 KiB`,
      `${chTime(48)} [ 811 ] {} <Information> analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41): Delaying inserting block by 312.9 ms. because there are 246 parts and their average size is 12.66 KiB`,
    ];
    for (let j = 0; j < 8; j++) {
      const t = 23 - j * 2.8;
      out.push(`${chTime(t)} [ ${850 + j * 3} ] {${(0x3f2a9c10 + j * 7919 + i).toString(16)}-5d1e-4c0b-9a77-${(0x1b2c3d4e5f60 + j).toString(16)}} <Error> executeQuery: Code: 252. DB::Exception: Too many parts (300 with average size of 12.${40 + j} KiB) in table 'analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41)'. Merges are processing significantly slower than inserts. (TOO_MANY_PARTS) (version 24.8.4.13 (official build)) (from 10.0.${i + 20}.${100 + j}:${41000 + j * 17}) (in query: INSERT INTO analytics.events_local (event_time, event_date, tenant_id, session_id, event_type, url, props) FORMAT Native), Stack trace (when copying this message, always include the lines below):`);
      out.push('');
      out.push('0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000d2a1c3b');
      out.push('1. DB::MergeTreeData::delayInsertOrThrowIfNeeded(Poco::Event*, std::shared_ptr<DB::Context const> const&, bool) const @ 0x00000000129e7f61');
    }
    out.push(`${chTime(2.1)} [ 402 ] {} <Information> analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41) (MergerMutator): Selected 10 parts from 20261121_88412_88412_0 to 20261121_88421_88421_0`);
    return out;
  };
  const chPod0 = podOf(ch, 0);
  return {
    id: 'heldout36-clickhouse-too-many-parts-tiny-batches',
    class: 'config',
    truth: 'Revision 19 of events-writer (2.9.0, 96 minutes ago, "lower ingest latency") cut INSERT_BATCH_SIZE from 50000 to 500 and FLUSH_INTERVAL from 5s to 250ms, so its four pods now insert 500-row blocks several times a second each. Every insert creates a new part in analytics.events_local; merges cannot keep up, the partition passed parts_to_delay_insert (inserts delayed) and then parts_to_throw_insert (300), and ClickHouse now rejects inserts with Code 252 TOO_MANY_PARTS. ClickHouse itself is up and ready; the writer retries, drops batches to the dead-letter topic and its Kafka lag grows. Fix: restore large batches (INSERT_BATCH_SIZE 50000 / FLUSH_INTERVAL 5s, i.e. roll back to revision 18, or use async_insert) and let merges catch up; raising parts_to_throw_insert only postpones it.',
    ask: { service: 'events-writer', namespace: ns },
    objects: [
      ...nodes, ...ch.objects, ...claims, ...writer.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, ports: [{ name: 'http', port: 8123, targetPort: 'http' }, { name: 'native', port: 9000, targetPort: 'native' }], pods: ch.pods, endpointPort: 8123 }),
      ...exposed({ namespace: ns, name: 'clickhouse-headless', selector: { app: 'clickhouse' }, headless: true, ports: [{ name: 'native', port: 9000, targetPort: 'native' }], pods: ch.pods, endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'dashboards-api', selector: { app: 'dashboards-api' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'clickhouse-config', createdAgo: 210 * DAYS, updatedAgo: 23 * DAYS, data: { 'merge_tree.xml': '<clickhouse>\n  <merge_tree>\n    <parts_to_delay_insert>150</parts_to_delay_insert>\n    <parts_to_throw_insert>300</parts_to_throw_insert>\n    <max_bytes_to_merge_at_max_space_in_pool>161061273600</max_bytes_to_merge_at_max_space_in_pool>\n  </merge_tree>\n</clickhouse>\n' } }),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 19), 4, 0, 96),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 18), 0, 4, 92),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
    ],
    logs: [
      ...writer.pods.map((p, k) => logsFor(p, 'app', { current: lines(...writerLog(k, p)) })),
      logsFor(chPod0, 'clickhouse', { current: lines(...chLog(0)) }),
      logsFor(podOf(ch, 1), 'clickhouse', { current: lines(...chLog(1)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many parts|TOO_MANY_PARTS|\b252\b/i, /INSERT_BATCH_SIZE|batch|revision 19/i],
      facts: [/INSERT_BATCH_SIZE/, /\b500\b/, /50000/, /revision 19/],
      never: [/clickhouse[^\n]*(down|not running|unavailable|crash)/i, /\bOOM/, /disk (is )?full|out of (disk|space)/i, /crash ?loop/i],
    },
  };
}

// ---- 2. Vault token at its max TTL, 32 days after the pods logged in --------------------------------

function vaultTokenMaxTtl(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.44', ['27', '118', '190']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const started = 32 * DAYS + 42.4;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '300m', memory: '768Mi',
      envFrom: [{ configMapRef: { name: 'invoice-renderer-config' } }],
      readiness: httpProbe('/readyz', 8000, { periodSeconds: 10, timeoutSeconds: 3 }),
      liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 20 }),
    })],
    serviceAccountName: 'invoice-renderer',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 61 * DAYS, changeCause: 'argocd: invoice-renderer 3.4.1', template: tpl('3.4.1') },
      { revision: 14, createdAgo: started + 1, changeCause: 'argocd: invoice-renderer 3.5.0', template: tpl('3.5.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: started - k * 0.8, ready: false, containers: { app: running({ sinceAgo: started - k * 0.8 - 0.3, ready: false }) } })),
    settled: { available: false, availableSince: 41, progressingSince: started + 1, progressingUpdatedAgo: started - 3 },
  });
  const other = bystander(ns, 'payment-webhooks', names, 2 * DAYS, { revisions: [66, 67], versions: ['8.1.0', '8.1.1'], olderAgo: 15 * DAYS });
  const cfg = configMap({
    namespace: ns, name: 'invoice-renderer-config', createdAgo: 200 * DAYS, updatedAgo: 61 * DAYS,
    data: {
      VAULT_ADDR: 'https://vault.internal.acme.io:8200',
      VAULT_AUTH_MOUNT: 'kubernetes-eks-prod',
      VAULT_ROLE: 'billing-invoice-renderer',
      VAULT_KV_PATH: 'kv/data/billing/invoice-renderer',
      VAULT_TOKEN_RENEW_INTERVAL: '30m',
      S3_BUCKET: 'acme-prod-invoices',
      LOG_LEVEL: 'INFO',
    },
  });
  const roles = configMap({
    namespace: ns, name: 'vault-auth-roles', createdAgo: 300 * DAYS, updatedAgo: 140 * DAYS,
    data: {
      'README': 'Rendered by terraform (platform/vault/roles). Vault kubernetes auth roles bound to service accounts of this namespace. Read-only copy for app teams.',
      'billing-invoice-renderer.yaml': 'role: billing-invoice-renderer\nauth_mount: kubernetes-eks-prod\nbound_service_account_names: [invoice-renderer]\nbound_service_account_namespaces: [billing]\ntoken_policies: [billing-invoice-renderer-read]\ntoken_ttl: 1h\ntoken_max_ttl: 768h\ntoken_type: service\n',
      'billing-payment-webhooks.yaml': 'role: billing-payment-webhooks\nauth_mount: kubernetes-eks-prod\nbound_service_account_names: [payment-webhooks]\nbound_service_account_namespaces: [billing]\ntoken_policies: [billing-payment-webhooks-read]\ntoken_ttl: 1h\ntoken_max_ttl: 24h\ntoken_type: service\n',
    },
  });
  const podLog = (p: k8s.V1Pod, k: number) => {
    const pod = nameOf(p);
    const s = started - k * 0.8 - 0.3;
    const out = [
      `[${pyTime(s)}] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(s)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${pyTime(s - 0.05)} INFO renderer.vault: logged in to https://vault.internal.acme.io:8200 via auth/kubernetes-eks-prod role=billing-invoice-renderer accessor=${['hT4q', 'Zp9L', 'c2Wx'][k]}...; lease_duration=3600s renewable=True`,
      `${pyTime(s - 0.06)} INFO renderer.secrets: loaded kv/data/billing/invoice-renderer (version 12): STRIPE_API_KEY, SMTP_PASSWORD, PDF_SIGNING_KEY`,
      `${pyTime(150)} INFO renderer.vault: token renewed (renew-self) lease_duration=3600s`,
      `${pyTime(90)} INFO renderer.vault: token renewed (renew-self) lease_duration=2873s`,
      `${pyTime(90)} WARNING renderer.vault: vault warning on renew-self: TTL of "1h0m0s" exceeded the effective max_ttl of "47m53s"; TTL value is capped accordingly`,
      `${pyTime(60)} INFO renderer.vault: token renewed (renew-self) lease_duration=1073s`,
      `${pyTime(60)} WARNING renderer.vault: vault warning on renew-self: TTL of "1h0m0s" exceeded the effective max_ttl of "17m53s"; TTL value is capped accordingly`,
      `${pyTime(52)} INFO renderer.http: POST /v1/invoices/render 200 412ms tenant=t_88213`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 42 - i * 5 - k * 0.1;
      out.push(
        `${pyTime(t)} ERROR renderer.secrets: refresh of kv/data/billing/invoice-renderer failed`,
        'Traceback (most recent call last):',
        '  File "/app/renderer/secrets.py", line 71, in refresh',
        '    resp = self._client.secrets.kv.v2.read_secret_version(path="billing/invoice-renderer", mount_point="kv")',
        '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 377, in request',
        '    raise exceptions.VaultError.from_status(',
        'hvac.exceptions.Forbidden: 1 error occurred:',
        '\t* permission denied',
        '',
        ', on get https://vault.internal.acme.io:8200/v1/kv/data/billing/invoice-renderer',
        `${pyTime(t - 0.2)} ERROR renderer.http: POST /v1/invoices/render 500 9ms tenant=t_${40112 + i * 37} error="secrets unavailable: vault 403 permission denied"`,
      );
      if (i % 3 === 0) out.push(`${pyTime(t - 0.3)} WARNING renderer.vault: renew-self failed: 403 permission denied (pod ${pod})`);
    }
    return out;
  };
  const probe = (p: k8s.V1Pod) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 248, firstAgo: 41.6, lastAgo: 0.2 });
  return {
    id: 'heldout36-vault-token-max-ttl-reached',
    class: 'config',
    truth: 'invoice-renderer logs in to Vault (kubernetes auth, role billing-invoice-renderer) once at startup and only renews its token; the role\'s token_max_ttl is 768h (32 days). All three pods were started together by the revision-14 rollout 32 days and 42 minutes ago, so about 42 minutes ago all three tokens hit the max TTL together (the renewals had been capped for an hour) and every secret read and renewal now gets 403 permission denied; /readyz returns 503 and the Service has no ready endpoint. Nothing changed in the cluster or in Vault. Fix: restart the pods (kubectl rollout restart) so they log in again, and make the client re-authenticate when renewal is capped or returns 403 (or use Vault Agent).',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg, roles,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: other.pods }),
      ...app.pods.map(probe),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...podLog(p, k)) })),
    expect: {
      verdict: 'problems',
      headline: [/vault/i, /768h|max[_ ]?ttl|token|permission denied|403/i],
      facts: [/permission denied|\b403\b/i, /768h|token_max_ttl/i, /32 ?(days|d)\b/],
      never: [ADVISES_ROLLBACK, /vault[^\n]*(down|unreachable|sealed)/i, /NetworkPolicy[^\n]*(block|den(y|ies))/i, /\bOOM/, /payment-webhooks/],
    },
  };
}

// ---- 3. JVM code cache full after ReservedCodeCacheSize was lowered ----------------------------------

function jvmCodeCacheFull(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.133', ['9', '87', '166']);
  const image = (v: string) => `${ECR}/search/query-gateway:${v}`;
  const tpl = (v: string, opts: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', cpuLimit: '2', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: opts },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'OPENSEARCH_URL', value: 'https://search-catalog-prod-4kq2x.eu-west-1.es.amazonaws.com' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081, { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 }),
    })],
  });
  const oldOpts = '-XX:MaxRAMPercentage=70 -XX:ReservedCodeCacheSize=240m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError';
  const newOpts = '-XX:MaxRAMPercentage=75 -XX:ReservedCodeCacheSize=32m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Xss512k';
  const app = deploymentApp({
    namespace: ns,
    name: 'query-gateway',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: query-gateway 6.3.2', template: tpl('6.3.2', oldOpts) },
      { revision: 42, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: query-gateway 6.3.2 (jvm: trim non-heap memory)', template: tpl('6.3.2', newOpts) },
    ],
    pods: [
      { revision: 42, node: names[0] ?? '', createdAgo: 3 * HOURS + 4, ready: false, containers: { app: running({ sinceAgo: 3 * HOURS + 3.8, ready: false }) } },
      { revision: 42, node: names[1] ?? '', createdAgo: 3 * HOURS + 1, ready: false, containers: { app: running({ sinceAgo: 3 * HOURS + 0.8, ready: false }) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 2 * HOURS + 58, containers: { app: running({ sinceAgo: 2 * HOURS + 57.8 }) } },
    ],
    settled: { available: false, availableSince: 6, progressingSince: 3 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS + 56 },
  });
  const other = bystander(ns, 'search-indexer', names, 26, { revisions: [19, 20], versions: ['2.14.0', '2.14.1'], olderAgo: 20 * DAYS });
  const p0 = podOf(app, 0);
  const jvmLog = (k: number, full: number | undefined) => {
    const s = 3 * HOURS + 3.8 - k * 3;
    const out = [
      `Picked up JAVA_TOOL_OPTIONS: ${newOpts}`,
      '',
      '  .   ____          _            __ _ _',
      ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
      `${springTime(s - 0.05)}  INFO 1 --- [query-gateway] [           main] c.a.search.gateway.GatewayApplication    : Starting GatewayApplication v6.3.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${springTime(s - 0.6)}  INFO 1 --- [query-gateway] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${springTime(s - 0.62)}  INFO 1 --- [query-gateway] [           main] c.a.search.gateway.GatewayApplication    : Started GatewayApplication in 31.482 seconds (process running for 33.107)`,
    ];
    if (full !== undefined) {
      out.push(
        'OpenJDK 64-Bit Server VM warning: CodeCache is full. Compiler has been disabled.',
        'OpenJDK 64-Bit Server VM warning: Try increasing the code cache size using -XX:ReservedCodeCacheSize=',
        'CodeCache: size=32768Kb used=32741Kb max_used=32741Kb free=26Kb',
        ` bounds [0x00007f${(0x3b1c + k).toString(16)}000000, 0x00007f${(0x3b1c + k).toString(16)}4f0000, 0x00007f${(0x3b1e + k).toString(16)}000000]`,
        ' total_blobs=12417 nmethods=11586 adapters=738',
        ' compilation: disabled (not enough contiguous free space left)',
        '              stopped_count=1, restarted_count=0',
        ' full_count=1',
      );
      for (let i = 0; i < 10; i++) {
        const t = full - 6 - i * (full - 8) / 10;
        out.push(`${springTime(t)}  WARN 1 --- [query-gateway] [nio-8080-exec-${(i % 9) + 1}] c.a.search.gateway.web.SlowRequestFilter : slow request GET /v2/search?q=… took ${1900 + i * 610 + k * 140} ms (threshold 500 ms)`);
        if (i % 3 === 2) out.push(`${springTime(t - 0.01)}  WARN 1 --- [query-gateway] [nio-8080-exec-${(i % 9) + 2}] o.a.tomcat.util.threads.ThreadPoolExecutor : Pool [http-nio-8080-exec] busy: 200 of 200 threads in use, queue 143`);
      }
      out.push(`${springTime(1)}  INFO 1 --- [query-gateway] [nio-8081-exec-3] o.s.b.a.health.HealthEndpointSupport     : Health contributor readinessState (readinessState) took 0 ms; request waited 2411 ms in queue`);
    } else {
      out.push(`${springTime(2)}  INFO 1 --- [query-gateway] [nio-8080-exec-4] c.a.search.gateway.web.SlowRequestFilter : p99 over last 60s: 212 ms`);
    }
    return out;
  };
  const timeout = (p: k8s.V1Pod) => `Get "http://${p.status?.podIP ?? ''}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout36-jvm-code-cache-full',
    class: 'rollout',
    truth: 'Revision 42 of query-gateway (3 hours ago, "jvm: trim non-heap memory") lowered -XX:ReservedCodeCacheSize from 240m to 32m in JAVA_TOOL_OPTIONS. After an hour or two of traffic the 32 MB code cache filled, the JVM logged "CodeCache is full. Compiler has been disabled.", and from then on new hot methods run interpreted: request latency climbed to seconds, the Tomcat pool saturated and readiness probes time out on two of three pods (the third is heading the same way). No OOM, no restart. Fix: restore ReservedCodeCacheSize=240m (roll back to revision 41) and restart the pods; the code cache cannot be grown at runtime.',
    ask: { service: 'query-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'query-gateway', selector: { app: 'query-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 0, 3 * HOURS + 5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 3, 2 * HOURS + 56),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 26),
      probeFailed(p0, 'app', 'Readiness', timeout(p0), { count: 187, firstAgo: 52, lastAgo: 0.3 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', timeout(podOf(app, 1)), { count: 96, firstAgo: 27, lastAgo: 0.4 }),
      probeFailed(podOf(app, 2), 'app', 'Readiness', timeout(podOf(app, 2)), { count: 4, firstAgo: 7, lastAgo: 2.5 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: lines(...jvmLog(0, 58)) }),
      logsFor(podOf(app, 1), 'app', { current: lines(...jvmLog(1, 33)) }),
      logsFor(podOf(app, 2), 'app', { current: lines(...jvmLog(2, undefined)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/code ?cache/i, /ReservedCodeCacheSize|revision 42/i],
      facts: [lit('ReservedCodeCacheSize=32m'), /Compiler has been disabled/, /240m/],
      never: [/\bOOM/, /crash ?loop/i, /(raise|increase)[^\n]*memory limit/i, /search-indexer/],
    },
  };
}

// ---- 4. .NET thread-pool starvation after sync-over-async crept in --------------------------------------

function dotnetThreadPoolStarvation(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58', ['12', '99', '231']);
  const image = (v: string) => `${ECR}/orders/pricing-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', cpuLimit: '1', memory: '512Mi',
      env: [
        { name: 'ASPNETCORE_URLS', value: 'http://+:8080' },
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'DOTNET_gcServer', value: '0' },
        { name: 'TaxService__BaseUrl', value: 'http://tax-service.finance.svc.cluster.local' },
      ],
      readiness: httpProbe('/health/ready', 8080, { periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 }),
      liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-api 3.7.4', template: tpl('3.7.4') },
      { revision: 58, createdAgo: 78, changeCause: 'argocd: pricing-api 3.8.0 (regional tax rates)', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 58, node: names[k % 3] ?? '', createdAgo: 77 - k * 1.5,
      ...(k === 1 || k === 3 ? { ready: false, containers: { app: running({ sinceAgo: 76.8 - k * 1.5, ready: false }) } } : {}),
    })),
    settled: { available: true, availableSince: 71, progressingSince: 78, progressingUpdatedAgo: 71 },
  });
  const other = bystander(ns, 'order-history', names, 5 * HOURS, { revisions: [12, 13], versions: ['1.22.0', '1.22.1'], olderAgo: 30 * DAYS });
  const netLog = (k: number) => {
    const s = 76.8 - k * 1.5;
    const out = [
      'info: Microsoft.Hosting.Lifetime[14]',
      '      Now listening on: http://[::]:8080',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Hosting environment: Production',
      'info: Pricing.Api.Startup[0]',
      `      pricing-api 3.8.0 started at ${dotnetTime(s)}; ThreadPool min worker threads 1, min IOCP threads 1, processors 1`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 48 - i * 5.2 - k * 0.3;
      out.push(
        'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
        `      As of "${dotnetTime(t)}", the heartbeat has been running for "00:00:0${(2 + ((i * 3 + k) % 7))}.${String(1187461 + i * 371 + k * 97).slice(0, 7)}" which is longer than "00:00:01". This could be caused by thread pool starvation.`,
      );
      if (i % 2 === 0) {
        out.push(
          'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
          '      An unhandled exception has occurred while executing the request.',
          '      System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.',
          '       ---> System.TimeoutException: A task was canceled.',
          '         at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)',
          '         at System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)',
          '         at Pricing.Api.Tax.TaxRateClient.GetRateAsync(String region, CancellationToken ct) in /src/Pricing.Api/Tax/TaxRateClient.cs:line 41',
          '         at Pricing.Api.Tax.TaxRateProvider.GetRate(String region) in /src/Pricing.Api/Tax/TaxRateProvider.cs:line 27',
          '         at Pricing.Api.Quotes.QuoteCalculator.Calculate(QuoteRequest request) in /src/Pricing.Api/Quotes/QuoteCalculator.cs:line 88',
          '         at Pricing.Api.Controllers.QuotesController.Post(QuoteRequest request) in /src/Pricing.Api/Controllers/QuotesController.cs:line 34',
        );
      }
      if (i % 3 === 1) out.push('warn: Pricing.Api.Tax.TaxRateProvider[0]', `      GetRate("${['EU-DE', 'EU-FR', 'UK', 'US-CA'][i % 4]}") blocked ${4100 + i * 230} ms waiting on TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()`);
    }
    return out;
  };
  const timeout = (p: k8s.V1Pod) => `Get "http://${p.status?.podIP ?? ''}:8080/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout36-dotnet-threadpool-starvation',
    class: 'rollout',
    truth: 'Revision 58 of pricing-api (3.8.0, 78 minutes ago) added a regional tax-rate lookup that calls the async HttpClient synchronously (TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()) on every quote. Under load each request blocks a thread-pool thread while the continuation it waits for needs another one; with one CPU the pool starts with one worker and injects threads slowly, so Kestrel warns that its heartbeat runs for seconds ("This could be caused by thread pool starvation"), requests time out and readiness probes fail intermittently (two of four pods unready now, flapping). Not CPU, not memory, no restarts. Fix: roll back to revision 57, then make the lookup async end to end (raising ThreadPool min threads is only a stopgap).',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 4, 0, 78),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 4, 71),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', timeout(p), { count: 31 + k * 17, firstAgo: 55 - k, lastAgo: k % 2 === 1 ? 0.1 : 3.4 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...netLog(k)) })),
    expect: {
      verdict: 'problems',
      headline: [/thread ?pool|starvation|sync-over-async|GetResult/i, /revision 58|3\.8\.0/],
      facts: [/heartbeat has been running|thread pool starvation/i, /GetResult|sync-over-async|synchronous/i, /revision 57/],
      never: [/\bOOM/, /crash ?loop/i, /(raise|increase)[^\n]*cpu/i, /order-history/],
    },
  };
}

// ---- 5. SQS consumer outlasting its visibility timeout ------------------------------------------------

function sqsVisibilityTimeout(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.207', ['33', '145', '61']);
  const image = (v: string) => `${ECR}/fulfillment/shipment-notifier:${v}`;
  const tpl = (v: string, max: string, labels: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9464 }], cpu: '250m', memory: '384Mi',
      envFrom: [{ configMapRef: { name: 'shipment-notifier-config' } }],
      env: [
        { name: 'SQS_MAX_MESSAGES', value: max },
        { name: 'RENDER_CARRIER_LABEL', value: labels },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=288' },
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'shipment-notifier',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-notifier',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 17 * DAYS, changeCause: 'argocd: shipment-notifier 4.2.1', template: tpl('4.2.1', '1', 'false') },
      { revision: 23, createdAgo: 5 * HOURS + 12, changeCause: 'argocd: shipment-notifier 4.3.0 (attach carrier label PDF; batch receives)', template: tpl('4.3.0', '10', 'true') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 5 * HOURS + 11 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 8, progressingSince: 5 * HOURS + 12, progressingUpdatedAgo: 5 * HOURS + 8 },
  });
  const cfg = configMap({
    namespace: ns, name: 'shipment-notifier-config', createdAgo: 240 * DAYS, updatedAgo: 95 * DAYS,
    data: {
      AWS_REGION: 'eu-west-1',
      SQS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/shipment-events',
      SQS_VISIBILITY_TIMEOUT_SECONDS: '30',
      SQS_WAIT_TIME_SECONDS: '20',
      NOTIFY_API_URL: 'http://customer-notify.messaging.svc.cluster.local/v1/notifications',
      LOG_LEVEL: 'info',
    },
  });
  const other = bystander(ns, 'carrier-gateway', names, 40 * HOURS, { revisions: [30, 31], versions: ['7.0.2', '7.0.3'], olderAgo: 22 * DAYS });
  const nodeLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const j = (level: number, t: number, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}",${rest}}`;
    const s = 5 * HOURS + 10.8 - k;
    const out = [
      j(30, s, '"msg":"shipment-notifier 4.3.0 starting","queue":"shipment-events","maxMessages":10,"visibilityTimeout":30,"waitTimeSeconds":20,"renderCarrierLabel":true'),
      j(30, s - 0.01, '"msg":"metrics listening","port":9464'),
    ];
    for (let i = 0; i < 8; i++) {
      const t = 30 - i * 3.6 - k * 0.2;
      const first = 5_000_000 + i * 40 + k * 7;
      out.push(
        j(30, t, `"msg":"received batch","count":10,"oldestReceiveCount":${i % 2 === 0 ? 2 : 1}`),
        j(30, t - 0.2, `"msg":"rendered carrier label","shipmentId":"SHP-${first}","carrier":"DHL","ms":${4100 + i * 90}`),
        j(30, t - 0.25, `"msg":"notification sent","shipmentId":"SHP-${first}","channel":"email","approximateReceiveCount":${i % 2 === 0 ? 2 : 1}`),
        j(30, t - 0.78, `"msg":"batch processed","count":10,"elapsedMs":${44_200 + i * 1_130 + k * 310}`),
        j(50, t - 0.79, `"msg":"DeleteMessageBatch partially failed","failed":${6 + (i % 4)},"successful":${4 - (i % 4)},"entries":[{"Id":"m${7 - (i % 3)}","Code":"ReceiptHandleIsInvalid","Message":"The receipt handle has expired.","SenderFault":true}]`),
      );
      if (i % 3 === 0) out.push(j(40, t - 0.8, `"msg":"message redelivered, already notified; sending again (no idempotency key)","shipmentId":"SHP-${first - 40}","approximateReceiveCount":3`));
    }
    return out;
  };
  return {
    id: 'heldout36-sqs-visibility-timeout-exceeded',
    class: 'config',
    truth: 'Revision 23 of shipment-notifier (4.3.0, five hours ago) raised SQS_MAX_MESSAGES from 1 to 10 and added carrier-label PDF rendering (~4 s per message), so a batch now takes 45–50 seconds to process sequentially while the queue messages are received with a 30-second visibility timeout (SQS_VISIBILITY_TIMEOUT_SECONDS=30 in the shipment-notifier-config ConfigMap). Messages become visible again mid-batch and are delivered to another pod, so customers get duplicate notifications, and the late DeleteMessageBatch calls fail with ReceiptHandleIsInvalid "The receipt handle has expired.". The pods are healthy as far as Kubernetes can tell. Fix: raise the visibility timeout above the batch time (e.g. 180s) or extend it with ChangeMessageVisibility while working, or go back to one message per receive (revision 22).',
    ask: { service: 'shipment-notifier', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'shipment-notifier-metrics', selector: { app: 'shipment-notifier' }, ports: [{ name: 'metrics', port: 9464, targetPort: 'metrics' }], pods: app.pods, endpointPort: 9464 }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 0, 5 * HOURS + 12),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 3, 5 * HOURS + 8),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...nodeLog(p, k)) })),
    expect: {
      verdict: 'problems',
      headline: [/visibility ?timeout|SQS_VISIBILITY_TIMEOUT_SECONDS/i, /SQS_MAX_MESSAGES|revision 23|batch|\b30 ?s|30 seconds/i],
      facts: [/SQS_VISIBILITY_TIMEOUT_SECONDS|visibility ?timeout[^\n]*30|30[^\n]*visibility/i, /ReceiptHandleIsInvalid|receipt handle has expired/i, /SQS_MAX_MESSAGES/],
      never: [/\bOOM/, /crash ?loop/i, /AccessDenied|IAM (role|polic)|credentials/i, /carrier-gateway/],
    },
  };
}

// ---- 6. a DaemonSet selecting a kubeadm node-role label no EKS node carries ---------------------------

function daemonSetNoMatchingNodes(): CorpusScenario {
  const ns = 'observability';
  const ips = ['10.0.12.40', '10.0.13.171', '10.0.14.92', '10.0.12.213'];
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a'];
  const nodes = ips.map((ip, i) => node({
    name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', pool: i === 3 ? 'ingress' : 'general', createdAgo: (18 - i * 3) * DAYS,
    ...(i === 3 ? { taints: [{ key: 'dedicated', value: 'ingress', effect: 'NoSchedule' }], labels: { dedicated: 'ingress' } } : {}),
  }));
  const names = nodes.map(nameOf);
  const image = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4';
  const tpl = (nodeSelector: Record<string, string>) => ({
    containers: [container({
      name: 'fluent-bit', image, ports: [{ name: 'http', containerPort: 2020 }], cpu: '100m', memory: '200Mi',
      readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }, { name: 'config', mountPath: '/fluent-bit/etc/' }],
    })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }, { name: 'config', configMap: { name: 'node-log-shipper-config', defaultMode: 420 } }],
    serviceAccountName: 'node-log-shipper',
    priorityClassName: 'system-node-critical',
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ingress', effect: 'NoSchedule' }],
    nodeSelector,
  });
  const ds = daemonSetApp({
    namespace: ns,
    name: 'node-log-shipper',
    createdAgo: 160 * DAYS,
    revisions: [
      { revision: 4, createdAgo: 34 * DAYS, template: tpl({ 'kubernetes.io/os': 'linux' }) },
      { revision: 5, createdAgo: 38, template: tpl({ 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '' }) },
    ],
    pods: [],
    desired: 0,
  });
  const dsObj = ds.objects[0] ?? {};
  const deleted = names.map((n, i) => `node-log-shipper-${['x7kqp', 'b4zrt', 'm2wcn', 'q9dhv'][i]}`);
  // A healthy neighbour DaemonSet on every node, the same namespace.
  const exporter = daemonSetApp({
    namespace: ns,
    name: 'node-exporter',
    createdAgo: 160 * DAYS,
    revisions: [{ revision: 3, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/', 9100), liveness: httpProbe('/', 9100) })], tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' } }],
    pods: names.map((n, i) => ({ revision: 3, node: n, createdAgo: (18 - i * 3) * DAYS - 2 })),
    pinnedToNodes: true,
  });
  const cfg = configMap({ namespace: ns, name: 'node-log-shipper-config', createdAgo: 160 * DAYS, updatedAgo: 38, data: { 'fluent-bit.conf': '[SERVICE]\n    Flush 5\n    HTTP_Server On\n    HTTP_Port 2020\n    Parsers_File parsers.conf\n\n[INPUT]\n    Name tail\n    Path /var/log/containers/*.log\n    multiline.parser cri\n    Tag kube.*\n    Mem_Buf_Limit 50MB\n\n[FILTER]\n    Name kubernetes\n    Match kube.*\n\n[OUTPUT]\n    Name cloudwatch_logs\n    Match kube.*\n    region eu-west-1\n    log_group_name /eks/prod-eu1/containers\n    log_stream_prefix ${HOSTNAME}-\n    auto_create_group false\n' } });
  return {
    id: 'heldout36-daemonset-nodeselector-no-node',
    class: 'scheduling',
    truth: 'Revision 5 of the node-log-shipper DaemonSet (fluent-bit, 38 minutes ago, values copied from the on-prem kubeadm cluster) added nodeSelector node-role.kubernetes.io/worker: "" — a label kubeadm clusters put on workers but no EKS node carries. No node matches, so desiredNumberScheduled dropped to 0: the controller deleted the four running fluent-bit pods and runs none anywhere, with no pod and no FailedScheduling event to show for it. No container logs reach CloudWatch since. The ingress node\'s dedicated taint is tolerated and irrelevant. Fix: remove that nodeSelector entry (or select on a label EKS nodes do carry, e.g. kubernetes.io/os=linux or eks.amazonaws.com/nodegroup).',
    ask: { service: 'node-log-shipper', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...exporter.objects, cfg,
      ...exposed({ namespace: ns, name: 'node-log-shipper', selector: { app: 'node-log-shipper' }, ports: [{ name: 'http', port: 2020, targetPort: 'http' }], pods: ds.pods, endpointPort: 2020 }),
      ...exposed({ namespace: ns, name: 'node-exporter', selector: { app: 'node-exporter' }, ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }], pods: exporter.pods, endpointPort: 9100 }),
      ...deleted.map((pod, i) => event({ on: dsObj, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod}`, firstAgo: 37.9 - i * 0.05, lastAgo: 37.9 - i * 0.05, component: 'daemonset-controller' })),
      event({ on: { kind: 'Node', name: names[3] ?? '' }, type: 'Normal', reason: 'NodeReady', message: `Node ${names[3] ?? ''} status is now: NodeReady`, firstAgo: 40, lastAgo: 40 }),
    ],
    logs: exporter.pods.slice(0, 1).map((p) => logsFor(p, 'node-exporter', { current: lines(`ts=${at(18 * DAYS - 2.5)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"`, `ts=${at(18 * DAYS - 2.5)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`) })),
    expect: {
      verdict: 'problems',
      headline: [lit('node-role.kubernetes.io/worker')],
      facts: [/nodeSelector/i, /desired(NumberScheduled)?[^\n]*\b0\b|\b0\b[^\n]*(desired|nodes? match)|no (matching )?nodes?|no node (carries|has|matches)/i, /revision 5/],
      never: [/\bOOM/, /taint[^\n]*(block|prevent|repel)|add (a )?toleration/i, /image[^\n]*(pull|not found|missing)/i, /node-exporter/],
    },
  };
}

// ---- 7. healthy control: a gRPC service whose logs are full of handshake EOFs and GOAWAYs ----------------

function healthyGrpcHandshakeNoise(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.171', ['6', '128', '244']);
  const image = (v: string) => `${ECR}/inventory/stock-grpc:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9091 }], cpu: '400m', memory: '512Mi',
      envFrom: [{ configMapRef: { name: 'stock-grpc-config' } }],
      readiness: { grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: tcpProbe('grpc', { initialDelaySeconds: 10, periodSeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'stock-grpc',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: stock-grpc 2.11.0', template: tpl('2.11.0') },
      { revision: 27, createdAgo: 2 * DAYS + 7 * HOURS, changeCause: 'argocd: stock-grpc 2.11.1', template: tpl('2.11.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * DAYS + 7 * HOURS - 1 - k })),
  });
  const cfg = configMap({
    namespace: ns, name: 'stock-grpc-config', createdAgo: 180 * DAYS, updatedAgo: 19 * DAYS,
    data: {
      GRPC_TLS_CERT_FILE: '/etc/tls/tls.crt',
      GRPC_TLS_KEY_FILE: '/etc/tls/tls.key',
      GRPC_MAX_CONNECTION_AGE: '5m',
      GRPC_MAX_CONNECTION_AGE_GRACE: '30s',
      DATABASE_URL: 'postgres://stock_app@inventory-db.cluster-r8k1v2m9x4.eu-west-1.rds.amazonaws.com:5432/stock?sslmode=require',
      NLB_HEALTHCHECK: 'TCP 9090 every 10s from the VPC subnets (10.0.0.0/16)',
    },
  });
  const other = bystander(ns, 'stock-reconciler', names, 11 * HOURS, { revisions: [8, 9], versions: ['0.9.3', '0.9.4'], olderAgo: 40 * DAYS });
  const goLog = (p: k8s.V1Pod, k: number) => {
    const s = 2 * DAYS + 7 * HOURS - 1.2 - k;
    const out = [
      `{"time":"${at(s)}","level":"INFO","msg":"stock-grpc starting","version":"2.11.1","grpc_addr":":9090","max_connection_age":"5m0s"}`,
      `{"time":"${at(s - 0.01)}","level":"INFO","msg":"postgres pool ready","max_conns":25}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 9.5 - i * 0.65 - k * 0.03;
      out.push(`{"time":"${at(t)}","level":"WARN","msg":"grpc: Server.Serve failed to complete security handshake from \\"10.0.${[3, 67, 131][i % 3]}.${18 + ((i * 13 + k * 5) % 200)}:${20000 + i * 137}\\": EOF","system":"grpc","grpc_log":true}`);
      if (i % 2 === 0) out.push(`{"time":"${at(t - 0.05)}","level":"INFO","msg":"[transport] [server-transport 0xc000${(0x4a2f00 + i * 64).toString(16)}] Closing: connection age exceeded, sending GOAWAY","system":"grpc","grpc_log":true}`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.08)}","level":"INFO","msg":"rpc","method":"/inventory.v1.Stock/Reserve","code":"OK","duration_ms":${6 + (i % 5)},"peer":"10.0.${20 + k}.${40 + i}"}`);
      if (i === 5) out.push(`{"time":"${at(t - 0.1)}","level":"INFO","msg":"rpc","method":"/inventory.v1.Stock/Reserve","code":"FailedPrecondition","duration_ms":4,"error":"insufficient stock for SKU-42291-L (requested 3, available 1)"}`);
    }
    out.push(`{"time":"${at(0.3)}","level":"INFO","msg":"rpc","method":"/inventory.v1.Stock/Get","code":"OK","duration_ms":3,"peer":"10.0.21.77","pod":"${nameOf(p)}"}`);
    return out;
  };
  return {
    id: 'heldout36-healthy-grpc-handshake-eof-noise',
    class: 'healthy',
    truth: 'stock-grpc is healthy: three revision-27 pods (rolled out two days ago) running and ready, no restarts, every endpoint serving, RPCs answered in milliseconds. Its logs are full of "grpc: Server.Serve failed to complete security handshake from …: EOF" — the internal NLB\'s TCP health checks open a connection to port 9090 every 10 seconds and close it without a TLS handshake — and of "connection age exceeded, sending GOAWAY", which is GRPC_MAX_CONNECTION_AGE=5m rotating client connections on purpose; one FailedPrecondition is a business answer (insufficient stock). Nothing to fix.',
    ask: { service: 'stock-grpc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'stock-grpc', selector: { app: 'stock-grpc' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: app.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'stock-reconciler', selector: { app: 'stock-reconciler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 11 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...goLog(p, k)) })),
    expect: {
      verdict: 'healthy',
      headline: [/stock-grpc/],
      facts: [/3\/3|3 of 3|all 3|3 ready|3 pods/i],
      never: [/certificate[^\n]*(expired|invalid|rotate|renew)|(renew|rotate)[^\n]*certificate/i, /TLS[^\n]*(broken|misconfigur)/i, ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  clickhouseTooManyParts(),
  vaultTokenMaxTtl(),
  jvmCodeCacheFull(),
  dotnetThreadPoolStarvation(),
  sqsVisibilityTimeout(),
  daemonSetNoMatchingNodes(),
  healthyGrpcHandshakeNoise(),
];
