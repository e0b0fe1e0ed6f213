// Held-out stories, sixty-third round, part two:
//  1. a Kafka producer (ledger-writer) whose revision switched compression.type to zstd, while the
//     consumer (ledger-projector, kafka-clients 1.1.1) cannot fetch zstd batches (broker error 76)
//     and sits at the same offsets as its lag grows;
//  2. a NATS publisher (ticket-intake) whose revision inlines attachments into messages, so the
//     large ones exceed the server's default max_payload (1 MB) — small tickets still pass;
//  3. a PHP-FPM storefront whose revision (a Symfony migration) outgrew opcache.memory_consumption=64
//     from a ConfigMap: OPcache out of shared memory, recompiles on every request, CPU saturated;
//  4. a headless Service with 1400 ready pods whose Endpoints object is truncated at 1000
//     (over-capacity annotation), and a router that builds its hash ring from the Endpoints API;
//  5. an SFTP partner that rotated its host key: every transfer fails BadHostKeyException against
//     the known_hosts from a ConfigMap, nothing changed in the cluster;
//  6. a LimitRange created 95 minutes ago that defaults ephemeral-storage to 1Gi, so a renderer that
//     spools large temp files is evicted (a harmless rollout after it recreated the pods);
//  7. healthy control: a hostNetwork DaemonSet exporter whose pods get DNSConfigForming warnings
//     (the nodes' resolv.conf lists four nameservers) and a harmless nf_conntrack_acct start-up warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, configMap, container, daemonSetApp, deploymentApp, event, exposed, hpa,
  httpProbe, kubeletEviction, limitRange, nameOf, nameSuffix, networkPolicy, node, probeFailed, pyTime, resourceQuota,
  rsOf, running, scaledReplicaSet, service, startedNormally, statefulSetApp, tcpProbe, terminated, uidOf,
  replicaSetOf, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 2's console time: `2026-11-21 03:12:41.563`. */
const sbTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** nginx / php-fpm error-log time: `21-Nov-2026 03:12:41`. */
const fpmTime = (minutes: number): string => clfTime(minutes).slice(0, 20).replace(/\//g, '-').replace(/:(\d\d:\d\d:\d\d)$/, ' $1');
/** ctime(), as OPcache's error log prints it: `Sat Nov 21 03:12:41 2026`. */
function ctime(minutes: number): string {
  const d = ago(minutes);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
/** Go's logfmt / klog-free time with seconds: `2026-11-21T03:12:41.563Z`. */
const goTime = at;

// ---- 1. producer switched to zstd; an old-client consumer cannot fetch it -------------------------

function kafkaZstdOldConsumer(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '139', '212']);
  const writerImage = (v: string) => `${ECR}/ledger/ledger-writer:${v}`;
  const writerTpl = (v: string, codec: string) => ({
    containers: [container({
      image: writerImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-brokers.streaming.svc:9092,kafka-1.kafka-brokers.streaming.svc:9092,kafka-2.kafka-brokers.streaming.svc:9092' },
        { name: 'SPRING_KAFKA_PRODUCER_COMPRESSION_TYPE', value: codec },
        { name: 'SPRING_KAFKA_PRODUCER_ACKS', value: 'all' },
        { name: 'LEDGER_TOPIC', value: 'ledger.entries' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const writer = deploymentApp({
    namespace: ns,
    name: 'ledger-writer',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: ledger-writer 5.7.3', template: writerTpl('5.7.3', 'lz4') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: ledger-writer 5.8.0', template: writerTpl('5.8.0', 'zstd') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 46.8 - k * 0.7 })),
    settled: { available: true, availableSince: 44.5, progressingSince: 47, progressingUpdatedAgo: 44.5 },
  });
  const projectorImage = `${ECR}/ledger/ledger-projector:2.14.6`;
  const projector = deploymentApp({
    namespace: ns,
    name: 'ledger-projector',
    replicas: 2,
    revisions: [{
      revision: 22, createdAgo: 34 * DAYS, changeCause: 'argocd: ledger-projector 2.14.6',
      template: {
        containers: [container({
          image: projectorImage, ports: [{ name: 'management', containerPort: 8081 }], cpu: '250m', memory: '768Mi',
          env: [
            { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-brokers.streaming.svc:9092,kafka-1.kafka-brokers.streaming.svc:9092,kafka-2.kafka-brokers.streaming.svc:9092' },
            { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'ledger-projector' },
            { name: 'SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET', value: 'earliest' },
            { name: 'PROJECTION_DB_URL', value: 'jdbc:postgresql://ledger-read.cluster-ro-c9q1xk2m.eu-west-1.rds.amazonaws.com:5432/ledger_read' },
          ],
          readiness: httpProbe('/actuator/health', 8081, { timeoutSeconds: 3 }),
          liveness: httpProbe('/actuator/info', 8081, { initialDelaySeconds: 60 }),
        })],
      },
    }],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 6 * DAYS + 140, containers: { app: running({ sinceAgo: 5 * DAYS + 300, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS + 300, ranSeconds: 86_000 } }) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 6 * DAYS + 139 },
    ],
  });
  const api = bystander(ns, 'ledger-api', names, 3 * DAYS + 200, { revisions: [112, 113], versions: ['8.2.0', '8.2.1'], olderAgo: 15 * DAYS });
  const parts: [number[], number[]] = [[0, 1, 2], [3, 4, 5]];
  const stuckAt: Record<number, number> = { 0: 18_233_412, 1: 18_229_977, 2: 18_241_036, 3: 18_236_580, 4: 18_230_114, 5: 18_238_902 };
  const projectorLog = (k: number): string => {
    const mine = parts[k] ?? [];
    const cid = `consumer-${k + 1}`;
    const pfx = `[Consumer clientId=${cid}, groupId=ledger-projector]`;
    const start = 6 * DAYS + 138.5;
    const out: string[] = [
      `${sbTime(start)}  INFO 1 --- [           main] c.a.ledger.projector.ProjectorApplication : Starting ProjectorApplication v2.14.6 on ${nameOf(podOf(projector, k))} with PID 1 (/app/app.jar started by app in /app)`,
      `${sbTime(start - 0.2)}  INFO 1 --- [           main] o.a.k.clients.consumer.ConsumerConfig    : ConsumerConfig values: \n\tauto.commit.interval.ms = 5000\n\tauto.offset.reset = earliest\n\tbootstrap.servers = [kafka-0.kafka-brokers.streaming.svc:9092, kafka-1.kafka-brokers.streaming.svc:9092, kafka-2.kafka-brokers.streaming.svc:9092]\n\tclient.id = \n\tenable.auto.commit = false\n\tfetch.max.bytes = 52428800\n\tgroup.id = ledger-projector\n\tmax.poll.records = 500\n\tsession.timeout.ms = 10000\n`,
      `${sbTime(start - 0.2)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version : 1.1.1`,
      `${sbTime(start - 0.2)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka commitId : 8e07427ffb493498`,
      `${sbTime(start - 0.3)}  INFO 1 --- [           main] c.a.ledger.projector.ProjectorApplication : Started ProjectorApplication in 14.882 seconds (JVM running for 16.107)`,
      `${sbTime(start - 0.4)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : partitions assigned: [${mine.map((p) => `ledger.entries-${p}`).join(', ')}]`,
      `${sbTime(20 * HOURS)}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${pfx} Synchronous auto-commit of offsets {ledger.entries-${mine[0]}=OffsetAndMetadata{offset=17912004, metadata=''}} failed: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.`,
      `${sbTime(20 * HOURS - 0.1)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : partitions assigned: [${mine.map((p) => `ledger.entries-${p}`).join(', ')}]`,
    ];
    for (let t = 58; t > 47; t -= 1.5) out.push(`${sbTime(t)}  INFO 1 --- [ntainer#0-0-C-1] c.a.l.projector.EntryProjector           : projected batch of ${420 + Math.round(t * 3) % 80} entries from [${mine.map((p) => `ledger.entries-${p}`).join(', ')}] in ${88 + Math.round(t) % 40} ms`);
    for (let t = 46.4; t > 0.3; t -= 2.5) {
      for (const p of mine) {
        out.push(`${sbTime(t)}  WARN 1 --- [ntainer#0-0-C-1] o.apache.kafka.common.protocol.Errors    : Unexpected error code: 76.`);
        out.push(`${sbTime(t)}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.consumer.internals.Fetcher       : ${pfx} Unknown error fetching data for topic-partition ledger.entries-${p}`);
      }
      if (Math.round(t * 10) % 50 < 25) {
        const elapsed = Math.round((46.6 - t) * 60);
        out.push(`${sbTime(t - 0.05)}  INFO 1 --- [   lag-reporter] c.a.l.projector.LagReporter              : position ${mine.map((p) => `ledger.entries-${p}=${stuckAt[p]}`).join(' ')} lag ${mine.map((p) => `ledger.entries-${p}=${Math.round(elapsed * 7.3 + p * 11)}`).join(' ')}`);
      }
      if (t < 41.5 && Math.round(t * 10) % 100 < 25) out.push(`${sbTime(t - 0.06)}  WARN 1 --- [   lag-reporter] c.a.l.projector.ProjectionWatchdog       : no records received for ${Math.round((46.6 - t) * 60)}s on [${mine.map((p) => `ledger.entries-${p}`).join(', ')}]`);
    }
    out.push(`${sbTime(0.2)}  INFO 1 --- [nio-8081-exec-3] o.s.web.servlet.DispatcherServlet        : Completed initialization in 2 ms`);
    return lines(...out);
  };
  const writerLog = (k: number): string => lines(
    `${sbTime(46.5 - k * 0.7)}  INFO 1 --- [           main] c.a.ledger.writer.WriterApplication      : Starting WriterApplication v5.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${sbTime(46.3 - k * 0.7)}  INFO 1 --- [           main] o.a.k.clients.producer.ProducerConfig    : ProducerConfig values: \n\tacks = -1\n\tbatch.size = 65536\n\tbootstrap.servers = [kafka-0.kafka-brokers.streaming.svc:9092, kafka-1.kafka-brokers.streaming.svc:9092, kafka-2.kafka-brokers.streaming.svc:9092]\n\tclient.id = ledger-writer-producer-1\n\tcompression.type = zstd\n\tenable.idempotence = true\n\tlinger.ms = 20\n\tmax.in.flight.requests.per.connection = 5\n`,
    `${sbTime(46.3 - k * 0.7)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.7.1`,
    `${sbTime(46.2 - k * 0.7)}  INFO 1 --- [           main] c.a.ledger.writer.WriterApplication      : Started WriterApplication in 11.204 seconds (process running for 12.02)`,
    `${sbTime(45.9 - k * 0.7)}  INFO 1 --- [-producer-1] org.apache.kafka.clients.Metadata        : [Producer clientId=ledger-writer-producer-1] Cluster ID: 9xR2qkVnT0ahXl3pW1c6Ug`,
    `${sbTime(2.1)}  INFO 1 --- [nio-8080-exec-7] c.a.ledger.writer.EntryController        : appended 1 entries (tx=tx-${88120 + k}) to ledger.entries`,
    `${sbTime(0.4)}  INFO 1 --- [nio-8080-exec-2] c.a.ledger.writer.EntryController        : appended 3 entries (tx=tx-${88345 + k}) to ledger.entries`,
  );
  const p0 = podOf(projector, 0);
  return {
    id: 'heldout63-kafka-zstd-old-consumer-client',
    class: 'config',
    truth: 'ledger-writer revision 58 (5.8.0, 47 minutes ago) switched its producer to compression.type=zstd. ledger-projector is built on kafka-clients 1.1.1, which predates zstd (KIP-110, Kafka 2.1): the brokers answer its old fetch requests with error 76 UNSUPPORTED_COMPRESSION_TYPE, so it stays at the first zstd offset of every partition while its lag grows; the projector pods are healthy and its own deployment did not change. Fix: move ledger-writer back to lz4 (or roll it back) until the projector is upgraded to a client ≥ 2.1.',
    ask: { service: 'ledger-projector', namespace: ns },
    objects: [
      ...nodes, ...writer.objects, ...projector.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-writer', selector: { app: 'ledger-writer' }, pods: writer.pods }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'ledger-projector-management', selector: { app: 'ledger-projector' }, ports: [{ name: 'management', port: 8081, targetPort: 'management' }], pods: projector.pods, endpointPort: 8081 }),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 58), 1, 0, 47),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 57), 2, 3, 46.3),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 58), 3, 1, 45.2),
      scaledReplicaSet(deploymentOf(writer), rsOf(writer, 57), 0, 1, 44.5),
      ...writer.pods.flatMap((p, k) => startedNormally(p, 'app', writerImage('5.8.0'), 46.8 - k * 0.7)),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${p0.status?.podIP ?? ''}:8081/actuator/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 20 * HOURS + 2, lastAgo: 20 * HOURS }),
    ],
    logs: [
      ...projector.pods.map((p, k) => logsFor(p, 'app', { current: projectorLog(k), ...(k === 0 ? { previous: lines(`${sbTime(5 * DAYS + 302)}  WARN 1 --- [ntainer#0-0-C-1] c.a.l.projector.EntryProjector           : batch of 500 entries took 8412 ms (replay of ledger.entries-1 from offset 16000211)`, `${sbTime(5 * DAYS + 301)}  INFO 1 --- [ntainer#0-0-C-1] c.a.l.projector.EntryProjector           : projected batch of 500 entries from [ledger.entries-0, ledger.entries-1, ledger.entries-2] in 7950 ms`) } : {}) })),
      ...writer.pods.map((p, k) => logsFor(p, 'app', { current: writerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/zstd|compression|error code:? ?76|UNSUPPORTED_COMPRESSION/i],
      facts: [/ledger-writer/, /1\.1\.1|kafka-clients|client (library|version)|old(er)? client/i],
      never: [/\bOOM/, /crash ?loop/i, /network ?polic/i, /ledger-projector[^\n]*revision 22[^\n]*(caused|broke|introduced)/i],
    },
  };
}

// ---- 2. attachments inlined into NATS messages exceed max_payload ---------------------------------

function natsMaxPayloadInlineAttachments(): CorpusScenario {
  const ns = 'support';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '140', '219']);
  const image = (v: string) => `${ECR}/support/ticket-intake:${v}`;
  const tpl = (v: string, inline: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'NATS_URL', value: 'nats://nats.support.svc.cluster.local:4222' },
        { name: 'TICKET_SUBJECT', value: 'support.tickets.created' },
        ...(inline
          ? [{ name: 'ATTACHMENT_MODE', value: 'inline' }, { name: 'ATTACHMENT_MAX_BYTES', value: '15728640' }]
          : [{ name: 'ATTACHMENT_MODE', value: 's3-ref' }, { name: 'ATTACHMENT_BUCKET', value: 'acme-support-attachments-prod' }]),
        { name: 'GOMEMLIMIT', value: '230MiB' },
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: 'ticket-intake',
  });
  const intake = deploymentApp({
    namespace: ns,
    name: 'ticket-intake',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: ticket-intake 2.8.4', template: tpl('2.8.4', false) },
      { revision: 41, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: ticket-intake 2.9.0', template: tpl('2.9.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const natsConf = [
    'server_name: $SERVER_NAME',
    'listen: 0.0.0.0:4222',
    'http: 0.0.0.0:8222',
    'lame_duck_duration: 30s',
    'lame_duck_grace_period: 10s',
    'pid_file: /var/run/nats/nats.pid',
    '',
    'jetstream {',
    '  max_file_store: 10Gi',
    '  store_dir: /data',
    '}',
    '',
    'cluster {',
    '  name: support',
    '  listen: 0.0.0.0:6222',
    '  no_advertise: true',
    '  routes: [',
    '    nats://nats-0.nats-headless:6222',
    '    nats://nats-1.nats-headless:6222',
    '    nats://nats-2.nats-headless:6222',
    '  ]',
    '}',
    '',
  ].join('\n');
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const nats = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 3,
    serviceName: 'nats-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 4, createdAgo: 62 * DAYS,
      template: {
        containers: [container({
          name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'],
          ports: [{ name: 'nats', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }],
          cpu: '500m', memory: '1Gi',
          env: [{ name: 'SERVER_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          readiness: httpProbe('/healthz?js-enabled-only=true', 'monitor'),
          liveness: httpProbe('/healthz?js-enabled-only=true', 'monitor', { initialDelaySeconds: 10, periodSeconds: 30, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }, { name: 'data', mountPath: '/data' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'nats-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 19 * DAYS - i * 2 })),
  });
  const router = bystander(ns, 'ticket-router', names, 26 * HOURS, { revisions: [17, 18], versions: ['1.12.0', '1.12.1'], olderAgo: 20 * DAYS });
  const ids = (k: number, i: number) => `TCK-${4_410_000 + k * 977 + i * 13}`;
  const intakeLog = (k: number): string => {
    const start = 2 * HOURS + 8.8 - k;
    const out: string[] = [
      `{"time":"${goTime(start)}","level":"INFO","msg":"ticket-intake starting","version":"2.9.0","attachment_mode":"inline","attachment_max_bytes":15728640}`,
      `{"time":"${goTime(start - 0.01)}","level":"INFO","msg":"connected to nats","url":"nats://nats.support.svc.cluster.local:4222","server_id":"NB5QW7RZ3XJ2KQYV4WJ6X3Z7C2V5M4N6P7Q2R3S4T5U6V7W2X3Y4Z5A","server_version":"2.10.22","max_payload":1048576}`,
      `{"time":"${goTime(start - 0.02)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 22; i++) {
      const t = 118 - i * 5.3 - k * 0.4;
      const big = (i + k) % 3 === 0;
      const att = big ? 1 + ((i + k) % 4) : (i % 2);
      const bytes = big ? 1_310_000 + ((i * 7919 + k * 104_729) % 3_900_000) : 14_200 + ((i * 3301 + k * 71) % 420_000);
      if (big) {
        out.push(`{"time":"${goTime(t)}","level":"ERROR","msg":"publish ticket event","subject":"support.tickets.created","ticket_id":"${ids(k, i)}","attachments":${att},"payload_bytes":${bytes},"err":"nats: maximum payload exceeded"}`);
        out.push(`{"time":"${goTime(t - 0.001)}","level":"INFO","msg":"request","method":"POST","path":"/v1/tickets","status":502,"duration_ms":${180 + (i * 37) % 400},"bytes_in":${Math.round(bytes * 0.75)}}`);
      } else {
        out.push(`{"time":"${goTime(t)}","level":"INFO","msg":"ticket published","subject":"support.tickets.created","ticket_id":"${ids(k, i)}","attachments":${att},"payload_bytes":${bytes}}`);
        out.push(`{"time":"${goTime(t - 0.001)}","level":"INFO","msg":"request","method":"POST","path":"/v1/tickets","status":201,"duration_ms":${22 + (i * 13) % 70},"bytes_in":${Math.round(bytes * 0.75)}}`);
      }
      if (i % 6 === 4) out.push(`{"time":"${goTime(t - 0.2)}","level":"WARN","msg":"attachment content-type sniffed","ticket_id":"${ids(k, i + 1)}","declared":"application/octet-stream","detected":"image/png"}`);
    }
    return lines(...out);
  };
  const natsLog = (i: number): string => lines(
    `[1] 2026/11/02 ${['07:12:09', '07:14:11', '07:16:02'][i]}.441913 [INF] Starting nats-server`,
    `[1] 2026/11/02 ${['07:12:09', '07:14:11', '07:16:02'][i]}.441987 [INF]   Version:  2.10.22`,
    `[1] 2026/11/02 ${['07:12:09', '07:14:11', '07:16:02'][i]}.442113 [INF] Listening for client connections on 0.0.0.0:4222`,
    `[1] 2026/11/02 ${['07:12:09', '07:14:11', '07:16:02'][i]}.442390 [INF] Server is ready`,
    `[1] ${at(2 * HOURS + 8).slice(0, 10).replace(/-/g, '/')} ${at(2 * HOURS + 8).slice(11, 23)}000 [INF] 10.0.52.${61 + i}:41822 - cid:${9120 + i} - Client connection closed: Client Closed`,
    `[1] ${at(3 * HOURS).slice(0, 10).replace(/-/g, '/')} ${at(3 * HOURS).slice(11, 23)}000 [WRN] 10.0.52.${88 + i}:53312 - cid:${8812 + i} - "v1.37.0:go:ticket-router" - Readloop processing time: 2.41${i}s`,
  );
  return {
    id: 'heldout63-nats-max-payload-inline-attachments',
    class: 'config',
    truth: 'ticket-intake revision 41 (2.9.0, two hours ago) switched ATTACHMENT_MODE from s3-ref to inline, putting attachments into the NATS message body. The NATS servers run with the default max_payload of 1 MB (nats.conf sets none), so every ticket whose message exceeds 1048576 bytes fails to publish with "nats: maximum payload exceeded" and the API answers 502, while small tickets still go through. Fix: roll back to s3-ref (or raise max_payload / keep attachments out of the message).',
    ask: { service: 'ticket-intake', namespace: ns },
    objects: [
      ...nodes, ...intake.objects, ...nats.objects, ...router.objects,
      configMap({ namespace: ns, name: 'nats-config', createdAgo: 62 * DAYS, data: { 'nats.conf': natsConf } }),
      ...exposed({ namespace: ns, name: 'ticket-intake', selector: { app: 'ticket-intake' }, pods: intake.pods }),
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, ports: [{ name: 'nats', port: 4222, targetPort: 'nats' }], pods: nats.pods, endpointPort: 4222 }),
      service({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, headless: true, ports: [{ name: 'nats', port: 4222, targetPort: 'nats' }, { name: 'cluster', port: 6222, targetPort: 'cluster' }] }),
      scaledReplicaSet(deploymentOf(intake), rsOf(intake, 41), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(intake), rsOf(intake, 40), 0, 3, 2 * HOURS + 6),
      ...intake.pods.flatMap((p, k) => startedNormally(p, 'app', image('2.9.0'), 2 * HOURS + 9 - k)),
    ],
    logs: [
      ...intake.pods.map((p, k) => logsFor(p, 'app', { current: intakeLog(k) })),
      ...nats.pods.map((p, i) => logsFor(p, 'nats', { current: natsLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_payload|maximum payload|payload (limit|size|too large)/i],
      facts: [/inline|attachment/i, /1 ?MB|1048576|1 ?MiB/i],
      never: [/\bOOM/, /crash ?loop/i, /nats[^\n]*(down|unavailable|unreachable|not ready)/i, /slow consumer|Readloop/i],
    },
  };
}

// ---- 3. PHP-FPM storefront outgrows OPcache shared memory -----------------------------------------

function phpOpcacheMemoryExhausted(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.118', ['14', '97', '186']);
  const image = (v: string) => `${ECR}/shop/storefront:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (v: string) => ({
    containers: [
      container({
        name: 'php-fpm', image: image(v), ports: [{ name: 'fastcgi', containerPort: 9000 }], cpu: '500m', cpuLimit: '1', memory: '512Mi',
        env: [{ name: 'APP_ENV', value: 'prod' }, { name: 'DATABASE_URL', value: 'mysql://storefront@shop-db.cluster-c2kq81m.eu-west-1.rds.amazonaws.com:3306/shop' }],
        readiness: tcpProbe('fastcgi'), liveness: tcpProbe('fastcgi', { initialDelaySeconds: 10 }),
        volumeMounts: [{ name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-opcache.ini', subPath: 'zz-opcache.ini' }, { name: 'fpm-pool', mountPath: '/usr/local/etc/php-fpm.d/zz-pool.conf', subPath: 'zz-pool.conf' }],
      }),
      container({
        name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '64Mi',
        readiness: httpProbe('/fpm-ping', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/nginx-health', 8080),
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }],
      }),
    ],
    volumes: [
      { name: 'php-ini', configMap: { name: 'storefront-php-ini' } },
      { name: 'fpm-pool', configMap: { name: 'storefront-php-ini' } },
      { name: 'nginx-conf', configMap: { name: 'storefront-nginx' } },
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 8,
    revisions: [
      { revision: 87, createdAgo: 12 * DAYS, changeCause: 'argocd: storefront 2026.11.09-2', template: tpl('2026.11.09-2') },
      { revision: 88, createdAgo: 3 * HOURS + 4, changeCause: 'argocd: storefront 2026.11.20-1', template: tpl('2026.11.20-1') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 3 * HOURS + 3 - k * 0.8 })),
      ...[4, 5, 6, 7].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 20 - (k - 4) * 24 })),
    ],
    settled: { available: true, availableSince: 2 * HOURS + 58, progressingSince: 3 * HOURS + 4, progressingUpdatedAgo: 2 * HOURS + 58 },
  });
  const ini = [
    '; managed by helm (storefront chart) — values.php.opcache',
    'opcache.enable=1',
    'opcache.enable_cli=0',
    'opcache.memory_consumption=64',
    'opcache.interned_strings_buffer=8',
    'opcache.max_accelerated_files=20000',
    'opcache.validate_timestamps=0',
    'opcache.max_wasted_percentage=10',
    'opcache.error_log=/proc/self/fd/2',
    'opcache.log_verbosity_level=2',
    'realpath_cache_size=4096K',
    'realpath_cache_ttl=600',
    '',
  ].join('\n');
  const pool = ['[www]', 'pm = static', 'pm.max_children = 24', 'pm.max_requests = 2000', 'request_slowlog_timeout = 5s', 'slowlog = /proc/self/fd/2', 'catch_workers_output = yes', 'decorate_workers_output = no', 'ping.path = /fpm-ping', ''].join('\n');
  const scripts = ['vendor/symfony/http-kernel/HttpKernel.php', 'var/cache/prod/ContainerXq2bKf1/App_KernelProdContainer.php', 'vendor/doctrine/orm/src/UnitOfWork.php', 'src/Checkout/Controller/CartController.php', 'vendor/twig/twig/src/Environment.php', 'var/cache/prod/twig/8c/8c2f1e0d4a7b.php', 'vendor/symfony/serializer/Normalizer/AbstractObjectNormalizer.php'];
  const fpmLog = (k: number, createdAgo: number): string => {
    const start = createdAgo - 0.2;
    const out: string[] = [
      `[${fpmTime(start)}] NOTICE: fpm is running, pid 1`,
      `[${fpmTime(start)}] NOTICE: ready to handle connections`,
    ];
    let t = start - 2.5;
    let i = 0;
    while (t > 0.2) {
      const bytes = 2_048 + ((i * 7919 + k * 331) % 61_000);
      out.push(`${ctime(t)} (${18 + ((i + k) % 24)}): Warning Not enough free shared space to allocate ${bytes} bytes (${120 + ((i * 37 + k) % 1900)} bytes free)`);
      if (i % 4 === 1) out.push(`[${fpmTime(t - 0.03)}] WARNING: [pool www] child ${40 + ((i * 7 + k) % 400)}, script '/app/public/index.php' (request: "GET /index.php") executing too slow (${(5 + ((i * 13) % 40) / 10).toFixed(6)} sec), logging`);
      if (i % 4 === 1) out.push(`[${fpmTime(t - 0.03)}] NOTICE: child ${40 + ((i * 7 + k) % 400)} stopped for tracing`, `[${fpmTime(t - 0.03)}] NOTICE: about to trace ${40 + ((i * 7 + k) % 400)}`, `\n[${fpmTime(t - 0.03)}]  [pool www] pid ${40 + ((i * 7 + k) % 400)}`, `script_filename = /app/public/index.php`, `[0x00007f3a1c214e20] require() /app/vendor/composer/ClassLoader.php:576`, `[0x00007f3a1c214d10] Composer\\Autoload\\{closure}() /app/vendor/composer/ClassLoader.php:427`, `[0x00007f3a1c214c80] loadClass() /app/${scripts[i % scripts.length]}:0`, `[${fpmTime(t - 0.03)}] NOTICE: finished trace of ${40 + ((i * 7 + k) % 400)}`);
      if (i === 9) out.push(`[${fpmTime(t - 0.05)}] WARNING: [pool www] server reached pm.max_children setting (24), consider raising it`);
      t -= 6.5;
      i++;
    }
    return lines(...out);
  };
  const nginxLog = (k: number): string => {
    const paths = ['/', '/c/outerwear', '/p/sku-88213-blk', '/cart', '/api/cart/items', '/p/sku-10452-m', '/account/orders', '/search?q=parka'];
    const out: string[] = [];
    for (let i = 0; i < 18; i++) {
      const t = 9 - i * 0.48 - k * 0.03;
      const rt = (1.6 + ((i * 37 + k * 11) % 310) / 100).toFixed(3);
      out.push(`10.0.118.${20 + ((i + k) % 30)} - - [${clfTime(t)}] "GET ${paths[i % paths.length]} HTTP/1.1" 200 ${18_000 + (i * 2131) % 40_000} "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15" rt=${rt} uct=0.000 urt=${rt}`);
      if (i % 7 === 3) out.push(`10.0.118.${14 + k} - - [${clfTime(t - 0.01)}] "GET /fpm-ping HTTP/1.1" 200 4 "-" "kube-probe/1.31" rt=${(0.9 + (i % 5) / 10).toFixed(3)} uct=0.000 urt=${(0.9 + (i % 5) / 10).toFixed(3)}`);
    }
    return lines(...out);
  };
  const other = bystander(ns, 'shop-search', names, 5 * HOURS + 30, { revisions: [33, 34], versions: ['3.3.0', '3.3.1'], olderAgo: 22 * DAYS });
  const storeHpa = hpa({
    namespace: ns, name: 'storefront', target: { kind: 'Deployment', name: 'storefront' }, min: 4, max: 8, current: 8, desired: 8,
    cpu: { current: 161, target: 70, averageValue: '806m' }, lastScaleAgo: 2 * HOURS + 20 - 72,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(2 * HOURS) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(2 * HOURS + 20 - 72) },
    ],
  });
  const hpaEvent = (to: number, atAgo: number) => event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${to}; reason: cpu resource utilization (percentage of request) above target`, firstAgo: atAgo, lastAgo: atAgo, component: 'horizontal-pod-autoscaler' });
  const p1 = podOf(app, 1);
  const p5 = podOf(app, 5);
  return {
    id: 'heldout63-php-opcache-shared-memory-exhausted',
    class: 'capacity',
    truth: 'storefront revision 88 (2026.11.20-1, three hours ago) brought the Symfony checkout and account bundles, more than doubling the PHP code base. OPcache is still sized by the storefront-php-ini ConfigMap at opcache.memory_consumption=64 (MB): the shared memory fills right after start ("Not enough free shared space to allocate"), scripts that no longer fit are compiled on every request, so latency went from ~0.2 s to 2–5 s and CPU sits at the limit with the HPA pinned at its maximum; nothing crashes. Fix: raise opcache.memory_consumption (and interned_strings_buffer) in the ConfigMap.',
    ask: { service: 'storefront', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, storeHpa,
      configMap({ namespace: ns, name: 'storefront-php-ini', createdAgo: 210 * DAYS, updatedAgo: 48 * DAYS, data: { 'zz-opcache.ini': ini, 'zz-pool.conf': pool } }),
      configMap({ namespace: ns, name: 'storefront-nginx', createdAgo: 210 * DAYS, data: { 'default.conf': 'server {\n  listen 8080;\n  root /app/public;\n  location /nginx-health { return 200; }\n  location ~ ^/fpm-ping$ { include fastcgi_params; fastcgi_pass 127.0.0.1:9000; fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name; }\n  location / { try_files $uri /index.php$is_args$args; }\n  location ~ ^/index\\.php(/|$) { fastcgi_pass 127.0.0.1:9000; fastcgi_read_timeout 30s; include fastcgi_params; fastcgi_param SCRIPT_FILENAME $realpath_root$fastcgi_script_name; internal; }\n  log_format timed \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time uct=$upstream_connect_time urt=$upstream_response_time\';\n  access_log /dev/stdout timed;\n}\n' } }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shop-search', selector: { app: 'shop-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 4, 0, 3 * HOURS + 4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 87), 0, 4, 2 * HOURS + 58),
      hpaEvent(5, 2 * HOURS + 20), hpaEvent(6, 2 * HOURS - 4), hpaEvent(7, 2 * HOURS - 28), hpaEvent(8, 2 * HOURS - 52),
      probeFailed(p1, 'nginx', 'Readiness', `Get "http://${p1.status?.podIP ?? ''}:8080/fpm-ping": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 14, firstAgo: 2 * HOURS + 40, lastAgo: 6 }),
      probeFailed(p5, 'nginx', 'Readiness', `Get "http://${p5.status?.podIP ?? ''}:8080/fpm-ping": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9, firstAgo: 70, lastAgo: 3 }),
    ],
    logs: [
      ...[0, 1, 5].map((i) => logsFor(podOf(app, i), 'php-fpm', { current: fpmLog(i, i < 4 ? 3 * HOURS + 3 - i * 0.8 : 2 * HOURS + 20 - (i - 4) * 24) })),
      ...[0, 1, 5].map((i) => logsFor(podOf(app, i), 'nginx', { current: nginxLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/opcache/i],
      facts: [/memory_consumption|storefront-php-ini/, /shared (space|memory)/i],
      never: [/OOMKill|\bOOM ?kill/i, /crash ?loop/i, /(raise|increase)[^\n]*max_children/i],
    },
  };
}

// ---- 4. headless Service with 1400 ready pods, Endpoints truncated at 1000 ------------------------

function endpointsTruncatedAt1000(): CorpusScenario {
  const ns = 'ingest';
  const replicas = 1400;
  const oldNodes = Array.from({ length: 20 }, (_, i) => node({ name: eksNodeName(`10.0.${16 + i}.7`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] ?? 'eu-west-1a', instanceType: 'c6i.4xlarge', pool: 'ingest', allocatable: { cpu: '15890m', 'ephemeral-storage': '76224326324', memory: '30084948Ki', pods: '58' }, createdAgo: 40 * DAYS }));
  const newNodes = Array.from({ length: 8 }, (_, i) => node({ name: eksNodeName(`10.0.${200 + i}.7`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] ?? 'eu-west-1a', instanceType: 'c6i.4xlarge', pool: 'ingest', allocatable: { cpu: '15890m', 'ephemeral-storage': '76224326324', memory: '30084948Ki', pods: '58' }, createdAgo: 11 * HOURS + 6 }));
  const image = `${ECR}/ingest/ingest-shard:6.3.2`;
  const tpl = {
    containers: [container({
      image, ports: [{ name: 'grpc', containerPort: 7070 }, { name: 'metrics', containerPort: 9090 }], cpu: '250m', memory: '384Mi',
      env: [{ name: 'SHARD_QUEUE_CAPACITY', value: '20000' }, { name: 'GOMAXPROCS', value: '1' }],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 5 }),
    })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'ingest' },
  };
  // A sample of the 1400 pods: five from before the scale-up, three from the nodes it added.
  const sample = deploymentApp({
    namespace: ns,
    name: 'ingest-shard',
    replicas,
    revisions: [
      { revision: 13, createdAgo: 31 * DAYS, changeCause: 'argocd: ingest-shard 6.3.1', template: tpl },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: ingest-shard 6.3.2', template: tpl },
    ],
    pods: [
      ...[0, 3, 7, 12, 18].map((n) => ({ revision: 14, node: nameOf(oldNodes[n]), createdAgo: 9 * DAYS - n * 0.2 })),
      ...[0, 4, 7].map((n) => ({ revision: 14, node: nameOf(newNodes[n]), createdAgo: 11 * HOURS - n * 0.3 })),
    ],
    settled: { available: true, availableSince: 9 * DAYS - 30, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 30 },
  });
  const rsName = rsOf(sample, 14);
  // Every pod: IP by node, so the Endpoints controller's IP ordering keeps the old nodes' pods first.
  type Ep = { ip: string; node: string; name: string; uid: string; zone: string };
  const eps: Ep[] = [];
  const ipFor = (base: number, n: number, k: number) => `10.0.${base + n}.${k + 10}`;
  const sampleAt = new Map<string, k8s.V1Pod>();
  [[0, 3, 7, 12, 18].map((n, j) => [`o${n}/${j * 5 + 2}`, podOf(sample, j)] as const), [0, 4, 7].map((n, j) => [`n${n}/${[47, 9, 21][j] ?? 50}`, podOf(sample, 5 + j)] as const)].flat().forEach(([key, p]) => sampleAt.set(key, p));
  const push = (nodes: k8s.V1Node[], base: number, perNode: number, tag: string) => nodes.forEach((nd, n) => {
    for (let k = 0; k < perNode; k++) {
      const ip = ipFor(base, n, k);
      const p = sampleAt.get(`${tag}${n}/${k}`);
      const zone = nd.metadata?.labels?.['topology.kubernetes.io/zone'] ?? 'eu-west-1a';
      if (p !== undefined) {
        p.status = { ...p.status, podIP: ip, podIPs: [{ ip }] };
        eps.push({ ip, node: nameOf(nd), name: nameOf(p), uid: p.metadata?.uid ?? '', zone });
      } else {
        const name = `${rsName}-${nameSuffix(`${rsName}/${tag}${n}/${k}`)}`;
        eps.push({ ip, node: nameOf(nd), name, uid: uidOf(`pod/${ns}/${name}`), zone });
      }
    }
  });
  push(oldNodes, 16, 48, 'o');
  push(newNodes, 200, 55, 'n');
  // The scale-up grew the Deployment to 1400; the sample stands for them.
  const dep = deploymentOf(sample) as k8s.V1Deployment;
  dep.status = { ...dep.status, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas };
  const rs = replicaSetOf(sample, 14) as k8s.V1ReplicaSet;
  if (rs.spec) rs.spec.replicas = replicas;
  rs.status = { ...rs.status, replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 3 };
  if (rs.metadata?.annotations) rs.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = String(replicas);
  const svc = service({ namespace: ns, name: 'ingest-shard', selector: { app: 'ingest-shard' }, headless: true, ports: [{ name: 'grpc', port: 7070, targetPort: 'grpc' }], createdAgo: 300 * DAYS });
  const ref = (e: Ep) => ({ kind: 'Pod', name: e.name, namespace: ns, uid: e.uid });
  const endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'ingest-shard', namespace: ns, uid: uidOf(`endpoints/${ns}/ingest-shard`), creationTimestamp: ago(300 * DAYS),
      labels: { app: 'ingest-shard', 'service.kubernetes.io/headless': '' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(11 * HOURS - 1.5), 'endpoints.kubernetes.io/over-capacity': 'truncated' },
    },
    subsets: [{ addresses: eps.slice(0, 1000).map((e) => ({ ip: e.ip, nodeName: e.node, targetRef: ref(e) })), ports: [{ name: 'grpc', port: 7070, protocol: 'TCP' }] }],
  } as KubeJson;
  const slices = Array.from({ length: Math.ceil(eps.length / 100) }, (_, s): KubeJson => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `ingest-shard-${nameSuffix(`slice/ingest-shard/${s}`)}`, namespace: ns, uid: uidOf(`endpointslice/${ns}/ingest-shard/${s}`),
      creationTimestamp: ago(s < 10 ? 9 * DAYS : 11 * HOURS - 1),
      generateName: 'ingest-shard-',
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'ingest-shard', 'service.kubernetes.io/headless': '' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(11 * HOURS - 1.5) },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'ingest-shard', uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: eps.slice(s * 100, s * 100 + 100).map((e) => ({ addresses: [e.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: e.node, targetRef: ref(e), zone: e.zone })),
    ports: [{ name: 'grpc', port: 7070, protocol: 'TCP' }],
  } as KubeJson));
  const routerImage = `${ECR}/ingest/shard-router:3.4.9`;
  const router = deploymentApp({
    namespace: ns,
    name: 'shard-router',
    replicas: 3,
    revisions: [{
      revision: 9, createdAgo: 140 * DAYS, changeCause: 'argocd: shard-router 3.4.9',
      template: {
        containers: [container({
          image: routerImage, ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '1', memory: '1Gi',
          env: [{ name: 'RING_DISCOVERY', value: 'kubernetes-endpoints' }, { name: 'RING_SERVICE', value: 'ingest-shard' }, { name: 'RING_PORT_NAME', value: 'grpc' }, { name: 'RING_VNODES', value: '128' }],
        })],
        serviceAccountName: 'shard-router',
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: nameOf(oldNodes[k * 6 + 1]), createdAgo: 17 * DAYS - k * 3 })),
  });
  const shardHpa = hpa({
    namespace: ns, name: 'ingest-shard', target: { kind: 'Deployment', name: 'ingest-shard' }, min: 600, max: 1800, current: replicas, desired: replicas,
    cpu: { current: 68, target: 70, averageValue: '171m' }, lastScaleAgo: 11 * HOURS + 8,
  });
  const routerLog = (k: number): string => {
    const out = [
      `{"level":"info","ts":"${at(17 * DAYS - k * 3 - 0.3)}","logger":"main","msg":"shard-router starting","version":"3.4.9","go":"go1.15.15","client-go":"v0.18.20"}`,
      `{"level":"info","ts":"${at(17 * DAYS - k * 3 - 0.35)}","logger":"ring","msg":"watching endpoints","namespace":"ingest","name":"ingest-shard","port":"grpc"}`,
      `{"level":"info","ts":"${at(17 * DAYS - k * 3 - 0.4)}","logger":"ring","msg":"membership changed","members":960,"added":960,"removed":0,"ring_version":1}`,
      `{"level":"info","ts":"${at(11 * HOURS + 6.5)}","logger":"ring","msg":"membership changed","members":988,"added":28,"removed":0,"ring_version":${4410 + k}}`,
      `{"level":"info","ts":"${at(11 * HOURS + 5)}","logger":"ring","msg":"membership changed","members":1000,"added":12,"removed":0,"ring_version":${4411 + k}}`,
      `{"level":"info","ts":"${at(11 * HOURS - 2)}","logger":"ring","msg":"membership changed","members":1000,"added":0,"removed":0,"ring_version":${4412 + k}}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.9 - k * 0.2;
      out.push(`{"level":"info","ts":"${at(t)}","logger":"ring","msg":"ring stats","members":1000,"vnodes":128000,"rps":${51_200 + (i * 311 + k * 97) % 4_000}}`);
      if (i % 2 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.1)}","logger":"forward","msg":"shard slow","shard":"10.0.${16 + (i % 20)}.${12 + (i * 7) % 40}:7070","p99_ms":${610 + (i * 53) % 500},"inflight":${180 + (i * 17) % 90},"queue_full_rejects":${40 + i * 3}}`);
      if (i % 5 === 3) out.push(`{"level":"warn","ts":"${at(t - 0.2)}","logger":"forward","msg":"retrying on next replica","key":"dev-${(8812 + i * 31) % 9999}","err":"rpc error: code = ResourceExhausted desc = shard queue full (20000)"}`);
    }
    return lines(...out);
  };
  const shardLog = (j: number): string => {
    const fresh = j >= 5;
    const created = fresh ? 11 * HOURS - (j - 5) * 0.3 : 9 * DAYS;
    const out = [
      `{"level":"info","ts":"${at(created - 0.2)}","msg":"ingest-shard listening","grpc":":7070","metrics":":9090","queue_capacity":20000}`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 7.5 - i;
      out.push(fresh
        ? `{"level":"info","ts":"${at(t)}","msg":"stats","rps":0,"queue_depth":0,"inflight":0,"batches_flushed":0}`
        : `{"level":"info","ts":"${at(t)}","msg":"stats","rps":${720 + (i * 37 + j * 53) % 160},"queue_depth":${15_800 + (i * 419 + j * 211) % 4_100},"inflight":${220 + (i * 11) % 40},"batches_flushed":${88 + i}}`);
      if (!fresh && i % 3 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.3)}","msg":"queue above high watermark, rejecting","queue_depth":20000,"rejected":${120 + i * 9}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout63-headless-endpoints-truncated-1000',
    class: 'network',
    truth: 'ingest-shard was scaled from 960 to 1400 replicas eleven hours ago. The Endpoints object of its headless Service holds at most 1000 addresses: the controller truncated it (endpoints.kubernetes.io/over-capacity: truncated), while the EndpointSlices list all 1400. shard-router builds its consistent-hash ring from the Endpoints API (client-go v0.18), so its ring stops at 1000 members: the ~400 pods beyond, almost all on the nodes added by the scale-up, get no traffic while the others overflow their queues. Fix: make the router discover peers through EndpointSlices (or stay below 1000 endpoints per Service).',
    ask: { service: 'ingest-shard', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...sample.objects, ...router.objects, svc, endpoints, ...slices, shardHpa,
      ...exposed({ namespace: ns, name: 'shard-router', selector: { app: 'shard-router' }, pods: router.pods }),
      scaledReplicaSet(dep, rsName, replicas, 960, 11 * HOURS + 8),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ingest-shard', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${replicas}; reason: cpu resource utilization (percentage of request) above target`, firstAgo: 11 * HOURS + 8, lastAgo: 11 * HOURS + 8, component: 'horizontal-pod-autoscaler' }),
      ...newNodes.map((nd, i) => event({ on: { kind: 'Node', name: nameOf(nd) }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(nd)} event: Registered Node ${nameOf(nd)} in Controller`, firstAgo: 11 * HOURS + 6 - i * 0.1, lastAgo: 11 * HOURS + 6 - i * 0.1, component: 'node-controller' })),
      event({ on: { kind: 'Endpoints', name: 'ingest-shard', namespace: ns }, reason: 'FailedToUpdateEndpoint', message: 'Failed to update endpoint ingest/ingest-shard: Operation cannot be fulfilled on endpoints "ingest-shard": the object has been modified; please apply your changes to the latest version and try again', count: 2, firstAgo: 11 * HOURS + 7, lastAgo: 11 * HOURS + 6.8, component: 'endpoint-controller' }),
    ],
    logs: [
      ...router.pods.map((p, k) => logsFor(p, 'app', { current: routerLog(k) })),
      ...sample.pods.map((p, j) => logsFor(p, 'app', { current: shardLog(j) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/truncat|over-capacity|\b1,?000\b/i],
      facts: [/over-capacity|truncated/i, /shard-router|EndpointSlice/i],
      never: [/\bOOM/, /crash ?loop/i, /network ?polic/i, /FailedScheduling|Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 5. SFTP partner rotated its host key --------------------------------------------------------

function sftpPartnerHostKeyRotated(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.147', ['9', '122', '230']);
  const image = (v: string) => `${ECR}/treasury/remittance-sftp-sync:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['python', '-m', 'remittance.worker'], ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '100m', memory: '256Mi',
      env: [
        { name: 'PARTNERS_FILE', value: '/etc/remittance/partners.yaml' },
        { name: 'KNOWN_HOSTS', value: '/etc/ssh-known/known_hosts' },
        { name: 'CYCLE_SECONDS', value: '300' },
        { name: 'OUTBOX_DSN', value: 'postgresql://remit@treasury-db.cluster-c4m2xq.eu-west-1.rds.amazonaws.com:5432/treasury' },
      ],
      readiness: null, liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 15, periodSeconds: 30 }),
      volumeMounts: [{ name: 'known-hosts', mountPath: '/etc/ssh-known', readOnly: true }, { name: 'partners', mountPath: '/etc/remittance', readOnly: true }, { name: 'sftp-keys', mountPath: '/etc/sftp-keys', readOnly: true }],
    })],
    volumes: [
      { name: 'known-hosts', configMap: { name: 'sftp-known-hosts' } },
      { name: 'partners', configMap: { name: 'remittance-partners' } },
      { name: 'sftp-keys', secret: { secretName: 'remittance-sftp-keys', defaultMode: 256 } },
    ],
    serviceAccountName: 'remittance-sftp-sync',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'remittance-sftp-sync',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 18, createdAgo: 37 * DAYS, changeCause: 'argocd: remittance-sftp-sync 1.9.2', template: tpl('1.9.2') },
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: remittance-sftp-sync 1.9.3', template: tpl('1.9.3') },
    ],
    pods: [{ revision: 19, node: names[1] ?? '', createdAgo: 9 * DAYS - 1, containers: { app: running({ sinceAgo: 3 * DAYS + 95, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS + 95.2, ranSeconds: 518_000 } }) } }],
  });
  const oldRsa = 'AAAAB3NzaC1yc2EAAAADAQABAAABAQC7v2Xq1kQm3Zp8JtY0hX5f9LwR2aUe6NcVbD4sT1yK0oPq7MiG3rH8nW5jZ2xC9lE4uF6vB1aS0dQ7pK3mN8tY5wR2eU4iO6hL9gJ1fZ3cV7bX0nM2kP5qS8rT4uW6yA1zD3fH5jK7lN9oQ2sU4vX6bC8eG0iJ2mO4qR6tV8xZ1aD3fH5jL7nP9rT1vX3zB5dF7hJ9lN1pR3tV5xZ7bD9fH1jL3nP5rT7vX9zB1dF3hJ5lN7pR9tV1xZ3bD5fH7jL9nP1rT3vX5zB7dF9hJ1lN3pR5tV7xZ9bD1fH3jL5nP7rT9vX1z';
  const newRsa = 'AAAAB3NzaC1yc2EAAAADAQABAAABgQDfK2m9Qx7Lw3Pz1Rt8Yv5Nc2Jb6Hs4Ga0Ue7Ki3Md9Of1Tq5Wr8Xy2Zc4Bv6Dn0Fm3Hp7Jl1Ks5Gt9Ow2Ri4Su8Vx6Yz0Ab3Ce5Dg7Ef9Fh1Gj3Hk5Il7Jm9Kn1Lo3Mp5Nq7Or9Ps1Qt3Ru5Sv7Tw9Ux1Vy3Wz5Xa7Yb9Zc1Ad3Be5Cf7Dg9Eh1Fi3Gj5Hk7Il9Jm1Kn3Lo5Mp7Nq9Or1Ps3Qt5Ru7Sv9Tw1Ux3Vy5Wz7Xa9Yb1Zc3Ad5Be7Cf9Dg1Eh3Fi5Gj7Hk9Il1Jm3Kn5Lo7Mp9Nq1Or3Ps5Qt7Ru9Sv1Tw3Ux5Vy7Wz9Xa1Yb3Zc5';
  const helv = 'AAAAC3NzaC1lZDI1NTE5AAAAIHq3Kf8Lm2Np5Rs7Tv9Wx1Yz3Ab5Cd7Ef9Gh1Ij3Kl5';
  const knownHosts = [
    '# partner SFTP host keys — verified out of band (see treasury runbook RB-112)',
    `[sftp.nordbank-partners.com]:2222 ssh-rsa ${oldRsa}`,
    `[mft.helvetia-clearing.ch]:22 ssh-ed25519 ${helv}`,
    '',
  ].join('\n');
  const partners = [
    'partners:',
    '  - name: nordbank',
    '    host: sftp.nordbank-partners.com',
    '    port: 2222',
    '    user: acme_remit',
    '    key: /etc/sftp-keys/nordbank_ed25519',
    '    outbox_dir: /inbound/acme',
    '    inbox_dir: /outbound/acme',
    '  - name: helvetia',
    '    host: mft.helvetia-clearing.ch',
    '    port: 22',
    '    user: acme-treasury',
    '    key: /etc/sftp-keys/helvetia_ed25519',
    '    outbox_dir: /in',
    '    inbox_dir: /out',
    '',
  ].join('\n');
  const out: string[] = [
    `${pyTime(3 * DAYS + 94.8)} INFO remittance.worker starting remittance-sftp-sync 1.9.3 (paramiko 3.4.1, 2 partners, cycle 300s)`,
    `${pyTime(3 * DAYS + 94.7)} INFO remittance.metrics serving metrics on :9102`,
  ];
  const firstFail = 76;
  for (let t = 95; t > 0.5; t -= 5) {
    const c = t + 0.02;
    out.push(`${pyTime(c)} INFO paramiko.transport Connected (version 2.0, client OpenSSH_8.9p1)`);
    out.push(`${pyTime(c - 0.01)} INFO paramiko.transport Authentication (publickey) successful!`);
    out.push(`${pyTime(c - 0.02)} INFO remittance.transfer [helvetia] cycle: uploaded 0 file(s), downloaded ${t % 15 < 5 ? 1 : 0} file(s)`);
    if (t > firstFail) {
      out.push(`${pyTime(t)} INFO paramiko.transport Connected (version 2.0, client OpenSSH_7.4)`);
      out.push(`${pyTime(t - 0.01)} INFO paramiko.transport Authentication (publickey) successful!`);
      out.push(`${pyTime(t - 0.02)} INFO remittance.transfer [nordbank] cycle: uploaded ${2 + (Math.round(t) % 3)} file(s), downloaded 1 file(s)`);
    } else {
      const pending = 3 + Math.round((firstFail - t) / 5) * 2;
      out.push(`${pyTime(t)} INFO paramiko.transport Connected (version 2.0, client OpenSSH_9.6)`);
      out.push(`${pyTime(t - 0.01)} ERROR remittance.transfer [nordbank] cycle failed, ${pending} file(s) left in outbox`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/remittance/transfer.py", line 97, in run_cycle');
      out.push('    with self._open_sftp() as sftp:');
      out.push('  File "/app/remittance/transfer.py", line 64, in _open_sftp');
      out.push('    client.connect(self.host, port=self.port, username=self.user, pkey=self.pkey, timeout=20, look_for_keys=False, allow_agent=False)');
      out.push('  File "/usr/local/lib/python3.12/site-packages/paramiko/client.py", line 485, in connect');
      out.push('    raise BadHostKeyException(hostname, server_key, our_key)');
      out.push(`paramiko.ssh_exception.BadHostKeyException: Host key for server '[sftp.nordbank-partners.com]:2222' does not match: got '${newRsa}', expected '${oldRsa}'`);
    }
    if (Math.round(t) % 30 === 0) out.push(`${pyTime(t - 0.03)} WARNING remittance.outbox statement batch ACME-${20261121}-${Math.round(t)} has no value date, defaulting to next business day`);
  }
  const previous = lines(
    `${pyTime(3 * DAYS + 97)} INFO remittance.transfer [nordbank] cycle: uploaded 2 file(s), downloaded 0 file(s)`,
    `${pyTime(3 * DAYS + 95.3)} ERROR remittance.worker fatal: outbox unavailable`,
    'Traceback (most recent call last):',
    '  File "/app/remittance/outbox.py", line 41, in claim_batch',
    '    cur.execute(CLAIM_SQL, (self.partner, self.batch_size))',
    'psycopg2.OperationalError: server closed the connection unexpectedly',
    '\tThis probably means the server terminated abnormally',
    '\tbefore or while processing the request.',
  );
  const api = bystander(ns, 'treasury-api', names, 31, { revisions: [64, 65], versions: ['4.20.1', '4.21.0'], olderAgo: 8 * DAYS });
  const p = podOf(app, 0);
  return {
    id: 'heldout63-sftp-partner-host-key-rotated',
    class: 'network',
    truth: 'Nordbank rotated the host key of sftp.nordbank-partners.com:2222 (its server now answers as OpenSSH 9.6 with a new RSA key) around 75 minutes ago. remittance-sftp-sync verifies host keys against the known_hosts from the sftp-known-hosts ConfigMap, which still holds the old key, so every Nordbank cycle fails with paramiko BadHostKeyException and the outbox grows; Helvetia transfers still work and nothing changed in the cluster. Fix: verify the new fingerprint with Nordbank out of band and update the ConfigMap.',
    ask: { service: 'remittance-sftp-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects,
      configMap({ namespace: ns, name: 'sftp-known-hosts', createdAgo: 210 * DAYS, updatedAgo: 96 * DAYS, data: { known_hosts: knownHosts } }),
      configMap({ namespace: ns, name: 'remittance-partners', createdAgo: 210 * DAYS, updatedAgo: 37 * DAYS, data: { 'partners.yaml': partners } }),
      ...exposed({ namespace: ns, name: 'treasury-api', selector: { app: 'treasury-api' }, pods: api.pods }),
      networkPolicy({
        namespace: ns, name: 'remittance-sftp-sync-egress', createdAgo: 120 * DAYS, podSelector: { app: 'remittance-sftp-sync' }, policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'TCP', port: 22 }, { protocol: 'TCP', port: 2222 }] },
          { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        ],
      }) as KubeJson,
      ...api.pods.flatMap((q, k) => startedNormally(q, 'app', `${ECR}/${ns}/treasury-api:4.21.0`, 31 - k)),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('1.9.3')}" already present on machine`, firstAgo: 3 * DAYS + 95.1, lastAgo: 3 * DAYS + 95.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [logsFor(p, 'app', { current: lines(...out), previous })],
    expect: {
      verdict: 'problems',
      headline: [/host ?key|known_hosts|BadHostKey/i],
      facts: [/nordbank/i, /sftp-known-hosts|known_hosts/],
      never: [ADVISES_ROLLBACK, /network ?polic/i, /\bOOM/, /psycopg|treasury-api/i],
    },
  };
}

// ---- 6. a new LimitRange defaults ephemeral-storage to 1Gi; a temp-file-heavy renderer is evicted --

function limitRangeEphemeralDefaultEvictions(): CorpusScenario {
  const ns = 'statements';
  const { nodes, names } = threeEksNodes('10.0.163', ['28', '101', '240']);
  const image = (v: string) => `${ECR}/statements/statement-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'renderer', image: image(v), command: ['python', '-m', 'renderer.worker'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '1', memory: '2Gi',
      env: [{ name: 'RENDER_TMPDIR', value: '/tmp' }, { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/statement-render-jobs' }, { name: 'OUTPUT_BUCKET', value: 'acme-statements-prod' }],
      readiness: null, liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20, periodSeconds: 20 }),
    })],
    serviceAccountName: 'statement-renderer',
  });
  const LR_AGO = 95;
  const ROLLOUT_AGO = 70;
  const evictMsg = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';
  // Four pods from the rollout; two of them evicted again and again, their replacements with them.
  const evicted = [
    { created: ROLLOUT_AGO - 0.5, at: 58, node: 0 }, { created: 58, at: 44, node: 2 }, { created: 44, at: 19, node: 1 },
    { created: ROLLOUT_AGO - 1.4, at: 31, node: 2 }, { created: 31, at: 8, node: 0 },
  ];
  const liveAt = [{ created: ROLLOUT_AGO - 0.9, node: 1 }, { created: ROLLOUT_AGO - 1.8, node: 0 }, { created: 19, node: 2 }, { created: 8, node: 1 }];
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-renderer',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: statement-renderer 3.14.0', template: tpl('3.14.0') },
      { revision: 27, createdAgo: ROLLOUT_AGO, changeCause: 'argocd: statement-renderer 3.14.1 (weasyprint 62.3)', template: tpl('3.14.1') },
    ],
    pods: [
      // Evicted (Failed) pods of the current revision, left for the garbage collector.
      ...evicted.map((e) => ({
        revision: 27, node: names[e.node] ?? '', createdAgo: e.created,
        ...kubeletEviction(evictMsg, e.at),
        containers: { renderer: terminated({ exitCode: 137, reason: 'Error', finishedAgo: e.at - 0.1, ranSeconds: Math.round((e.created - e.at) * 60) }) },
      })),
      ...liveAt.map((l) => ({ revision: 27, node: names[l.node] ?? '', createdAgo: l.created })),
    ],
  });
  // Admission: the LimitRanger plugin wrote the namespace's defaults into every pod created since.
  for (const p of app.pods) {
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: ephemeral-storage request for container renderer; ephemeral-storage limit for container renderer' } };
    if (p.spec) p.spec = { ...p.spec, containers: p.spec.containers.map((c) => ({ ...c, resources: { requests: { ...c.resources?.requests, 'ephemeral-storage': '256Mi' }, limits: { ...c.resources?.limits, 'ephemeral-storage': '1Gi' } } })) };
  }
  const lr = limitRange({
    namespace: ns, name: 'container-defaults', createdAgo: LR_AGO,
    limits: [{ type: 'Container', _default: { 'ephemeral-storage': '1Gi' }, defaultRequest: { 'ephemeral-storage': '256Mi' } } as k8s.V1LimitRangeItem],
  });
  // The API's field is `default`, not the TypeScript client's `_default`.
  (lr.spec as unknown as { limits: Record<string, unknown>[] }).limits = [{ type: 'Container', default: { 'ephemeral-storage': '1Gi' }, defaultRequest: { 'ephemeral-storage': '256Mi' } }];
  lr.metadata = { ...lr.metadata, labels: { 'app.kubernetes.io/managed-by': 'platform-guardrails', 'platform.acme.io/policy': 'ephemeral-storage-defaults' } };
  const quota = resourceQuota({ namespace: ns, name: 'statements-compute', createdAgo: 180 * DAYS, hard: { 'requests.cpu': '24', 'requests.memory': '64Gi', pods: '40' }, used: { 'requests.cpu': '6', 'requests.memory': '12Gi', pods: '6' } });
  const gateway = bystander(ns, 'statement-api', names, 5 * HOURS, { revisions: [41, 42], versions: ['2.7.3', '2.7.4'], olderAgo: 16 * DAYS });
  const evictedPods = app.pods.slice(0, evicted.length);
  const live = app.pods.slice(evicted.length);
  const createdAgoOf = (p: k8s.V1Pod): number => (Date.parse('2026-11-21T03:14:00Z') - (p.metadata?.creationTimestamp?.getTime() ?? 0)) / 60_000;
  const renderLog = (j: number, since: number): string => {
    const out = [`${pyTime(since - 0.1)} INFO renderer.worker statement-renderer 3.14.1 polling statement-render-jobs (concurrency=2, tmpdir=/tmp)`];
    for (let i = 0; i < 6; i++) {
      const t = since - 1 - i * 1.6;
      if (t < 0.3) break;
      const job = `stmt-2026-11-${(4100 + j * 37 + i * 11) % 9000}`;
      const pages = 600 + ((i * 389 + j * 97) % 2400);
      out.push(`${pyTime(t)} INFO renderer.job ${job}: rendering ${pages} pages for account batch EU-${(17 + i + j) % 40}`);
      out.push(`${pyTime(t - 0.4)} INFO renderer.job ${job}: spooled ${Math.round(pages * 0.41)} MB of page images to /tmp/render-${nameSuffix(job)}`);
      if (i % 3 === 2) out.push(`${pyTime(t - 0.5)} WARNING weasyprint Ignored \`text-rendering: optimizeLegibility\` at 12:3, unknown property.`);
      if (pages < 1800) out.push(`${pyTime(t - 0.9)} INFO renderer.job ${job}: uploaded s3://acme-statements-prod/2026/11/${job}.pdf (${Math.round(pages * 0.09)} MB), cleaned /tmp/render-${nameSuffix(job)}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout63-limitrange-ephemeral-storage-default-evictions',
    class: 'capacity',
    truth: 'The platform team created the LimitRange container-defaults in the statements namespace 95 minutes ago, defaulting every container without one to an ephemeral-storage limit of 1Gi. statement-renderer declares none and spools several hundred MB to 2 GB of page images in /tmp per job; its pods were recreated by a routine rollout (revision 27, 70 minutes ago) and got the 1Gi default at admission, so the kubelet now evicts them ("Pod ephemeral local storage usage exceeds the total limit of containers 1Gi") whenever a large statement renders. Revision 27 is not the cause. Fix: give the renderer an explicit ephemeral-storage limit (or an emptyDir with a sizeLimit) that fits its spool.',
    ask: { service: 'statement-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gateway.objects, lr, quota,
      ...exposed({ namespace: ns, name: 'statement-api', selector: { app: 'statement-api' }, pods: gateway.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 4, 0, ROLLOUT_AGO),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 4, ROLLOUT_AGO - 1.5),
      ...evictedPods.flatMap((p, i) => [
        event({ on: p, reason: 'Evicted', message: evictMsg, firstAgo: evicted[i]?.at ?? 1, lastAgo: evicted[i]?.at ?? 1 }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container renderer', firstAgo: evicted[i]?.at ?? 1, lastAgo: evicted[i]?.at ?? 1, fieldPath: 'spec.containers{renderer}' }),
      ]),
      ...app.pods.map((p) => event({ on: replicaSetOf(app, 27), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: createdAgoOf(p), lastAgo: createdAgoOf(p), component: 'replicaset-controller' })),
      ...live.flatMap((p) => startedNormally(p, 'renderer', image('3.14.1'), createdAgoOf(p))),
    ],
    logs: live.map((p, j) => logsFor(p, 'renderer', { current: renderLog(j, createdAgoOf(p)) })),
    expect: {
      verdict: 'problems',
      headline: [/ephemeral/i, /LimitRange|limit ?range|container-defaults/i],
      facts: [/\b1Gi\b/, /container-defaults|LimitRange/],
      never: [ADVISES_ROLLBACK, /DiskPressure|disk pressure/i, /\bOOM/],
    },
  };
}

// ---- 7. healthy control: hostNetwork exporter with DNSConfigForming warnings -----------------------

function healthyHostNetworkExporterDnsConfigForming(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.33', ['12', '147', '203']);
  const image = 'quay.io/acme-sre/conntrack-exporter:0.9.2';
  const tpl = {
    containers: [container({
      name: 'exporter', image, args: ['--web.listen-address=:9466', '--conntrack.proc-path=/host/proc'], ports: [{ name: 'metrics', containerPort: 9466 }], cpu: '20m', memory: '48Mi',
      readiness: httpProbe('/metrics', 'metrics', { timeoutSeconds: 3 }), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 5 }),
      securityContext: { capabilities: { add: ['NET_ADMIN'] }, readOnlyRootFilesystem: true },
      volumeMounts: [{ name: 'proc', mountPath: '/host/proc', readOnly: true }],
    })],
    volumes: [{ name: 'proc', hostPath: { path: '/proc', type: '' } }],
    tolerations: [{ operator: 'Exists' }],
    priorityClassName: 'system-node-critical',
  };
  const ds = daemonSetApp({
    namespace: ns,
    name: 'conntrack-exporter',
    revisions: [{ revision: 6, createdAgo: 23 * DAYS, template: tpl }],
    pods: names.map((n, i) => ({ revision: 6, node: n, createdAgo: i === 2 ? 6 * DAYS + 40 : 23 * DAYS - i * 0.5 })),
  });
  // hostNetwork: the pods share their node's address and resolv.conf.
  const dsObj = ds.objects[0] as k8s.V1DaemonSet;
  if (dsObj.spec?.template.spec) dsObj.spec.template.spec = { ...dsObj.spec.template.spec, hostNetwork: true };
  for (const p of ds.pods) {
    if (p.spec) p.spec = { ...p.spec, hostNetwork: true };
    const host = p.status?.hostIP ?? '';
    p.status = { ...p.status, podIP: host, podIPs: [{ ip: host }] };
  }
  const dnsMsg = 'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.0.2 10.40.0.53 10.40.1.53';
  const promImage = 'quay.io/prometheus/prometheus:v2.55.1';
  const prom = statefulSetApp({
    namespace: ns, name: 'prometheus', replicas: 1,
    revisions: [{ revision: 14, createdAgo: 23 * DAYS, template: { containers: [container({ name: 'prometheus', image: promImage, ports: [9090], cpu: '1', memory: '6Gi', readiness: httpProbe('/-/ready', 9090), liveness: httpProbe('/-/healthy', 9090, { initialDelaySeconds: 30 }) })], serviceAccountName: 'prometheus' } }],
    pods: [{ revision: 14, ordinal: 0, node: names[0] ?? '', createdAgo: 23 * DAYS }],
  });
  const exporterLog = (i: number, createdAgo: number): string => {
    const out = [
      `ts=${at(createdAgo - 0.1)} caller=main.go:71 level=info msg="Starting conntrack_exporter" version="(version=0.9.2, branch=HEAD, revision=4c1e9a2)"`,
      `ts=${at(createdAgo - 0.1)} caller=main.go:72 level=info msg="Build context" build_context="(go=go1.23.3, platform=linux/amd64, user=root@ci, date=20241104-10:12:44, tags=netgo)"`,
      `ts=${at(createdAgo - 0.1)} caller=collector.go:58 level=info msg="Enabled collectors" collectors="conntrack,nf_stats"`,
      `ts=${at(createdAgo - 0.1)} caller=collector.go:88 level=warn msg="nf_conntrack_acct is 0, per-flow byte counters will read 0" path=/host/proc/sys/net/netfilter/nf_conntrack_acct`,
      `ts=${at(createdAgo - 0.1)} caller=tls_config.go:347 level=info msg="Listening on" address=[::]:9466`,
      `ts=${at(createdAgo - 0.1)} caller=tls_config.go:350 level=info msg="TLS is disabled." http2=false address=[::]:9466`,
    ];
    for (let k = 0; k < 3; k++) out.push(`ts=${at(30 - k * 10 - i)} caller=conntrack.go:112 level=info msg="conntrack table" entries=${18_400 + (k * 991 + i * 313) % 6_000} max=262144 insert_failed=0 drop=0`);
    return lines(...out);
  };
  return {
    id: 'heldout63-healthy-hostnetwork-exporter-dnsconfigforming',
    class: 'healthy',
    truth: 'conntrack-exporter is healthy: all three DaemonSet pods have run for days without a restart and Prometheus scrapes them. The DNSConfigForming warnings come from the kubelet because these hostNetwork pods inherit the nodes\' resolv.conf, which lists four nameservers (the resolver keeps three); they affect nothing the exporter does, and the nf_conntrack_acct warning at start-up is expected on these nodes.',
    ask: { service: 'conntrack-exporter', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...prom.objects,
      ...exposed({ namespace: ns, name: 'prometheus', selector: { app: 'prometheus' }, ports: [{ name: 'http', port: 9090, targetPort: 9090 }], pods: prom.pods, endpointPort: 9090 }),
      ...ds.pods.map((p, i) => event({ on: p, reason: 'DNSConfigForming', message: dnsMsg, count: i === 2 ? 812 : 2_741 - i * 37, firstAgo: i === 2 ? 6 * DAYS + 40 : 23 * DAYS - i * 0.5, lastAgo: 0.4 + i * 0.7 })),
    ],
    logs: ds.pods.map((p, i) => logsFor(p, 'exporter', { current: exporterLog(i, i === 2 ? 6 * DAYS + 40 : 23 * DAYS - i * 0.5) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problems?|issues?|failures?)|nothing (is )?(wrong|failing)|running normally/i],
      facts: [],
      never: [/nameserver[^\n]*(caus|break|fail)|DNS[^\n]*(failure|failing|broken|outage)/i, /\bOOM/, /crash ?loop/i, lit('nf_conntrack_acct')],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kafkaZstdOldConsumer(),
  natsMaxPayloadInlineAttachments(),
  phpOpcacheMemoryExhausted(),
  endpointsTruncatedAt1000(),
  sftpPartnerHostKeyRotated(),
  limitRangeEphemeralDefaultEvictions(),
  healthyHostNetworkExporterDnsConfigForming(),
];
