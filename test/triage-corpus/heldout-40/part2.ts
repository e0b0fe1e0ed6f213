// Held-out stories, fortieth round, part two: a Kafka-to-DynamoDB writer whose new revision keys
// every item by today's date, so all writes land on one partition and are throttled
// (ProvisionedThroughputExceededException) at ~1000 WCU while the table has 6000 provisioned; a
// Spring Boot service whose new revision bumped an internal fx-client compiled against a newer
// Guava than the one pinned on its classpath, so cross-currency quotes fail with
// NoSuchMethodError; an Elixir/Phoenix cluster whose new revision dropped RELEASE_COOKIE, so the
// restarted node runs with the release's build-time cookie and the old nodes reject it ("Invalid
// challenge reply"); a Redis master with min-replicas-to-write 1 whose only replica is Pending
// after a node replacement, so every write fails with NOREPLICAS; a Celery beat scaled by hand
// from 1 to 2 replicas, so every periodic task (invoices, reminders) runs twice; a Go service
// rebuilt with a Go toolchain that no longer accepts a certificate with only a Common Name; and a
// healthy control: a Fluent Bit DaemonSet whose logs carry transient flush retries, an upstream
// timeout and "cannot increase buffer" warnings.
import { createHash } from 'node:crypto';
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at as atExact, boundClaim, configMap, container, daemonSetApp, deploymentApp, epochMs, event, execProbe, exposed,
  failedScheduling, httpProbe, nameOf, networkPolicy, node, nodeEvent, pulledFresh, rsOf, scaledReplicaSet, service,
  endpointSliceFor, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
type Pod = k8s.V1Pod;

/**
 * Log clocks with real-looking milliseconds: `minutes` before NOW, moved later within its own
 * second by a fraction drawn from that second, so lines keep their order.
 */
function jitter(minutes: number): number {
  const ms = Math.round(minutes * 60_000);
  // NOW falls on a whole second, so the wall clock's second and millisecond follow from -ms.
  const second = Math.floor(-ms / 1000);
  const within = -ms - second * 1000;
  const f = (createHash('sha256').update(`ms/${second}`).digest()[0] ?? 0) / 256;
  return (ms - Math.floor(f * (999 - within))) / 60_000;
}
const at = (minutes: number): string => atExact(jitter(minutes));
const epochMsJ = (minutes: number): number => epochMs(jitter(minutes));
/** Python logging's default asctime: `2026-11-21 03:12:19,412`. */
const pyTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '').replace('.', ',');

/** A first start of a fresh image: Scheduled, Pulling, Pulled, Created, Started. */
function freshStart(p: Pod, c: string, image: string, atAgo: number, bytes: number): k8s.CoreV1Event[] {
  const fieldPath = `spec.containers{${c}}`;
  return [
    ...pulledFresh(p, c, image, { atAgo, bytes, seconds: 3.2 + (bytes % 7) / 3 }),
    event({ on: p, type: 'Normal', reason: 'Created', message: `Created container ${c}`, firstAgo: atAgo - 0.12, lastAgo: atAgo - 0.12, fieldPath }),
    event({ on: p, type: 'Normal', reason: 'Started', message: `Started container ${c}`, firstAgo: atAgo - 0.12, lastAgo: atAgo - 0.12, fieldPath }),
  ];
}

/** Elixir Logger's default console time: `03:12:41.563`. */
const exTime = (m: number): string => at(m).slice(11, 23);
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (m: number): string => {
  const d = new Date(at(m));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${at(m).slice(11, 23)}`;
};
/** Fluent Bit's log time: `2026/11/21 03:12:41`. */
const fbTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** A ULID-looking id, deterministic. */
const ulid = (seed: number): string => {
  const abc = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const d = createHash('sha256').update(`ulid/${seed}`).digest();
  let s = '01JD';
  for (let i = 0; i < 22; i++) s += abc[(d[i] ?? 0) % 32];
  return s;
};
const hex = (seed: number, n = 32): string => createHash('sha256').update(`hex/${seed}`).digest('hex').repeat(2).slice(0, n);
const uuid = (seed: number): string => { const h = hex(seed); return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`; };

// ---- 1. DynamoDB writes throttled on one hot partition key (today's date) --------------------------

function dynamoHotPartitionKey(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '225']);
  const image = (v: string) => `${ECR}/analytics/clickstream-writer:${v}`;
  const env = (pk: string): k8s.V1EnvVar[] => [
    { name: 'KAFKA_BOOTSTRAP', value: 'b-1.msk-prod.x1y2z3.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.msk-prod.x1y2z3.c4.kafka.eu-west-1.amazonaws.com:9098' },
    { name: 'KAFKA_TOPIC', value: 'clickstream.events' },
    { name: 'KAFKA_GROUP_ID', value: 'clickstream-writer' },
    { name: 'DDB_TABLE', value: 'clickstream-events' },
    { name: 'DDB_PARTITION_KEY', value: pk },
    { name: 'DDB_SORT_KEY', value: 'event_id' },
    { name: 'WRITE_CONCURRENCY', value: '32' },
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'AWS_RETRY_MODE', value: 'standard' },
    { name: 'AWS_MAX_ATTEMPTS', value: '3' },
  ];
  const tpl = (v: string, pk: string) => ({
    serviceAccountName: 'clickstream-writer',
    containers: [container({ image: image(v), ports: [{ name: 'health', containerPort: 8081 }], cpu: '500m', memory: '512Mi', env: env(pk), readiness: httpProbe('/ready', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 10 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'clickstream-writer',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: clickstream-writer 1.21.4', template: tpl('1.21.4', 'session_id') },
      { revision: 19, createdAgo: 47, changeCause: 'argocd: clickstream-writer 1.22.0 (key items by event_date for the daily export)', template: tpl('1.22.0', 'event_date') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 19, node: names[k % 3] ?? '', createdAgo: 46.6 - k * 0.7 })),
  });
  const other = bystander(ns, 'sessionizer', names, 2 * HOURS + 35, { revisions: [33, 34], versions: ['3.7.0', '3.7.1'], olderAgo: 9 * DAYS });
  const dep = deploymentOf(app);
  const rs18 = rsOf(app, 18);
  const rs19 = rsOf(app, 19);
  const parts = [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]];
  const writerLog = (k: number): string => {
    const t0 = 46.6 - k * 0.7 - 0.2;
    const out = [
      `${pyTime(t0)} INFO [writer.main] clickstream-writer 1.22.0 starting (python 3.12.7, boto3 1.35.54, confluent-kafka 2.6.0)`,
      `${pyTime(t0 - 0.01)} INFO [writer.ddb] table clickstream-events: status=ACTIVE billing_mode=PROVISIONED read_capacity_units=1500 write_capacity_units=6000 key_schema=[pk HASH, sk RANGE] gsi=[by_session]`,
      `${pyTime(t0 - 0.01)} INFO [writer.ddb] item key mapping: pk <- event_date, sk <- event_id (DDB_PARTITION_KEY=event_date)`,
      `${pyTime(t0 - 0.02)} INFO [writer.health] health server listening on :8081`,
      `${pyTime(t0 - 0.05)} INFO [writer.kafka] assigned partitions clickstream.events[${(parts[k] ?? []).join(',')}] (group clickstream-writer, generation ${412 + k})`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 12 - i * 0.85 - k * 0.07;
      const ev = ulid(k * 100 + i);
      out.push(`${pyTime(t)} WARNING [writer.sink] PutItem throttled, retrying (attempt 2/3) table=clickstream-events pk=2026-11-21 sk=${ev}`);
      if (i % 2 === 0) {
        out.push(`${pyTime(t - 0.01)} ERROR [writer.sink] write failed after 3 attempts, pausing partition clickstream.events[${(parts[k] ?? [0])[i % 3]}] for 2.0s: An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 2): The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.`);
      }
      if (i === 5) {
        out.push(
          `${pyTime(t - 0.02)} ERROR [writer.sink] unhandled write error pk=2026-11-21 sk=${ulid(k * 100 + 50)}`,
          'Traceback (most recent call last):',
          '  File "/app/writer/sink.py", line 88, in _put',
          '    resp = self._table.put_item(Item=item, ReturnConsumedCapacity="TOTAL")',
          '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
          '  File "/usr/local/lib/python3.12/site-packages/boto3/resources/factory.py", line 581, in do_action',
          '    response = action(self, *args, **kwargs)',
          '  File "/usr/local/lib/python3.12/site-packages/boto3/resources/action.py", line 88, in __call__',
          '    response = getattr(parent.meta.client, operation_name)(*args, **params)',
          '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
          '    return self._make_api_call(operation_name, kwargs)',
          '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
          '    raise error_class(parsed_response, operation_name)',
          'botocore.errorfactory.ProvisionedThroughputExceededException: An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 2): The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        );
      }
      if (i % 4 === 1) {
        const wcu = (246.8 + ((k * 37 + i * 11) % 9)).toFixed(1);
        out.push(`${pyTime(t - 0.03)} INFO [writer.stats] last 60s: consumed=${15012 + k * 211 + i * 7} written=${3702 + ((k * 53 + i * 17) % 140)} throttled_attempts=${22680 + i * 31} failed=${1190 + ((k + i) % 7) * 9} consumed_wcu=${wcu}/s provisioned_wcu=6000 consumer_lag=${2_010_000 + i * 61_000 + k * 7_300}`);
      }
    }
    return lines(...out);
  };
  const sessionizerLog = lines(
    `${pyTime(2 * HOURS + 34)} INFO [sessionizer] sessionizer 3.7.1 starting`,
    `${pyTime(3)} INFO [sessionizer.window] closed 18422 sessions (window 03:00-03:05)`,
    `${pyTime(0.6)} INFO [sessionizer.window] closed 18977 sessions (window 03:05-03:10)`,
  );
  return {
    id: 'heldout40-dynamodb-hot-partition-event-date-key',
    class: 'rollout',
    truth: 'clickstream-writer revision 19 (1.22.0, rolled out 47 minutes ago) changed the item key from session_id to event_date (DDB_PARTITION_KEY=event_date) so the new daily export can query a day at once. Every event written today now carries the same partition key, 2026-11-21, so all PutItem traffic of the four writers goes to a single DynamoDB partition, which serves at most ~1000 WCU/s: the writers see ProvisionedThroughputExceededException ("The level of configured provisioned throughput for the table was exceeded") on most writes and their summed consumption flattens at ~1000 WCU/s while the table clickstream-events has 6000 WCU provisioned — the table is far from full, the key is hot. The Kafka consumer lag climbs. Raising the provisioned capacity would not help (the per-partition limit stays); the fix is to roll back to revision 18 now and redesign the key (write sharding such as event_date#<0..N> or keep session_id and add a GSI on the date).',
    ask: { service: 'clickstream-writer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'clickstream-writer', selector: { app: 'clickstream-writer' }, ports: [{ name: 'health', port: 8081, targetPort: 'health' }], pods: app.pods, endpointPort: 8081 }),
      scaledReplicaSet(dep, rs19, 1, 0, 47),
      scaledReplicaSet(dep, rs18, 3, 4, 46.2),
      scaledReplicaSet(dep, rs19, 2, 1, 46.2),
      scaledReplicaSet(dep, rs18, 2, 3, 45.5),
      scaledReplicaSet(dep, rs19, 3, 2, 45.5),
      scaledReplicaSet(dep, rs18, 1, 2, 44.8),
      scaledReplicaSet(dep, rs19, 4, 3, 44.8),
      scaledReplicaSet(dep, rs18, 0, 1, 44.3),
      ...app.pods.flatMap((p, k) => freshStart(p, 'app', image('1.22.0'), 46.6 - k * 0.7, 71_204_551)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: writerLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: sessionizerLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /hot[- ]?(partition|key)|partition key|single (DynamoDB )?partition|one partition|same partition|per-partition|partition[- ]level/i,
        /\b19\b|1\.22\.0|event_date|DDB_PARTITION_KEY/i,
      ],
      facts: [/ProvisionedThroughputExceeded|configured provisioned throughput for the table was exceeded|throttl/i, /event_date|2026-11-21/, /clickstream-events/],
      never: [/\bOOM/, /crash ?loop/i, /(increase|raise|bump|add)[^\n]{0,40}(provisioned|WCU|write capacity|capacity units)/i, /sessionizer/, /kafka[^\n]{0,40}(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 2. Java: a bumped library calls a Guava method the pinned Guava lacks (NoSuchMethodError) -------

function javaNoSuchMethodGuava(): CorpusScenario {
  const ns = 'quotes';
  const { nodes, names } = threeEksNodes('10.0.140', ['27', '118', '236']);
  const image = (v: string) => `${ECR}/quotes/pricing-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'FX_SERVICE_URL', value: 'http://fx-rates.quotes.svc.cluster.local' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 2.14.3', template: tpl('2.14.3') },
      { revision: 58, createdAgo: 38, changeCause: 'argocd: pricing-engine 2.15.0 (deps: com.acme:fx-client 2.4.1 -> 3.0.0)', template: tpl('2.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 37.5 - k * 1.1 })),
  });
  const notifier = bystander(ns, 'quote-notifier', names, 14, { revisions: [21, 22], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const dep = deploymentOf(app);
  const rs57 = rsOf(app, 57);
  const rs58 = rsOf(app, 58);
  const missing = "'com.google.common.collect.ImmutableMap com.google.common.collect.ImmutableMap$Builder.buildOrThrow()'";
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) =>
    `${at(t)} ${level.padStart(5)} 1 --- [pricing-engine] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const stack = [
    `java.lang.NoSuchMethodError: ${missing}`,
    '\tat com.acme.fx.client.RateSnapshot.of(RateSnapshot.java:61) ~[fx-client-3.0.0.jar!/:3.0.0]',
    '\tat com.acme.fx.client.RateCacheLoader.load(RateCacheLoader.java:38) ~[fx-client-3.0.0.jar!/:3.0.0]',
    '\tat com.acme.fx.client.RateCacheLoader.load(RateCacheLoader.java:17) ~[fx-client-3.0.0.jar!/:3.0.0]',
    '\tat com.google.common.cache.LocalCache$LoadingValueReference.loadFuture(LocalCache.java:3529) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache$Segment.loadSync(LocalCache.java:2278) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache$Segment.lockedGetOrLoad(LocalCache.java:2155) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache$Segment.get(LocalCache.java:2045) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache.get(LocalCache.java:3962) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache.getOrLoad(LocalCache.java:3985) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache$LocalLoadingCache.get(LocalCache.java:4946) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.google.common.cache.LocalCache$LocalLoadingCache.getUnchecked(LocalCache.java:4952) ~[guava-30.1-jre.jar!/:na]',
    '\tat com.acme.fx.client.FxClient.convert(FxClient.java:142) ~[fx-client-3.0.0.jar!/:3.0.0]',
    '\tat com.acme.pricing.quote.CurrencyAdjuster.adjust(CurrencyAdjuster.java:57) ~[!/:2.15.0]',
    '\tat com.acme.pricing.quote.QuoteService.price(QuoteService.java:103) ~[!/:2.15.0]',
    '\tat com.acme.pricing.api.QuoteController.create(QuoteController.java:49) ~[!/:2.15.0]',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]',
    '\tat java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]',
    '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188) ~[spring-web-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:926) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:831) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:979) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:914) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) ~[spring-webmvc-6.1.14.jar!/:6.1.14]',
    '\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:195) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:140) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116) ~[spring-web-6.1.14.jar!/:6.1.14]',
    '\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:115) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.core.StandardEngineValve.invoke(StandardEngineValve.java:74) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:344) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:384) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.coyote.AbstractProcessorLight.process(AbstractProcessorLight.java:63) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.coyote.AbstractProtocol$ConnectionHandler.process(AbstractProtocol.java:905) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1741) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.tomcat.util.net.SocketProcessorBase.run(SocketProcessorBase.java:52) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1190) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63) ~[tomcat-embed-core-10.1.31.jar!/:na]',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]',
  ];
  const pairs = ['EUR->EUR', 'USD->EUR', 'GBP->GBP', 'EUR->CHF', 'EUR->EUR', 'PLN->EUR', 'EUR->EUR', 'USD->USD'];
  const engineLog = (k: number): string => {
    const t0 = 37.5 - k * 1.1 - 0.2;
    const out = [
      spring(t0, 'INFO', 'main', 'c.a.pricing.PricingEngineApplication', 'Starting PricingEngineApplication v2.15.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      spring(t0, 'INFO', 'main', 'c.a.pricing.PricingEngineApplication', 'The following 1 profile is active: "prod"'),
      spring(t0 - 0.05, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      spring(t0 - 0.09, 'WARN', 'main', 'JpaBaseConfiguration$JpaWebConfiguration', 'spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning'),
      spring(t0 - 0.1, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(t0 - 0.15, 'INFO', 'main', 'c.a.fx.client.FxClientAutoConfiguration', 'fx-client 3.0.0 configured: endpoint=http://fx-rates.quotes.svc.cluster.local, rate cache ttl=PT30S'),
      spring(t0 - 0.18, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(t0 - 0.19, 'INFO', 'main', 'c.a.pricing.PricingEngineApplication', 'Started PricingEngineApplication in 11.842 seconds (process running for 12.611)'),
    ];
    for (let i = 0; i < 12; i++) {
      const t = 9 - i * 0.7 - k * 0.05;
      const pair = pairs[(i + k) % pairs.length] ?? 'EUR->EUR';
      const [from, to] = pair.split('->');
      const thread = `nio-8080-exec-${(i % 9) + 1}`;
      if (from === to) {
        out.push(spring(t, 'INFO', thread, 'c.a.pricing.api.QuoteController', `quote ${ulid(200 + k * 20 + i)} ${pair} lines=${3 + (i % 5)} total=${(184.2 + i * 13.7).toFixed(2)} ${from} in ${31 + i * 3}ms`));
      } else {
        out.push(spring(t, 'ERROR', thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: com.google.common.util.concurrent.ExecutionError: java.lang.NoSuchMethodError: ${missing}] with root cause`));
        out.push('', ...(i % 3 === 1 ? stack : stack.slice(0, 16)), '');
      }
    }
    out.push(spring(0.3, 'INFO', 'nio-8080-exec-2', 'c.a.pricing.api.QuoteController', `quote ${ulid(999 + k)} EUR->EUR lines=2 total=96.40 EUR in 28ms`));
    return lines(...out);
  };
  return {
    id: 'heldout40-java-nosuchmethoderror-guava-conflict',
    class: 'rollout',
    truth: 'pricing-engine revision 58 (2.15.0, rolled out 38 minutes ago) bumped the internal library com.acme:fx-client from 2.4.1 to 3.0.0. fx-client 3.0.0 is compiled against Guava 31+ and calls ImmutableMap.Builder.buildOrThrow(), but pricing-engine still pins com.google.guava:guava 30.1-jre in its dependency management, so that older Guava wins on the classpath. The application starts and its probes pass, but every quote that needs a currency conversion loads the fx rate cache and fails with java.lang.NoSuchMethodError: \'ImmutableMap ImmutableMap$Builder.buildOrThrow()\' (wrapped in Guava\'s ExecutionError, HTTP 500); same-currency quotes still work. It is a dependency version conflict introduced by the release, not an infrastructure problem; quote-notifier\'s rollout 14 minutes ago is unrelated. Roll back to revision 57 now, then fix the build (align Guava to the version fx-client needs, enforce dependency convergence).',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...notifier.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quote-notifier', selector: { app: 'quote-notifier' }, pods: notifier.pods }),
      scaledReplicaSet(dep, rs58, 1, 0, 38),
      scaledReplicaSet(dep, rs57, 2, 3, 37.2),
      scaledReplicaSet(dep, rs58, 2, 1, 37.2),
      scaledReplicaSet(dep, rs57, 1, 2, 36.1),
      scaledReplicaSet(dep, rs58, 3, 2, 36.1),
      scaledReplicaSet(dep, rs57, 0, 1, 35.0),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 22), 2, 0, 14),
      ...app.pods.flatMap((p, k) => freshStart(p, 'app', image('2.15.0'), 37.5 - k * 1.1, 214_880_317)),
      ...app.pods.map((p, k) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8081/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8081: connect: connection refused`, count: 2, firstAgo: 37.4 - k * 1.1, lastAgo: 37.3 - k * 1.1, fieldPath: 'spec.containers{app}' })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: engineLog(k) })),
      ...notifier.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(13.5)}","msg":"quote-notifier 1.8.1 started"}`, `{"level":"info","ts":"${at(1.1)}","msg":"sent quote expiry reminders","count":14}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /NoSuchMethodError|dependency (version )?conflict|classpath|incompatible[^\n]{0,40}(librar|dependenc|version|guava)|guava/i,
        /\b58\b|2\.15\.0|fx-client/i,
      ],
      facts: [/buildOrThrow/, /guava/i, /fx-client/],
      never: [/\bOOM/, /crash ?loop/i, /(readiness|liveness) probe[^\n]{0,30}(fail|kill)/i, /quote-notifier/],
    },
  };
}

// ---- 3. Elixir cluster split: the new revision lost RELEASE_COOKIE --------------------------------------

function elixirCookieMismatch(): CorpusScenario {
  const ns = 'realtime';
  const { nodes, names } = threeEksNodes('10.0.208', ['19', '101', '244']);
  const image = (v: string) => `${ECR}/realtime/presence:${v}`;
  const common: k8s.V1EnvVar[] = [
    { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    { name: 'RELEASE_DISTRIBUTION', value: 'name' },
    { name: 'RELEASE_NODE', value: 'presence@$(POD_IP)' },
  ];
  const ports = [{ name: 'http', containerPort: 4000 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 9000 }];
  const probes = { readiness: httpProbe('/health', 'http', { periodSeconds: 5 }), liveness: httpProbe('/health', 'http', { initialDelaySeconds: 20 }) };
  const oldTpl = {
    terminationGracePeriodSeconds: 60,
    containers: [container({
      name: 'presence', image: image('1.18.2'), ports, cpu: '500m', memory: '1Gi', ...probes,
      env: [
        ...common,
        { name: 'RELEASE_COOKIE', valueFrom: { configMapKeyRef: { name: 'presence-erlang', key: 'cookie' } } },
        { name: 'ERL_AFLAGS', value: '-kernel inet_dist_listen_min 9000 inet_dist_listen_max 9000' },
        { name: 'PHX_HOST', value: 'presence.acme.io' },
        { name: 'CLUSTER_DNS_QUERY', value: 'presence-headless.realtime.svc.cluster.local' },
        { name: 'POOL_SIZE', value: '10' },
      ],
    })],
  };
  const newTpl = {
    terminationGracePeriodSeconds: 60,
    containers: [container({ name: 'presence', image: image('1.19.0'), ports, cpu: '500m', memory: '1Gi', ...probes, env: common, envFrom: [{ configMapRef: { name: 'presence-env' } }] })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'presence',
    replicas: 3,
    serviceName: 'presence-headless',
    podManagementPolicy: 'Parallel',
    revisions: [
      { revision: 6, createdAgo: 34 * DAYS, template: oldTpl },
      { revision: 7, createdAgo: 26, template: newTpl },
    ],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS - 20 },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 34 * DAYS - 14 },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 24 },
    ],
  });
  const set = sts.objects[0] as k8s.V1StatefulSet;
  if (set.spec) set.spec.updateStrategy = { type: 'OnDelete' };
  const [p0, p1, p2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const ip0 = ipOfPod(p0);
  const ip1 = ipOfPod(p1);
  const ip2 = ipOfPod(p2);
  const oldIp2 = '10.0.210.57';
  const nodeName = (ip: string) => `:"presence@${ip}"`;
  const rejected = (t: number, ip: string) => `${exTime(t)} [error] ** Connection attempt from node ${nodeName(ip)} rejected. Invalid challenge reply. **`;
  const unable = (t: number, ip: string) => `${exTime(t)} [warning] [libcluster:presence] unable to connect to ${nodeName(ip)}`;
  const oldNodeLog = (self: string, peer: string, k: number): string => {
    const out = [
      `${exTime(24.6)} [info] nodedown ${nodeName(oldIp2)} reason=:connection_closed`,
      `${exTime(24.6)} [info] Phoenix.Presence: handing off 1,482 presences of ${nodeName(oldIp2)}`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 23.5 - i * 1.45 - k * 0.1;
      out.push(rejected(t, ip2));
      out.push(unable(t - 0.02, ip2));
      if (i % 3 === 0) out.push(`${exTime(t - 0.05)} [info] [Presence.ClusterMonitor] connected nodes: [${nodeName(peer)}] (self ${nodeName(self)}), dns peers: 2`);
      if (i % 2 === 1) out.push(`${exTime(t - 0.07)} [info] JOINED presence:doc:${8800 + i * 13 + k} in 88µs`, `${exTime(t - 0.07)}   Parameters: %{"user_id" => "u_${4400 + i * 7}"}`);
      if (i % 4 === 2) out.push(`${exTime(t - 0.09)} [info] GET /health`, `${exTime(t - 0.09)} [info] Sent 200 in 214µs`);
    }
    return lines(...out);
  };
  const newNodeLog = (): string => {
    const out = [
      `${exTime(23.8)} [info] Running PresenceWeb.Endpoint with Bandit 1.5.7 at :::4000 (http)`,
      `${exTime(23.8)} [info] Access PresenceWeb.Endpoint at https://presence.acme.io`,
      `${exTime(23.7)} [info] [Presence.ClusterMonitor] starting, node ${nodeName(ip2)}, dns query presence-headless.realtime.svc.cluster.local`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 23.5 - i * 1.45;
      out.push(unable(t + 0.01, ip0), unable(t + 0.01, ip1));
      out.push(rejected(t - 0.03, i % 2 === 0 ? ip0 : ip1));
      if (i % 3 === 0) out.push(`${exTime(t - 0.05)} [info] [Presence.ClusterMonitor] connected nodes: [] (self ${nodeName(ip2)}), dns peers: 2`);
      if (i % 2 === 0) out.push(`${exTime(t - 0.08)} [info] CONNECTED TO PresenceWeb.UserSocket in 41µs`, `${exTime(t - 0.08)}   Transport: :websocket`, `${exTime(t - 0.08)} [info] JOINED presence:doc:${8800 + i * 13} in 95µs`);
    }
    return lines(...out);
  };
  const fp = 'spec.containers{presence}';
  const headless = service({ namespace: ns, name: 'presence-headless', selector: { app: 'presence' }, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'dist', port: 9000, targetPort: 9000 }] });
  return {
    id: 'heldout40-elixir-cluster-cookie-mismatch',
    class: 'config',
    truth: 'The presence StatefulSet (Phoenix, clustered over Erlang distribution with libcluster, updateStrategy OnDelete) got revision 7 (1.19.0) 26 minutes ago: a chart refactor moved its settings into envFrom ConfigMap presence-env, which has no RELEASE_COOKIE, and dropped the RELEASE_COOKIE entry that revision 6 read from ConfigMap presence-erlang. When presence-2 was deleted 24 minutes ago to pick up the new revision, its release started with the cookie generated into the release at build time. The old nodes presence-0 and presence-1 (revision 6) reject it — "** Connection attempt from node :"presence@…" rejected. Invalid challenge reply. **" — and presence-2 rejects them in turn, so the cluster is split: presence-2 is Ready and serves a third of the websocket users in a one-node cluster whose presence and PubSub broadcasts never reach the other two. The network is fine (the TCP handshake and distribution challenge happen). Fix: put RELEASE_COOKIE back in the template (from presence-erlang) and delete presence-2 again; do not roll the other pods onto revision 7 as it is.',
    ask: { service: 'presence', namespace: ns },
    objects: [
      ...nodes, ...sts.objects,
      headless,
      endpointSliceFor(headless, sts.pods, 4369),
      ...exposed({ namespace: ns, name: 'presence', selector: { app: 'presence' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: sts.pods, endpointPort: 4000 }),
      configMap({ namespace: ns, name: 'presence-erlang', createdAgo: 410 * DAYS, data: { cookie: 'Vq3x9LrP2mZt8KsW4nYc6HbJ1dFg5QeA' } }),
      configMap({ namespace: ns, name: 'presence-env', createdAgo: 26, data: {
        ERL_AFLAGS: '-kernel inet_dist_listen_min 9000 inet_dist_listen_max 9000',
        PHX_HOST: 'presence.acme.io',
        CLUSTER_DNS_QUERY: 'presence-headless.realtime.svc.cluster.local',
        POOL_SIZE: '10',
        PHX_SERVER: 'true',
      } }),
      networkPolicy({
        namespace: ns, name: 'presence-distribution', createdAgo: 300 * DAYS, podSelector: { app: 'presence' }, policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'presence' } } }], ports: [{ protocol: 'TCP', port: 4369 }, { protocol: 'TCP', port: 9000 }] },
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 4000 }] },
        ],
      }),
      event({ on: { kind: 'Pod', name: 'presence-2', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container presence', firstAgo: 24.7, lastAgo: 24.7, fieldPath: fp }),
      event({ on: set, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod presence-2 in StatefulSet presence successful', firstAgo: 24, lastAgo: 24, component: 'statefulset-controller' }),
      ...freshStart(p2, 'presence', image('1.19.0'), 24, 38_114_020),
    ],
    logs: [
      logsFor(p0, 'presence', { current: oldNodeLog(ip0, ip1, 0) }),
      logsFor(p1, 'presence', { current: oldNodeLog(ip1, ip0, 1) }),
      logsFor(p2, 'presence', { current: newNodeLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cookie/i, /presence-2|RELEASE_COOKIE|revision 7|1\.19\.0|split|join/i],
      facts: [/Invalid challenge reply/, /RELEASE_COOKIE/, /presence-erlang|presence-env/],
      never: [/\bOOM/, /crash ?loop/i, /network ?polic[^\n]{0,40}(block|den|drop)/i, /\bDNS\b[^\n]{0,30}(fail|broken|not resolv)/i],
    },
  };
}

// ---- 4. Redis NOREPLICAS: min-replicas-to-write 1 and the only replica is Pending ------------------------

function redisNoReplicas(): CorpusScenario {
  const ns = 'cart';
  const na = eksNodeName('10.0.17.44');
  const nb = eksNodeName('10.0.83.150');
  const nc = eksNodeName('10.0.151.88');
  const oldNc = eksNodeName('10.0.149.203');
  const nodes = [
    node({ name: na, zone: 'eu-west-1a', createdAgo: 26 * DAYS }),
    node({ name: nb, zone: 'eu-west-1b', createdAgo: 26 * DAYS }),
    node({ name: nc, zone: 'eu-west-1c', createdAgo: 52 }),
  ];
  const redisImage = 'docker.io/bitnami/redis:7.4.1-debian-12-r2';
  const redisTpl = (role: 'master' | 'replica') => ({
    serviceAccountName: 'cart-redis',
    securityContext: { fsGroup: 1001 },
    containers: [container({
      name: 'redis', image: redisImage,
      command: ['/bin/bash'], args: ['-c', `/opt/bitnami/scripts/start-scripts/start-${role}.sh`],
      env: [
        { name: 'BITNAMI_DEBUG', value: 'false' },
        { name: 'REDIS_REPLICATION_MODE', value: role === 'master' ? 'master' : 'replica' },
        ...(role === 'replica' ? [{ name: 'REDIS_MASTER_HOST', value: 'cart-redis-master-0.cart-redis-headless.cart.svc.cluster.local' }, { name: 'REDIS_MASTER_PORT_NUMBER', value: '6379' }] : []),
        { name: 'ALLOW_EMPTY_PASSWORD', value: 'no' },
        { name: 'REDIS_PASSWORD_FILE', value: '/opt/bitnami/redis/secrets/redis-password' },
        { name: 'REDIS_TLS_ENABLED', value: 'no' },
        { name: 'REDIS_PORT', value: '6379' },
      ],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '3Gi',
      readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }),
      liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }),
      volumeMounts: [
        { name: 'start-scripts', mountPath: '/opt/bitnami/scripts/start-scripts' },
        { name: 'health', mountPath: '/health' },
        { name: 'redis-data', mountPath: '/data' },
        { name: 'config', mountPath: '/opt/bitnami/redis/mounted-etc' },
        { name: 'redis-tmp-conf', mountPath: '/opt/bitnami/redis/etc/' },
      ],
    })],
    volumes: [
      { name: 'start-scripts', configMap: { name: 'cart-redis-scripts', defaultMode: 0o755 } },
      { name: 'health', configMap: { name: 'cart-redis-health', defaultMode: 0o755 } },
      { name: 'config', configMap: { name: 'cart-redis-configuration' } },
      { name: 'redis-tmp-conf', emptyDir: {} },
    ],
  });
  const master = statefulSetApp({
    namespace: ns, name: 'cart-redis-master', replicas: 1, serviceName: 'cart-redis-headless',
    selector: { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'cart-redis', 'app.kubernetes.io/component': 'master' },
    revisions: [{ revision: 3, createdAgo: 61 * DAYS, template: redisTpl('master') }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: na, createdAgo: 20 * DAYS }],
  });
  const unsched = '0/3 nodes are available: 1 Insufficient memory, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
  const replicas = statefulSetApp({
    namespace: ns, name: 'cart-redis-replicas', replicas: 1, serviceName: 'cart-redis-headless',
    selector: { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'cart-redis', 'app.kubernetes.io/component': 'replica' },
    revisions: [{ revision: 3, createdAgo: 61 * DAYS, template: redisTpl('replica') }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: null, createdAgo: 54, unschedulable: unsched }],
  });
  const [mClaim, mVol] = boundClaim({ namespace: ns, name: 'redis-data-cart-redis-master-0', storage: '8Gi', zone: 'eu-west-1a', createdAgo: 61 * DAYS, labels: { 'app.kubernetes.io/component': 'master', 'app.kubernetes.io/instance': 'cart-redis' } });
  const [rClaim, rVol] = boundClaim({ namespace: ns, name: 'redis-data-cart-redis-replicas-0', storage: '8Gi', zone: 'eu-west-1c', createdAgo: 61 * DAYS, labels: { 'app.kubernetes.io/component': 'replica', 'app.kubernetes.io/instance': 'cart-redis' } });
  const apiImage = (v: string) => `${ECR}/cart/cart-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [3000], cpu: '250m', memory: '384Mi', env: [{ name: 'REDIS_URL', value: 'redis://cart-redis-master.cart.svc.cluster.local:6379/0' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 5 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 212, createdAgo: 6 * DAYS, changeCause: 'argocd: cart-api 5.30.1', template: apiTpl('5.30.1') },
      { revision: 213, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: cart-api 5.31.0', template: apiTpl('5.31.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 213, node: [na, nb, na][k] ?? na, createdAgo: 2 * HOURS + 9 - k })),
  });
  // Other teams' pods that took the memory of the fresh eu-west-1c node while the replica waited.
  const indexer = deploymentApp({
    namespace: 'search', name: 'catalog-indexer', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 18 * DAYS, template: { containers: [container({ image: `${ECR}/search/catalog-indexer:7.2.0`, cpu: '1', memory: '6Gi' })] } }],
    pods: [{ revision: 14, node: nc, createdAgo: 51 }, { revision: 14, node: nc, createdAgo: 51 }],
  });
  const mPod = podOf(master, 0);
  const rPod = podOf(replicas, 0);
  const oldReplicaIp = '10.0.149.61';
  const configuration = configMap({
    namespace: ns, name: 'cart-redis-configuration', createdAgo: 61 * DAYS, updatedAgo: 23 * DAYS,
    data: {
      'redis.conf': '# User-supplied common configuration:\n# Enable AOF https://redis.io/topics/persistence#append-only-file\nappendonly yes\n# Disable RDB persistence, AOF persistence already enabled.\nsave ""\n# End of common configuration\n',
      'master.conf': 'dir /data\n# User-supplied master configuration:\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n# Refuse writes unless a replica has them (INC-2291 follow-up)\nmin-replicas-to-write 1\nmin-replicas-max-lag 10\n# End of master configuration\n',
      'replica.conf': 'dir /data\n# User-supplied replica configuration:\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n# End of replica configuration\n',
    },
  });
  const mlog = lines(
    `1:C ${redisTime(20 * DAYS - 0.4)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(20 * DAYS - 0.4)} # Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(20 * DAYS - 0.4)} # Configuration loaded`,
    `1:M ${redisTime(20 * DAYS - 0.4)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(20 * DAYS - 0.4)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(20 * DAYS - 0.4)} * Server initialized`,
    `1:M ${redisTime(20 * DAYS - 0.41)} * DB loaded from append only file: 1.874 seconds`,
    `1:M ${redisTime(20 * DAYS - 0.41)} * Ready to accept connections tcp`,
    `1:M ${redisTime(20 * DAYS - 1.2)} * Replica ${oldReplicaIp}:6379 asks for synchronization`,
    `1:M ${redisTime(20 * DAYS - 1.2)} * Partial resynchronization not accepted: Replication ID mismatch (Replica asked for 'e1c3d0f4a0b87b7f2c9d4e5a6b7c8d9e0f1a2b3c', my replication IDs are '5b1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a39' and '0000000000000000000000000000000000000000')`,
    `1:M ${redisTime(20 * DAYS - 1.2)} * Starting BGSAVE for SYNC with target: disk`,
    `1:M ${redisTime(20 * DAYS - 1.2)} * Background saving started by pid 58`,
    `1:M ${redisTime(20 * DAYS - 1.25)} * Background saving terminated with success`,
    `1:M ${redisTime(20 * DAYS - 1.26)} * Synchronization with replica ${oldReplicaIp}:6379 succeeded`,
    `1:M ${redisTime(3 * HOURS + 12)} * Starting automatic rewriting of AOF on 100% growth`,
    `1:M ${redisTime(3 * HOURS + 12)} * Creating AOF incr file appendonly.aof.312.incr.aof on background rewrite`,
    `1:M ${redisTime(3 * HOURS + 12)} * Background append only file rewriting started by pid 9321`,
    `9321:C ${redisTime(3 * HOURS + 11.9)} * Successfully created the temporary AOF base file temp-rewriteaof-bg-9321.aof`,
    `1:M ${redisTime(3 * HOURS + 11.9)} * Background AOF rewrite terminated with success`,
    `1:M ${redisTime(3 * HOURS + 11.9)} * Background AOF rewrite finished successfully`,
    `1:M ${redisTime(54.2)} * Connection with replica ${oldReplicaIp}:6379 lost.`,
  );
  const cartIds = ['c_9f2a71', 'c_41bd0e', 'c_7730cc', 'c_d01e55', 'c_0b99f3', 'c_6a4e12', 'c_e8c7a0', 'c_33f1d9'];
  const apiLog = (p: Pod, k: number): string => {
    const host = nameOf(p);
    const out = [`{"level":30,"time":${epochMsJ(2 * HOURS + 8.8 - k)},"pid":1,"hostname":"${host}","msg":"cart-api 5.31.0 listening on :3000"}`, `{"level":30,"time":${epochMsJ(2 * HOURS + 8.8 - k)},"pid":1,"hostname":"${host}","msg":"redis ready","host":"cart-redis-master.cart.svc.cluster.local","port":6379}`];
    for (let i = 0; i < 14; i++) {
      const t = 11 - i * 0.75 - k * 0.06;
      const cart = cartIds[(i + k) % cartIds.length] ?? 'c_1';
      const rid = `req-${(4000 + k * 300 + i).toString(36)}`;
      out.push(`{"level":30,"time":${epochMsJ(t)},"pid":1,"hostname":"${host}","reqId":"${rid}a","req":{"method":"GET","url":"/v1/carts/${cart}"},"res":{"statusCode":200},"responseTime":${(3.1 + (i % 5) * 0.7).toFixed(1)},"msg":"request completed"}`);
      if (i % 2 === 0) {
        const cmd = i % 4 === 0 ? `{"name":"hset","args":["cart:${cart}","items","[{\\"sku\\":\\"SKU-${1200 + i}\\",\\"qty\\":1}]"]}` : `{"name":"expire","args":["cart:${cart}","604800"]}`;
        out.push(`{"level":50,"time":${epochMsJ(t - 0.01)},"pid":1,"hostname":"${host}","reqId":"${rid}b","err":{"type":"ReplyError","message":"NOREPLICAS Not enough good replicas to write.","stack":"ReplyError: NOREPLICAS Not enough good replicas to write.\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":${cmd}},"msg":"failed to save cart"}`);
        out.push(`{"level":30,"time":${epochMsJ(t - 0.01)},"pid":1,"hostname":"${host}","reqId":"${rid}b","req":{"method":"POST","url":"/v1/carts/${cart}/items"},"res":{"statusCode":503},"responseTime":${(2.4 + (i % 3) * 0.5).toFixed(1)},"msg":"request completed"}`);
      }
    }
    return lines(...out);
  };
  const fp = 'spec.containers{redis}';
  return {
    id: 'heldout40-redis-noreplicas-replica-pending',
    class: 'scheduling',
    truth: 'The cart Redis master (cart-redis-master-0, Bitnami chart) runs with min-replicas-to-write 1 and min-replicas-max-lag 10 (ConfigMap cart-redis-configuration, master.conf, added 23 days ago). Its only replica, cart-redis-replicas-0, lived on the eu-west-1c node that the node-group update replaced 54 minutes ago; the re-created pod must follow its EBS volume to eu-west-1c, and the fresh eu-west-1c node was filled in the meantime by catalog-indexer pods, so the replica is Pending ("1 Insufficient memory, 2 node(s) had volume node affinity conflict"). With no connected replica the master refuses every write with "NOREPLICAS Not enough good replicas to write.": cart-api\'s add-to-cart calls (HSET/EXPIRE) return 503 while reads (GET) still work. cart-api\'s rollout two hours ago is innocent. Fix: get the replica scheduled in eu-west-1c (free or add memory there); as a stopgap, CONFIG SET min-replicas-to-write 0 on the master.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...master.objects, ...replicas.objects, ...indexer.objects,
      mClaim, mVol, rClaim, rVol, configuration,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-redis-master', selector: { 'app.kubernetes.io/instance': 'cart-redis', 'app.kubernetes.io/component': 'master' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], pods: master.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'cart-redis-replicas', selector: { 'app.kubernetes.io/instance': 'cart-redis', 'app.kubernetes.io/component': 'replica' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], pods: replicas.pods, endpointPort: 6379 }),
      service({ namespace: ns, name: 'cart-redis-headless', selector: { 'app.kubernetes.io/instance': 'cart-redis' }, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }] }),
      nodeEvent(oldNc, 'NodeNotSchedulable', `Node ${oldNc} status is now: NodeNotSchedulable`, { firstAgo: 56 }),
      event({ on: { kind: 'Pod', name: 'cart-redis-replicas-0', namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 54.3, lastAgo: 54.3, fieldPath: fp }),
      nodeEvent(oldNc, 'RemovingNode', `Node ${oldNc} event: Removing Node ${oldNc} from Controller`, { firstAgo: 53, component: 'node-controller' }),
      nodeEvent(nc, 'Starting', 'Starting kubelet.', { firstAgo: 52 }),
      nodeEvent(nc, 'RegisteredNode', `Node ${nc} event: Registered Node ${nc} in Controller`, { firstAgo: 51.8, component: 'node-controller' }),
      nodeEvent(nc, 'NodeReady', `Node ${nc} status is now: NodeReady`, { firstAgo: 51.5 }),
      event({ on: replicas.objects[0] ?? {}, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod cart-redis-replicas-0 in StatefulSet cart-redis-replicas successful', firstAgo: 54, lastAgo: 54, component: 'statefulset-controller' }),
      failedScheduling(rPod, '0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.', { count: 3, firstAgo: 54, lastAgo: 52.2 }),
      failedScheduling(rPod, unsched, { count: 17, firstAgo: 51, lastAgo: 1.4 }),
      ...indexer.pods.flatMap((p) => [event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned search/${nameOf(p)} to ${nc}`, firstAgo: 51.2, lastAgo: 51.2, component: 'default-scheduler' })]),
    ],
    logs: [
      logsFor(mPod, 'redis', { current: mlog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [
        /NOREPLICAS|not enough (good )?replicas|min-replicas-to-write|(no|without an?y?) (good |connected |healthy )?replica/i,
        /cart-redis-replicas|replica[^\n]{0,40}(pending|unschedul|down|not (running|scheduled)|missing|unavailable)/i,
      ],
      facts: [/min-replicas-to-write/, /cart-redis-replicas-0/, /Pending|Insufficient memory|volume node affinity|unschedulable/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /maxmemory|out of memory/i],
    },
  };
}

// ---- 5. Celery beat scaled from 1 to 2: every periodic task is sent twice ----------------------------

function celeryBeatTwoReplicas(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '130', '212']);
  const image = `${ECR}/billing/billing:4.9.2`;
  const beatImage = image;
  const celeryEnv: k8s.V1EnvVar[] = [
    { name: 'CELERY_BROKER_URL', value: 'redis://billing-redis.billing.svc.cluster.local:6379/0' },
    { name: 'CELERY_RESULT_BACKEND', value: 'redis://billing-redis.billing.svc.cluster.local:6379/1' },
    { name: 'DJANGO_SETTINGS_MODULE', value: 'billing.settings.prod' },
  ];
  const beat = deploymentApp({
    namespace: ns, name: 'billing-beat', replicas: 2,
    strategy: { type: 'Recreate' },
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, changeCause: 'argocd: billing 4.9.2', template: { containers: [container({ name: 'beat', image: beatImage, command: ['celery', '-A', 'billing', 'beat', '--loglevel=INFO', '--schedule=/tmp/celerybeat-schedule'], ports: [], cpu: '100m', memory: '256Mi', env: celeryEnv, readiness: null, liveness: null })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS - 2 }, { revision: 9, node: names[2] ?? '', createdAgo: 38 }],
  });
  const beatDep = beat.objects[0] as k8s.V1Deployment;
  if (beatDep.metadata) {
    beatDep.metadata.managedFields = [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(12 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(38), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ];
  }
  const workerTpl = (v: string) => ({ containers: [container({ name: 'worker', image: `${ECR}/billing/billing:${v}`, command: ['celery', '-A', 'billing', 'worker', '--loglevel=INFO', '--concurrency=8'], ports: [], cpu: '1', memory: '1Gi', env: celeryEnv, readiness: null, liveness: execProbe(['sh', '-c', 'celery -A billing inspect ping -d celery@$HOSTNAME --timeout 10'], { periodSeconds: 60, timeoutSeconds: 15 }) })] });
  const worker = deploymentApp({
    namespace: ns, name: 'billing-worker', replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 12 * DAYS, changeCause: 'argocd: billing 4.9.2', template: workerTpl('4.9.2') },
      { revision: 31, createdAgo: 3 * HOURS + 2, changeCause: 'argocd: billing-worker 4.9.3 (prefetch multiplier 1)', template: workerTpl('4.9.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 3 * HOURS + 1 - k * 0.8 })),
  });
  const api = bystander(ns, 'billing-api', names, 6 * HOURS, { revisions: [61, 62], versions: ['4.9.1', '4.9.2'], olderAgo: 12 * DAYS });
  const [b0, b1] = [podOf(beat, 0), podOf(beat, 1)];
  const beatRs = rsOf(beat, 9);
  const ct = (m: number, proc = 'MainProcess', level = 'INFO') => `[${pyTime(m)}: ${level}/${proc}]`;
  const banner = (t: number) => [
    'celery beat v5.4.0 (opalescent) is starting.',
    '__    -    ... __   -        _',
    `LocalTime -> ${pyTime(t).slice(0, 19)}`,
    'Configuration ->',
    '    . broker -> redis://billing-redis.billing.svc.cluster.local:6379/0',
    '    . loader -> celery.loaders.app.AppLoader',
    '    . scheduler -> celery.beat.PersistentScheduler',
    '    . db -> /tmp/celerybeat-schedule',
    '    . logfile -> [stderr]@%INFO',
    '    . maxinterval -> 5.00 minutes (300s)',
    `${ct(t)} beat: Starting...`,
  ];
  // Crontab entries fire at the same minute on both beats; the 5-minute interval entry drifts with each beat's start.
  const sending = (m: number, entry: string, task: string) => `${ct(m)} Scheduler: Sending due task ${entry} (${task})`;
  const SETTLE = ['sync-psp-settlements', 'billing.tasks.settlements.sync_psp_settlements'] as const;
  const REMIND = ['send-payment-reminders', 'billing.tasks.reminders.send_payment_reminders'] as const;
  const INVOICE = ['issue-usage-invoices', 'billing.tasks.invoices.issue_usage_invoices'] as const;
  // NOW is 03:14:00; 02:45 is 29 min ago, 03:00 is 14 min ago.
  const oldBeat = lines(
    ...banner(12 * DAYS - 2.1),
    sending(43.7, ...SETTLE), sending(38.7, ...SETTLE), sending(33.7, ...SETTLE),
    sending(29, ...REMIND), sending(28.7, ...SETTLE), sending(23.7, ...SETTLE), sending(18.7, ...SETTLE),
    sending(14, ...INVOICE), sending(13.999, ...REMIND), sending(13.7, ...SETTLE), sending(8.7, ...SETTLE), sending(3.7, ...SETTLE),
  );
  const newBeat = lines(
    ...banner(37.8),
    sending(37.79, ...SETTLE), sending(32.79, ...SETTLE),
    sending(28.998, ...REMIND), sending(27.79, ...SETTLE), sending(22.79, ...SETTLE), sending(17.79, ...SETTLE),
    sending(13.998, ...INVOICE), sending(13.997, ...REMIND), sending(12.79, ...SETTLE), sending(7.79, ...SETTLE), sending(2.79, ...SETTLE),
  );
  const workerBanner = (p: Pod, t: number) => [
    ` -------------- celery@${nameOf(p)} v5.4.0 (opalescent)`,
    '--- ***** ----- ',
    `-- ******* ---- Linux-6.1.112-122.189.amzn2023.x86_64-x86_64-with-glibc2.36 ${pyTime(t).slice(0, 19)}`,
    '- *** --- * --- ',
    '- ** ---------- [config]',
    '- ** ---------- .> app:         billing:0x7f3c2a1b2d50',
    '- ** ---------- .> transport:   redis://billing-redis.billing.svc.cluster.local:6379/0',
    '- ** ---------- .> results:     redis://billing-redis.billing.svc.cluster.local:6379/1',
    '- *** --- * --- .> concurrency: 8 (prefork)',
    '-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)',
    '--- ***** ----- ',
    ' -------------- [queues]',
    '                .> celery           exchange=celery(direct) key=celery',
    '                ',
    '',
    '[tasks]',
    '  . billing.tasks.invoices.issue_usage_invoices',
    '  . billing.tasks.reminders.send_payment_reminders',
    '  . billing.tasks.settlements.sync_psp_settlements',
    '',
    `${ct(t - 0.03)} Connected to redis://billing-redis.billing.svc.cluster.local:6379/0`,
    `${ct(t - 0.04)} mingle: searching for neighbors`,
    `${ct(t - 0.05)} mingle: sync with 2 nodes`,
    `${ct(t - 0.05)} mingle: sync complete`,
    `${ct(t - 0.06)} celery@${nameOf(p)} ready.`,
  ];
  const run = (m: number, task: string, id: string, fork: number, result: string, body: string, secs: number) => [
    `${ct(m)} Task ${task}[${id}] received`,
    `${ct(m - secs / 60 + 0.002, `ForkPoolWorker-${fork}`)} ${task}[${id}]: ${body}`,
    `${ct(m - secs / 60, `ForkPoolWorker-${fork}`)} Task ${task}[${id}] succeeded in ${secs.toFixed(3)}s: ${result}`,
  ];
  const [w0, w1, w2] = [podOf(worker, 0), podOf(worker, 1), podOf(worker, 2)];
  /** The worker's banner, then its task lines in time order (two copies of a task overlap in the pool). */
  const workerLog = (banner: string[], ...tasks: string[]) => lines(...banner, ...[...tasks].sort((a, b) => a.slice(1, 24).localeCompare(b.slice(1, 24))));
  const w0log = workerLog(
    workerBanner(w0, 3 * HOURS + 0.9),
    `${ct(2 * HOURS + 11, 'MainProcess', 'WARNING')} Substantial drift from celery@${nameOf(w2)} may mean clocks are out of sync.  Current drift is 64 seconds.  [orig: ${pyTime(2 * HOURS + 12.07).replace(',', '.')} recv: ${pyTime(2 * HOURS + 11).replace(',', '.')}]`,
    ...run(28.99, REMIND[1], uuid(11), 2, "{'sent': 312, 'window': '2026-11-21T02:45'}", 'sent 312 payment reminders (window 2026-11-21T02:45, template overdue_7d)', 6.218),
    ...run(28.985, REMIND[1], uuid(12), 5, "{'sent': 312, 'window': '2026-11-21T02:45'}", 'sent 312 payment reminders (window 2026-11-21T02:45, template overdue_7d)', 6.402),
    ...run(13.99, INVOICE[1], uuid(21), 3, "{'issued': 1284, 'period': '2026-11-21T02'}", 'issued 1284 usage invoices for period 2026-11-21T02:00:00Z/2026-11-21T03:00:00Z (INV-2026-1184113..INV-2026-1185396)', 14.871),
    ...run(7.78, SETTLE[1], uuid(31), 1, "{'settlements': 6, 'amount_eur': '48211.90'}", 'synced 6 PSP settlements', 1.904),
    ...run(3.69, SETTLE[1], uuid(32), 4, "{'settlements': 0, 'amount_eur': '0.00'}", 'synced 0 PSP settlements', 0.811),
  );
  const w1log = workerLog(
    workerBanner(w1, 3 * HOURS + 0.1),
    ...run(13.985, INVOICE[1], uuid(22), 6, "{'issued': 1284, 'period': '2026-11-21T02'}", 'issued 1284 usage invoices for period 2026-11-21T02:00:00Z/2026-11-21T03:00:00Z (INV-2026-1185397..INV-2026-1186680)', 15.203),
    ...run(13.98, REMIND[1], uuid(23), 2, "{'sent': 298, 'window': '2026-11-21T03:00'}", 'sent 298 payment reminders (window 2026-11-21T03:00, template overdue_7d)', 5.911),
    ...run(12.78, SETTLE[1], uuid(33), 7, "{'settlements': 0, 'amount_eur': '0.00'}", 'synced 0 PSP settlements', 0.772),
    ...run(2.78, SETTLE[1], uuid(34), 3, "{'settlements': 2, 'amount_eur': '9120.45'}", 'synced 2 PSP settlements', 1.318),
  );
  const w2log = workerLog(
    workerBanner(w2, 3 * HOURS - 0.7),
    ...run(13.975, REMIND[1], uuid(24), 4, "{'sent': 298, 'window': '2026-11-21T03:00'}", 'sent 298 payment reminders (window 2026-11-21T03:00, template overdue_7d)', 6.087),
    ...run(8.69, SETTLE[1], uuid(35), 8, "{'settlements': 0, 'amount_eur': '0.00'}", 'synced 0 PSP settlements', 0.845),
  );
  return {
    id: 'heldout40-celery-beat-two-replicas-duplicate-tasks',
    class: 'config',
    truth: 'Someone ran `kubectl scale deployment/billing-beat --replicas=2` 38 minutes ago (the Deployment shows 2 replicas of the same revision 9, a kubectl scale entry and the "Scaled up replica set … from 1 to 2" event). Celery beat is a singleton scheduler with no leader election: both beat pods now send every periodic task, so at 02:45 and 03:00 send_payment_reminders ran twice and at 03:00 issue_usage_invoices issued the same 1284 invoices twice (INV-2026-1184113.. and INV-2026-1185397..) — duplicate invoices and reminder emails to customers; sync_psp_settlements now runs on two offset 5-minute schedules. Nothing crashes; the workers simply execute what they receive, and billing-worker\'s rollout 3 hours ago is innocent. Fix: scale billing-beat back to 1 (keep strategy Recreate, or use a locked scheduler), then void the duplicate invoices.',
    ask: { service: 'billing-worker', namespace: ns },
    objects: [
      ...nodes, ...beat.objects, ...worker.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      event({ on: { kind: 'Deployment', metadata: beatDep.metadata ?? {} }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${beatRs} from 1 to 2`, firstAgo: 38, lastAgo: 38, component: 'deployment-controller' }),
      event({ on: { kind: 'ReplicaSet', name: beatRs, namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(b1)}`, firstAgo: 38, lastAgo: 38, component: 'replicaset-controller' }),
      ...[
        event({ on: b1, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(b1)} to ${b1.spec?.nodeName ?? ''}`, firstAgo: 38, lastAgo: 38, component: 'default-scheduler' }),
        event({ on: b1, type: 'Normal', reason: 'Pulled', message: `Container image "${beatImage}" already present on machine`, firstAgo: 37.9, lastAgo: 37.9, fieldPath: 'spec.containers{beat}' }),
        event({ on: b1, type: 'Normal', reason: 'Created', message: 'Created container beat', firstAgo: 37.9, lastAgo: 37.9, fieldPath: 'spec.containers{beat}' }),
        event({ on: b1, type: 'Normal', reason: 'Started', message: 'Started container beat', firstAgo: 37.9, lastAgo: 37.9, fieldPath: 'spec.containers{beat}' }),
      ],
    ],
    logs: [
      logsFor(b0, 'beat', { current: oldBeat }),
      logsFor(b1, 'beat', { current: newBeat }),
      logsFor(w0, 'worker', { current: w0log }),
      logsFor(w1, 'worker', { current: w1log }),
      logsFor(w2, 'worker', { current: w2log }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(2)} INFO [django.server] "GET /api/v1/invoices?account=acct_8812 HTTP/1.1" 200 4120`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing-beat|celery beat|\bbeat\b/i, /(two|2|multiple|duplicate|second|extra|both)[^\n]{0,30}(beat|scheduler|replica|instance|pod)|scaled[^\n]{0,30}\b2\b|twice|duplicat/i],
      facts: [/billing-beat/, /from 1 to 2|replicas?[^\n]{0,15}\b2\b|2 replicas|two (beat|replica|pod|scheduler|instance)/i, /issue_usage_invoices|issue-usage-invoices|send_payment_reminders|send-payment-reminders/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /billing-worker[^\n]{0,60}(caused|broke|introduced)/i, /clock[^\n]{0,20}(skew|drift|out of sync)/i],
    },
  };
}

// ---- 6. Go: a newer toolchain rejects a certificate that has only a Common Name -----------------------

const INTERNAL_CA = `-----BEGIN CERTIFICATE-----
MIIDXDCCAkSgAwIBAgICEAAwDQYJKoZIhvcNAQELBQAwTzELMAkGA1UEBhMCREUx
GzAZBgNVBAoMEkFjbWUgUGF5bWVudHMgR21iSDEjMCEGA1UEAwwaQWNtZSBJbnRl
cm5hbCBSb290IENBIDIwMjEwHhcNMjEwNjExMDgwMDAwWhcNMzYwNjA5MDgwMDAw
WjBPMQswCQYDVQQGEwJERTEbMBkGA1UECgwSQWNtZSBQYXltZW50cyBHbWJIMSMw
IQYDVQQDDBpBY21lIEludGVybmFsIFJvb3QgQ0EgMjAyMTCCASIwDQYJKoZIhvcN
AQEBBQADggEPADCCAQoCggEBAN0vdId8bKyOPR0QcNwtOfqs9h3OpW3A8REjrir3
1Tq7fRaLtCaehkjmPt6UDEFjCl4MB8NZESK6te1YMOeI/B81Kv1bmRfoBHZILvln
/LlpcYp5TN+9gNxrPXZY11M6mSDI0xxLAv/bjYGN5km+JsnVc357mqbCdCH0BJm3
bJB1MDZYvy9jTj0AN1BpCcZy5fLL+748w/rpIjKnfFYcieVasMh8pCE+POiQzTSw
qPvp/hu/bD6AdTmypap4lbGi0f23dwHrw9nEj076fgMyHJAXExUVwWtEhnhREmJr
6EeLj4KaxuezxalzGu0Skopagn//2kZrfKWFBKVa7YFPNTMCAwEAAaNCMEAwDwYD
VR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0OBBYEFLvFDFDDbg7e
LtdAXsYenV+dIVuzMA0GCSqGSIb3DQEBCwUAA4IBAQBqf55xCI6AUUXSZL64wQOw
IvEWVdYRVJlq/DgkKC2NbEPEDl0qHy0zvsLWZqa7To/gtKCanTJRAf6wBY9wfUN5
n7T33G4YxLJzmSpb28kLKOAw8w3b3LujTaM06NcgANoTZ442YpGmUnZ16N6SkLe/
ebPnEfxxQfTAN5OjwBat5/zU/DVBN4mnUedca4AtvWAe1vU+WH783JyrQx7gpjcr
qb7dNMh57nSDooPsZWaNO4gAMei7sXhOoXjm4Z4bwRCVuveMwllNzTEz/Lkq4QVW
8wp3KdJEXlas9JPf+jeb3X5h8i6naMTpbk4oT0LBR7uaczBK5wckRoi331zq9ALw
-----END CERTIFICATE-----
`;

function goLegacyCommonName(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.66', ['40', '171', '203']);
  const image = (v: string) => `${ECR}/risk/risk-scorer:${v}`;
  const kycUrl = 'https://kyc-gateway.compliance.svc.cluster.local:8443';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'KYC_GATEWAY_URL', value: kycUrl },
        { name: 'KYC_CA_FILE', value: '/etc/acme/ca/ca.crt' },
        { name: 'KYC_TIMEOUT', value: '800ms' },
        // Set in 2021 when Go 1.15 started refusing the gateway's certificate; Go 1.17 removed it.
        { name: 'GODEBUG', value: 'x509ignoreCN=0' },
        { name: 'FAIL_MODE', value: 'manual_review' },
      ],
      volumeMounts: [{ name: 'internal-ca', mountPath: '/etc/acme/ca', readOnly: true }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'internal-ca', configMap: { name: 'internal-ca-bundle' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'risk-scorer', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 63 * DAYS, changeCause: 'argocd: risk-scorer 2.9.7', template: tpl('2.9.7') },
      { revision: 42, createdAgo: 52, changeCause: 'argocd: risk-scorer 3.0.0 (base image golang:1.23.4-bookworm, deps refresh)', template: tpl('3.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 51.6 - k * 0.8 })),
  });
  const kyc = deploymentApp({
    namespace: 'compliance', name: 'kyc-gateway', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 412 * DAYS, changeCause: 'kyc-gateway 4.2.1', template: { containers: [container({ image: 'registry.acme.internal/compliance/kyc-gateway:4.2.1', ports: [{ name: 'https', containerPort: 8443 }], cpu: '500m', memory: '1Gi', readiness: tcpProbe('https'), liveness: tcpProbe('https', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 19 * DAYS }, { revision: 7, node: names[2] ?? '', createdAgo: 19 * DAYS }],
  });
  const dep = deploymentOf(app);
  const rs41 = rsOf(app, 41);
  const rs42 = rsOf(app, 42);
  const cnErr = `Post \\"${kycUrl}/v1/screen\\": tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead`;
  const scorerLog = (k: number): string => {
    const t0 = 51.6 - k * 0.8 - 0.1;
    const out = [
      `{"time":"${at(t0)}","level":"INFO","msg":"starting risk-scorer","version":"3.0.0","commit":"b41e9d2","go":"go1.23.4"}`,
      `{"time":"${at(t0 - 0.01)}","level":"INFO","msg":"loaded CA bundle","path":"/etc/acme/ca/ca.crt","certs":1}`,
      `{"time":"${at(t0 - 0.02)}","level":"INFO","msg":"model loaded","model":"gbm-2026-10-30","features":212}`,
      `{"time":"${at(t0 - 0.03)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 10 - i * 0.7 - k * 0.04;
      const tx = `tx_${ulid(700 + k * 30 + i).slice(4, 18).toLowerCase()}`;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"kyc screening failed","tx_id":"${tx}","err":"${cnErr}"}`);
      out.push(`{"time":"${at(t - 0.001)}","level":"WARN","msg":"screening unavailable, routing to manual review","tx_id":"${tx}","score":${(0.04 + ((i * 7 + k) % 20) / 100).toFixed(2)},"fail_mode":"manual_review"}`);
      out.push(`{"time":"${at(t - 0.002)}","level":"INFO","msg":"request","method":"POST","path":"/v1/score","status":200,"dur_ms":${24 + (i % 6) * 3},"decision":"manual_review"}`);
      if (i === 6) out.push(`{"time":"${at(t - 0.003)}","level":"WARN","msg":"feature store slow","dur_ms":241,"keys":38}`);
    }
    return lines(...out);
  };
  const kycLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.9 - k * 0.1;
      out.push(`10.0.${12 + k}.${70 + i} - - [${at(t).slice(0, 19)}Z] "POST /v1/screen HTTP/1.1" 200 ${398 + (i % 5) * 7} ${12 + (i % 4)}ms "Java-http-client/17.0.9" onboarding-api`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout40-go-x509-legacy-common-name',
    class: 'rollout',
    truth: 'risk-scorer revision 42 (3.0.0, rolled out 52 minutes ago) is the first build in years with a current Go toolchain (go1.23.4; 2.9.7 was built with Go 1.16 and relied on GODEBUG=x509ignoreCN=0, which Go 1.17 removed and which is still in the env, now ignored). The internal kyc-gateway\'s TLS certificate (signed by the Acme internal CA) carries only a Common Name and no subjectAltName, and Go now refuses it: every screening call fails with "tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead", and risk-scorer fails closed, sending every transaction to manual review. The pods are healthy and kyc-gateway itself is up (Java clients such as onboarding-api, which still fall back to the CN, get 200s). The fix is to reissue kyc-gateway\'s certificate with a SAN for kyc-gateway.compliance.svc.cluster.local; rolling back to revision 41 only mitigates until then.',
    ask: { service: 'risk-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...kyc.objects,
      ...exposed({ namespace: ns, name: 'risk-scorer', selector: { app: 'risk-scorer' }, pods: app.pods }),
      ...exposed({ namespace: 'compliance', name: 'kyc-gateway', selector: { app: 'kyc-gateway' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: kyc.pods, endpointPort: 8443 }),
      configMap({ namespace: ns, name: 'internal-ca-bundle', createdAgo: 1_989 * DAYS, data: { 'ca.crt': INTERNAL_CA } }),
      scaledReplicaSet(dep, rs42, 1, 0, 52),
      scaledReplicaSet(dep, rs41, 2, 3, 51.2),
      scaledReplicaSet(dep, rs42, 2, 1, 51.2),
      scaledReplicaSet(dep, rs41, 1, 2, 50.4),
      scaledReplicaSet(dep, rs42, 3, 2, 50.4),
      scaledReplicaSet(dep, rs41, 0, 1, 49.7),
      ...app.pods.flatMap((p, k) => freshStart(p, 'app', image('3.0.0'), 51.6 - k * 0.8, 28_310_774)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: scorerLog(k) })),
      ...kyc.pods.map((p, k) => logsFor(p, 'app', { current: kycLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/common name|\bCN\b|\bSANs?\b|subject ?alt(ernative)? ?name/i, /kyc-gateway|certificate|x509|TLS/i],
      facts: [lit('x509: certificate relies on legacy Common Name field'), /kyc-gateway/, /go ?1\.(1[5-9]|2\d)|toolchain|x509ignoreCN/i],
      never: [/\bOOM/, /crash ?loop/i, /(certificate|cert)( has)? expired|expired (certificate|cert)/i, /unknown authority|untrusted (CA|certificate authority)/i, /kyc-gateway[^\n]{0,30}(down|unreachable|not running)/i],
    },
  };
}

// ---- 7. Healthy control: Fluent Bit with transient flush retries and buffer warnings ------------------

function healthyFluentBitNoisyRetries(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.12', ['58', '147', '219']);
  const image = 'cr.fluentbit.io/fluent/fluent-bit:3.1.9';
  const tpl = {
    serviceAccountName: 'fluent-bit',
    priorityClassName: 'system-node-critical',
    tolerations: [{ operator: 'Exists' }],
    containers: [container({
      name: 'fluent-bit', image, ports: [{ name: 'http', containerPort: 2020 }], cpu: '100m', memory: '128Mi', memoryLimit: '256Mi',
      readiness: httpProbe('/api/v1/health', 'http'), liveness: httpProbe('/', 'http'),
      volumeMounts: [
        { name: 'config', mountPath: '/fluent-bit/etc/conf' },
        { name: 'varlog', mountPath: '/var/log' },
        { name: 'varlibcontainers', mountPath: '/var/lib/containerd', readOnly: true },
        { name: 'flb-storage', mountPath: '/var/fluent-bit/state' },
      ],
    })],
    volumes: [
      { name: 'config', configMap: { name: 'fluent-bit' } },
      { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
      { name: 'varlibcontainers', hostPath: { path: '/var/lib/containerd', type: '' } },
      { name: 'flb-storage', hostPath: { path: '/var/fluent-bit/state', type: 'DirectoryOrCreate' } },
    ],
  };
  const ds = daemonSetApp({
    namespace: ns, name: 'fluent-bit',
    selector: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' },
    revisions: [{ revision: 11, createdAgo: 6 * DAYS + 20, template: tpl }],
    pods: names.map((n, i) => ({ revision: 11, node: n, createdAgo: 6 * DAYS + 18 - i * 0.5 })),
  });
  const fbConf = configMap({
    namespace: ns, name: 'fluent-bit', createdAgo: 6 * DAYS + 20,
    data: {
      'fluent-bit.conf': '[SERVICE]\n    Daemon Off\n    Flush 1\n    Log_Level info\n    Parsers_File /fluent-bit/etc/parsers.conf\n    HTTP_Server On\n    HTTP_Listen 0.0.0.0\n    HTTP_Port 2020\n    Health_Check On\n    storage.path /var/fluent-bit/state/flb-storage/\n    storage.sync normal\n    storage.backlog.mem_limit 16M\n\n[INPUT]\n    Name tail\n    Path /var/log/containers/*.log\n    multiline.parser docker, cri\n    Tag kube.*\n    Mem_Buf_Limit 10MB\n    Skip_Long_Lines On\n    storage.type filesystem\n\n[FILTER]\n    Name kubernetes\n    Match kube.*\n    Merge_Log On\n    Keep_Log Off\n\n[OUTPUT]\n    Name loki\n    Match kube.*\n    Host loki-gateway.logging.svc.cluster.local\n    Port 80\n    labels job=fluent-bit, namespace=$kubernetes[\'namespace_name\'], pod=$kubernetes[\'pod_name\']\n    Retry_Limit 10\n',
    },
  });
  const chunk = (m: number, k: number) => `1-${Math.floor(epochMsJ(m) / 1000)}.${String(104_833_871 + k * 7_919_113).padStart(9, '0')}.flb`;
  const fbLog = (p: Pod, i: number): string => {
    const start = 6 * DAYS + 18 - i * 0.5 - 0.05;
    const out = [
      'Fluent Bit v3.1.9',
      '* Copyright (C) 2015-2024 The Fluent Bit Authors',
      '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd',
      '* https://fluentbit.io',
      '',
      `[${fbTime(start)}] [ info] [fluent bit] version=3.1.9, commit=431fa79ae2, pid=1`,
      `[${fbTime(start)}] [ info] [storage] ver=1.5.2, type=memory+filesystem, sync=normal, checksum=off, max_chunks_up=128`,
      `[${fbTime(start)}] [ info] [storage] backlog input plugin: storage_backlog.1`,
      `[${fbTime(start)}] [ info] [cmetrics] version=0.9.6`,
      `[${fbTime(start)}] [ info] [ctraces ] version=0.5.6`,
      `[${fbTime(start)}] [ info] [input:tail:tail.0] initializing`,
      `[${fbTime(start)}] [ info] [input:tail:tail.0] storage_strategy='filesystem' (memory + filesystem)`,
      `[${fbTime(start)}] [ info] [input:tail:tail.0] multiline core started`,
      `[${fbTime(start)}] [ info] [filter:kubernetes:kubernetes.0] https=1 host=kubernetes.default.svc port=443`,
      `[${fbTime(start)}] [ info] [filter:kubernetes:kubernetes.0]  token updated`,
      `[${fbTime(start)}] [ info] [filter:kubernetes:kubernetes.0] local POD info OK`,
      `[${fbTime(start)}] [ info] [filter:kubernetes:kubernetes.0] testing connectivity with API server...`,
      `[${fbTime(start)}] [ info] [filter:kubernetes:kubernetes.0] connectivity OK`,
      `[${fbTime(start)}] [ info] [output:loki:loki.0] configured, hostname=loki-gateway.logging.svc.cluster.local:80`,
      `[${fbTime(start)}] [ info] [http_server] listen iface=0.0.0.0 tcp_port=2020`,
      `[${fbTime(start)}] [ info] [sp] stream processor started`,
      `[${fbTime(47.63 - i * 1.07)}] [ warn] [http_client] cannot increase buffer: current=512000 requested=544768 max=512000`,
      `[${fbTime(40.71 - i * 0.93)}] [ info] [input:tail:tail.0] inode=${4_194_310 + i * 977} handle rotation(): /var/log/containers/${nameOf(p)}_${ns}_fluent-bit-${hex(i, 64)}.log => /var/log/pods/${ns}_${nameOf(p)}_${hex(i + 5).slice(0, 8)}/fluent-bit/0.log.20261121-023300`,
      `[${fbTime(40.71 - i * 0.93)}] [ info] [input:tail:tail.0] inotify_fs_add(): inode=${4_194_322 + i * 977} watch_fd=${88 + i} name=/var/log/containers/${nameOf(p)}_${ns}_fluent-bit-${hex(i, 64)}.log`,
      `[${fbTime(33.08 - i * 1.13)}] [ warn] [net] getaddrinfo(host='loki-gateway.logging.svc.cluster.local', err=12): Timeout while contacting DNS servers`,
      `[${fbTime(33.07 - i * 1.13)}] [ warn] [engine] failed to flush chunk '${chunk(33.19 - i * 1.13, i)}', retry in 7 seconds: task_id=3, input=tail.0 > output=loki.0 (out_id=0)`,
      `[${fbTime(32.95 - i * 1.13)}] [ info] [engine] flush chunk '${chunk(33.19 - i * 1.13, i)}' succeeded at retry 1: task_id=3, input=tail.0 > output=loki.0 (out_id=0)`,
      `[${fbTime(19.36 - i * 0.71)}] [error] [upstream] connection #${61 + i} to tcp://172.20.14.33:80 timed out after 10 seconds (connection timeout)`,
      `[${fbTime(19.35 - i * 0.71)}] [ warn] [engine] failed to flush chunk '${chunk(19.52 - i * 0.71, i + 1)}', retry in 10 seconds: task_id=1, input=tail.0 > output=loki.0 (out_id=0)`,
      `[${fbTime(19.16 - i * 0.71)}] [ info] [engine] flush chunk '${chunk(19.52 - i * 0.71, i + 1)}' succeeded at retry 1: task_id=1, input=tail.0 > output=loki.0 (out_id=0)`,
      `[${fbTime(8.77 - i * 1.21)}] [ warn] [http_client] cannot increase buffer: current=512000 requested=544768 max=512000`,
      `[${fbTime(2.47 - i * 0.02)}] [ info] [input:tail:tail.0] inotify_fs_add(): inode=${4_200_117 + i * 31} watch_fd=${93 + i} name=/var/log/containers/billing-reconcile-29171454-${hex(i + 9).slice(0, 5)}_billing_job-${hex(i + 3, 64)}.log`,
    ];
    return lines(...out);
  };
  return {
    id: 'heldout40-healthy-fluent-bit-transient-flush-retries',
    class: 'healthy',
    truth: 'The fluent-bit DaemonSet (revision 11, six days old) runs one ready pod on each of the three nodes with no restarts. Its logs look alarming — "failed to flush chunk … retry in N seconds", an [error] upstream connection timeout to the Loki gateway, a getaddrinfo DNS timeout and repeated "[http_client] cannot increase buffer" warnings — but every failed chunk is followed by "flush chunk … succeeded at retry 1" seconds later, the buffer warning is the Loki output\'s known harmless message about a response larger than its read buffer, and the filesystem storage keeps chunks across retries. Logs are being shipped; there is nothing to fix.',
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, fbConf,
      ...exposed({ namespace: ns, name: 'fluent-bit', selector: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' }, ports: [{ name: 'http', port: 2020, targetPort: 'http' }], pods: ds.pods, endpointPort: 2020 }),
    ],
    logs: ds.pods.map((p, i) => logsFor(p, 'fluent-bit', { current: fbLog(p, i) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?|action)|nothing (wrong|to fix)|all \d+ (pods )?(are )?(ready|running)|running normally|is fine|\bok\b/i],
      facts: [/fluent-bit/],
      never: [/\bOOM/, /crash ?loop/i, /(failing|fails|cannot|can't|unable to|not)[^\n]{0,20}(flush|ship|deliver|forward)/i, /loki[^\n]{0,40}(down|unreachable|unavailable|rejecting)/i, /\bDNS\b[^\n]{0,30}(fail|broken|outage|down)/i, /buffer[^\n]{0,30}(full|exhausted|overflow)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  dynamoHotPartitionKey(),
  javaNoSuchMethodGuava(),
  elixirCookieMismatch(),
  redisNoReplicas(),
  celeryBeatTwoReplicas(),
  goLegacyCommonName(),
  healthyFluentBitNoisyRetries(),
];
