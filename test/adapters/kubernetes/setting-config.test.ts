// Settings that decide a mechanism the logs show: where the deletes of an SQS consumer fail for
// expired receipt handles, the ConfigMaps its container takes variables from are got (at most two)
// and only the visibility-timeout keys kept; where Vault refuses the pods (403) and those ConfigMaps
// name the role they log in with but no max TTL, the namespace's ConfigMap that names the role is
// got too and only its max-TTL line kept. Never a Secret; nothing while the logs show neither.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, httpProbe, nameOf, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'fulfillment';
const target = { service: 'notifier', namespace: NS, kind: 'Deployment' as const, name: 'notifier' };
const EXPIRED = '{"level":50,"msg":"DeleteMessageBatch partially failed","entries":[{"Code":"ReceiptHandleIsInvalid","Message":"The receipt handle has expired."}]}';
const DENIED = '2026-11-21 02:00:12,000 ERROR app.http: POST /render 500 error="secrets unavailable: vault 403 permission denied"';

function cluster(lines: string[], queueUrl = 'https://sqs.eu-west-1.amazonaws.com/1/jobs', extra: Record<string, string> = {}) {
  const app = deploymentApp({
    namespace: NS,
    name: 'notifier',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({
      image: 'registry.example/fulfillment/notifier:4.3.0',
      envFrom: [{ configMapRef: { name: 'notifier-config' } }, { secretRef: { name: 'notifier-credentials' } }],
    })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const own = configMap({ namespace: NS, name: 'notifier-config', createdAgo: 200 * DAYS, data: { SQS_VISIBILITY_TIMEOUT_SECONDS: '30', SQS_QUEUE_URL: queueUrl, VAULT_ROLE: 'fulfillment-notifier', API_TOKEN: 'hunter2', MONGODB_URI: 'mongodb://notifier:hunter2@mongo-0.mongo.fulfillment.svc.cluster.local:27017/jobs?directConnection=true', ...extra } });
  const roles = configMap({ namespace: NS, name: 'vault-auth-roles', createdAgo: 300 * DAYS, data: {
    'fulfillment-notifier.yaml': 'role: fulfillment-notifier\ntoken_policies: [notifier-read]\ntoken_ttl: 1h\ntoken_max_ttl: 768h\n',
    'fulfillment-other.yaml': 'role: fulfillment-other\ntoken_max_ttl: 24h\n',
  } });
  const [p] = app.pods;
  for (const x of [...threeNodes(), ...app.objects, own, roles]) h.fake.add(x);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${lines.join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the settings that decide a mechanism the logs show', () => {
  it('gets the ConfigMaps an SQS consumer whose receipt handles expire takes variables from, and keeps only its visibility timeout', async () => {
    cluster([EXPIRED, EXPIRED, EXPIRED]);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'queue-visibility', configMap: 'notifier-config', key: 'SQS_VISIBILITY_TIMEOUT_SECONDS', via: 'envFrom', written: 'SQS_VISIBILITY_TIMEOUT_SECONDS=30' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('where Vault refuses the pods, follows the role they log in with to the ConfigMap that defines it, and keeps its max TTL', async () => {
    cluster([DENIED, DENIED, DENIED]);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`, `/api/v1/namespaces/${NS}/configmaps/vault-auth-roles`]);
    expect(ev.settingConfig).toEqual([
      { mechanism: 'vault-token', configMap: 'notifier-config', key: 'VAULT_ROLE', via: 'envFrom', written: 'VAULT_ROLE=fulfillment-notifier' },
      { mechanism: 'vault-token', configMap: 'vault-auth-roles', key: 'fulfillment-notifier.yaml', via: 'role fulfillment-notifier', written: 'token_max_ttl: 768h' },
    ]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
    expect(JSON.stringify(ev)).not.toContain('24h');
  });

  it('where SQS refuses the sends for a missing MessageGroupId, gets the ConfigMaps the container takes variables from and keeps only the value naming a .fifo queue', async () => {
    const refused = '2026-11-21 02:10:12,000 ERROR app.outbox: send failed: An error occurred (MissingParameter) when calling the SendMessage operation: The request must contain the parameter MessageGroupId.';
    cluster([refused, refused], 'https://sqs.eu-west-1.amazonaws.com/1/jobs.fifo');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'queue-fifo', configMap: 'notifier-config', key: 'SQS_QUEUE_URL', via: 'envFrom', written: 'SQS_QUEUE_URL=https://sqs.eu-west-1.amazonaws.com/1/jobs.fifo' }]);
  });

  it('where Kafka brokers refuse the codec, keeps only the codec and brokers\' version settings of those ConfigMaps', async () => {
    const refused = '{"level":"ERROR","msg":"delivery failed","error":"KafkaError{code=UNSUPPORTED_COMPRESSION_TYPE,val=76}"}';
    cluster([refused, refused], undefined, { KAFKA_BROKER_VERSION_FALLBACK: '2.0.1', KAFKA_ACKS: 'all' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(secretReads()).toEqual([]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'kafka-codec', configMap: 'notifier-config', key: 'KAFKA_BROKER_VERSION_FALLBACK', via: 'envFrom', written: 'KAFKA_BROKER_VERSION_FALLBACK=2.0.1' }]);
  });

  it('where MongoDB answers writes "not primary", keeps the connection string the pods take from a ConfigMap, password masked', async () => {
    const refused = '{"level":50,"err":{"type":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary"},"msg":"failed to insert job"}';
    cluster([refused, refused]);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'server-address', configMap: 'notifier-config', key: 'MONGODB_URI', via: 'envFrom', written: 'MONGODB_URI=mongodb://notifier:***@mongo-0.mongo.fulfillment.svc.cluster.local:27017/jobs?directConnection=true' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('where a SQL server refuses writes as read-only, keeps only the database host the pods take from a ConfigMap, password masked', async () => {
    const refused = '{"level":50,"err":{"message":"cannot execute INSERT in a read-only transaction","code":"25006"},"msg":"save failed"}';
    cluster([refused, refused], undefined, { DATABASE_HOST: 'jobs-db-replica.fulfillment.svc.cluster.local', DB_URL: 'postgres://notifier:hunter2@jobs-db-replica/jobs', DB_POOL_MAX: '10' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(ev.settingConfig?.map((c) => c.written)).toEqual([
      'MONGODB_URI=mongodb://notifier:***@mongo-0.mongo.fulfillment.svc.cluster.local:27017/jobs?directConnection=true',
      'DATABASE_HOST=jobs-db-replica.fulfillment.svc.cluster.local',
      'DB_URL=postgres://notifier:***@jobs-db-replica/jobs',
    ]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
    expect(secretReads()).toEqual([]);
  });

  it('where queue jobs are taken again past their tries, keeps the queue\'s redelivery timeout and the worker\'s job timeout', async () => {
    const exceeded = '[2026-11-21 02:41:03] production.ERROR: App\\Jobs\\BuildReport has been attempted too many times or run too long. The job may have previously timed out. {"exception":"[object] (Illuminate\\\\Queue\\\\MaxAttemptsExceededException(code: 0)"}';
    cluster([exceeded, exceeded], undefined, { QUEUE_RETRY_AFTER: '90', QUEUE_JOB_TIMEOUT: '120' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.settingConfig?.map((c) => `${c.mechanism} ${c.written}`)).toEqual(['queue-redelivery SQS_VISIBILITY_TIMEOUT_SECONDS=30', 'queue-redelivery QUEUE_RETRY_AFTER=90', 'queue-redelivery QUEUE_JOB_TIMEOUT=120']);
  });

  it('where a restarted container\'s liveness endpoint fails a health check, keeps only the liveness group line of the config file it mounts', async () => {
    const app = deploymentApp({
      namespace: NS,
      name: 'notifier',
      replicas: 1,
      revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: {
        containers: [container({ image: 'registry.example/fulfillment/notifier:4.3.0', liveness: httpProbe('/actuator/health/liveness', 8080), volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }] })],
        volumes: [{ name: 'config', configMap: { name: 'notifier-files' } }],
      } }],
      pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 2, restarts: 4, last: { exitCode: 143, finishedAgo: 2.1, ranSeconds: 190 } }) } }],
    });
    const files = configMap({ namespace: NS, name: 'notifier-files', createdAgo: 200 * DAYS, data: { 'application.yaml': 'spring:\n  datasource:\n    password: hunter2\nmanagement:\n  endpoint:\n    health:\n      group:\n        liveness:\n          include: livenessState,db\n        readiness:\n          include: readinessState,db\n' } });
    const [p] = app.pods;
    for (const x of [...threeNodes(), ...app.objects, files]) h.fake.add(x);
    const failed = '2026-11-21 03:12:31.000  WARN 1 --- [nio-8080-exec-1] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed\n';
    if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: failed, previous: failed });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-files`]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'liveness-group', configMap: 'notifier-files', key: 'application.yaml', via: 'mount', written: 'management.endpoint.health.group.liveness.include=livenessState,db' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('where a Spring app is refused at localhost:6379, keeps only the spring.redis.* address line of the config file it mounts', async () => {
    const app = deploymentApp({
      namespace: NS,
      name: 'notifier',
      replicas: 1,
      revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: {
        containers: [container({ image: 'registry.example/fulfillment/notifier:4.3.0', volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }] })],
        volumes: [{ name: 'config', configMap: { name: 'notifier-files' } }],
      } }],
      pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS }],
    });
    const files = configMap({ namespace: NS, name: 'notifier-files', createdAgo: 200 * DAYS, data: { 'application.yaml': 'spring:\n  redis:\n    port: 6379\n    host: cache.fulfillment.svc.cluster.local\n    password: hunter2\n  datasource:\n    password: hunter2\n' } });
    const [p] = app.pods;
    for (const x of [...threeNodes(), ...app.objects, files]) h.fake.add(x);
    const refused = [
      'org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis',
      'Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379',
    ].join('\n');
    if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${refused}\n` });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-files`]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'renamed-property', configMap: 'notifier-files', key: 'application.yaml', via: 'mount', written: 'spring.redis.host: cache.fulfillment.svc.cluster.local' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('where the replicas\' form posts are answered 419 in bulk, keeps only the session-store key of the ConfigMap they take variables from', async () => {
    const app = deploymentApp({
      namespace: NS,
      name: 'notifier',
      replicas: 2,
      revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({
        image: 'registry.example/fulfillment/notifier:4.3.0',
        envFrom: [{ configMapRef: { name: 'notifier-config' } }],
      })] } }],
      pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS }, { revision: 4, node: NODE_A, createdAgo: 0.5 * DAYS }],
    });
    const own = configMap({ namespace: NS, name: 'notifier-config', createdAgo: 200 * DAYS, data: { SESSION_DRIVER: 'file', APP_KEY: 'hunter2', CACHE_STORE: 'redis' } });
    for (const x of [...threeNodes(), ...app.objects, own]) h.fake.add(x);
    app.pods.forEach((p, k) => {
      const lines = Array.from({ length: 4 }, (_, i) => `10.0.${k}.${i + 2} - - [21/Nov/2026:03:1${i}:00 +0000] "POST /cart HTTP/1.1" 419 512 "-" "Mozilla/5.0"`);
      h.fake.setLogs(NS, nameOf(p), 'app', { current: `${lines.join('\n')}\n` });
    });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'session-store', configMap: 'notifier-config', key: 'SESSION_DRIVER', via: 'envFrom', written: 'SESSION_DRIVER=file' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('where a store refuses the pods\' signed requests as past their time, keeps only the expiry of the credential the ConfigMap holds', async () => {
    const url = 'https://examplestore.blob.core.windows.net/exports?sv=2022-11-02&sp=rw&se=2026-11-21T01:00:00Z&spr=https&sig=aHVudGVyMg%3D%3D';
    const refused = (m: number) => `2026-11-21T01:${m}:00Z ERROR upload failed: RESPONSE 403 <Error><Code>AuthenticationFailed</Code><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Sat, 01 Aug 2026 00:00:00 GMT] - Expiry [Sat, 21 Nov 2026 01:00:00 GMT] - Current [Sat, 21 Nov 2026 01:${m}:00 GMT]</AuthenticationErrorDetail></Error>`;
    cluster([refused(30), refused(40), refused(50)], undefined, { STORAGE_URL: url });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/notifier-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.settingConfig).toEqual([{ mechanism: 'credential-expiry', configMap: 'notifier-config', key: 'STORAGE_URL', via: 'envFrom', written: 'STORAGE_URL=https://examplestore.blob.core.windows.net/exports?…&se=2026-11-21T01:00:00Z&…', credential: { kind: 'SAS', expiry: '2026-11-21T01:00:00.000Z' } }]);
    expect(JSON.stringify(ev.settingConfig)).not.toMatch(/sig=|aHVudGVyMg|hunter2/);
  });

  it('gets no ConfigMap while the logs show neither', async () => {
    cluster(['{"level":30,"msg":"batch processed","count":10,"elapsedMs":900}']);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.settingConfig).toBeUndefined();
  });
});
