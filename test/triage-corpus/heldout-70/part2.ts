// Held-out stories, seventieth round, part two: Kafka clients authenticating with SCRAM-SHA-256
// against a migrated cluster whose user holds SCRAM-SHA-512 credentials only; a Rails release
// shipping a re-generated credentials.yml.enc that the old RAILS_MASTER_KEY cannot decrypt; a
// nightly pg_dump streamed to S3 in fixed 5 MiB parts that outgrew S3's 10,000-part limit;
// consumer groups whose __consumer_offsets partitions have a single replica on the broker whose
// node died; a GKE service whose renamed ServiceAccount lost its Workload Identity binding; an
// Istio DestinationRule forcing ISTIO_MUTUAL onto a service outside the mesh; and a healthy
// control: a Rails 7.1 app printing DEPRECATION WARNINGs.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event, exposed,
  httpProbe, job, jobEvent, cronJobEvent, namespace, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, service, startedNormally, statefulSetApp, tcpProbe, terminated, nameOf, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Kafka's log4j time: `2026-11-21 03:12:41,563`. */
const k4j = (m: number): string => pyTime(m);
/** Ruby Logger's time: `2026-11-21T03:12:41.563412`. */
const rbTime = (m: number): string => at(m).replace('Z', '') + '412';
/** Tomcat's JULI time: `21-Nov-2026 03:12:41.563`. */
const tcTime = (m: number): string => `${clfTime(m).slice(0, 11).replace(/\//g, '-')} ${at(m).slice(11, 23)}`;

// ---- 1. SCRAM-SHA-256 clients, SCRAM-SHA-512-only user after a broker migration ----------------------

function kafkaScramMechanismMismatch(): CorpusScenario {
  const ns = 'orders';
  const kns = 'kafka';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '130', '212']);
  const kimg = 'docker.io/bitnami/kafka:3.8.1-debian-12-r0';
  const ktpl = (v: string) => ({ containers: [container({ name: 'kafka', image: kimg, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }, { name: 'internal', containerPort: 9094 }], cpu: '1', memory: '6Gi', readiness: tcpProbe('client'), liveness: tcpProbe('controller', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }, { name: 'config', mountPath: '/opt/bitnami/kafka/config/server.properties', subPath: 'server.properties' }] })], labels: { 'app.kubernetes.io/version': v }, volumes: [{ name: 'config', configMap: { name: 'kafka-controller-configuration' } }] });
  const kafka = statefulSetApp({
    namespace: kns, name: 'kafka-controller', replicas: 3, serviceName: 'kafka-controller-headless', createdAgo: 3 * HOURS + 40,
    revisions: [{ revision: 1, createdAgo: 3 * HOURS + 40, template: ktpl('3.8.1') }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 1, ordinal: i, node: names[i] ?? '', createdAgo: 3 * HOURS + 38 - i * 2 })),
  });
  const bootImg = 'docker.io/bitnami/kafka:3.8.1-debian-12-r0';
  const boot = deploymentApp({ namespace: kns, name: 'kafka-ui', replicas: 1, revisions: [{ revision: 4, createdAgo: 40 * DAYS, template: { containers: [container({ image: 'docker.io/provectuslabs/kafka-ui:v0.7.2', ports: [8080], memory: '512Mi' })] } }], pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 12 * DAYS }] });
  const props = [
    'bootstrap.servers=kafka.kafka.svc.cluster.local:9092',
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=SCRAM-SHA-256',
    'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_USERNAME}" password="${KAFKA_PASSWORD}";',
    'acks=all',
    'enable.idempotence=true',
    'linger.ms=5',
    'compression.type=zstd',
  ].join('\n');
  const clientCm = configMap({ namespace: ns, name: 'orders-kafka-client', createdAgo: 210 * DAYS, data: { 'client.properties': props + '\n' } });
  const serverProps = [
    'process.roles=controller,broker',
    'listeners=CLIENT://:9092,INTERNAL://:9094,CONTROLLER://:9093',
    'listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
    'sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    'inter.broker.listener.name=INTERNAL',
    'default.replication.factor=3',
    'min.insync.replicas=2',
    'offsets.topic.replication.factor=3',
    'log.retention.hours=168',
  ].join('\n');
  const serverCm = configMap({ namespace: kns, name: 'kafka-controller-configuration', createdAgo: 3 * HOURS + 41, data: { 'server.properties': serverProps + '\n' } });
  const sasl = (u: string) => [{ name: 'KAFKA_USERNAME', value: u }, { name: 'KAFKA_PASSWORD', valueFrom: { secretKeyRef: { name: `${u}-kafka`, key: 'password' } } }];
  const apiImg = (v: string) => `${ECR}/orders/orders-ingest-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImg(v), ports: [8080], memory: '1Gi', env: [...sasl('orders-svc'), { name: 'KAFKA_CLIENT_CONFIG', value: '/etc/kafka/client.properties' }, { name: 'ORDERS_TOPIC', value: 'orders.v2' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }), volumeMounts: [{ name: 'kafka-client', mountPath: '/etc/kafka' }] })], volumes: [{ name: 'kafka-client', configMap: { name: 'orders-kafka-client' } }] });
  const api = deploymentApp({
    namespace: ns, name: 'orders-ingest-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 23 * DAYS, changeCause: 'argocd: orders-ingest-api 5.2.0', template: apiTpl('5.2.0') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-ingest-api 5.2.1', template: apiTpl('5.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k, containers: { app: running({ sinceAgo: 6 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 3 * HOURS + 11, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const projImg = `${ECR}/orders/orders-projector:3.9.4`;
  const proj = deploymentApp({
    namespace: ns, name: 'orders-projector', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 19 * DAYS, changeCause: 'argocd: orders-projector 3.9.4', template: { containers: [container({ image: projImg, ports: [8081], memory: '768Mi', env: [...sasl('orders-svc'), { name: 'KAFKA_CLIENT_CONFIG', value: '/etc/kafka/client.properties' }, { name: 'KAFKA_GROUP_ID', value: 'orders-projector' }], readiness: httpProbe('/actuator/health/readiness', 8081), volumeMounts: [{ name: 'kafka-client', mountPath: '/etc/kafka' }] })], volumes: [{ name: 'kafka-client', configMap: { name: 'orders-kafka-client' } }] } }],
    pods: [0, 1].map((k) => ({ revision: 17, node: names[k + 1] ?? '', createdAgo: 19 * DAYS - k, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 2 * DAYS, ranSeconds: 17 * 86400 } }) } })),
  });
  const other = bystander(ns, 'orders-admin', names, 70, { revisions: [12, 13], versions: ['1.8.0', '1.8.1'], olderAgo: 30 * DAYS });
  const err = 'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256';
  const apiLog = (k: number) => {
    const out = [
      `${at(3 * HOURS + 12 - k * 0.1)}  INFO 1 --- [orders-ingest-api] [ad | producer-1] o.a.k.c.p.internals.TransactionManager   : [Producer clientId=producer-1] Transiting to fatal error state due to org.apache.kafka.common.errors.SaslAuthenticationException: ${err}`,
      `${at(3 * HOURS + 12 - k * 0.1)} ERROR 1 --- [orders-ingest-api] [ad | producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=producer-1] Connection to node -1 (kafka.kafka.svc.cluster.local/172.20.61.17:9092) failed authentication due to: ${err}`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 6 - i - k * 0.07;
      out.push(`${at(t)}  WARN 1 --- [orders-ingest-api] [nio-8080-exec-${i + 2}] c.a.orders.ingest.OrderController       : publish failed for order ${81234500 + i * 37 + k}: org.apache.kafka.common.errors.SaslAuthenticationException: ${err}`);
      out.push(`${at(t - 0.01)}  INFO 1 --- [orders-ingest-api] [nio-8080-exec-${i + 2}] c.a.orders.ingest.AccessLog             : POST /v2/orders 503 ${40 + i}ms`);
      out.push(`${at(t - 0.02)} ERROR 1 --- [orders-ingest-api] [ad | producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=producer-1] Connection to node 1 (kafka-controller-1.kafka-controller-headless.kafka.svc.cluster.local/10.0.96.140:9092) failed authentication due to: ${err}`);
    }
    return lines(...out);
  };
  const projLog = lines(
    `${at(3 * HOURS + 9)} ERROR 1 --- [orders-projector] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-orders-projector-1, groupId=orders-projector] Connection to node -1 (kafka.kafka.svc.cluster.local/172.20.61.17:9092) failed authentication due to: ${err}`,
    `${at(3 * HOURS + 9)} ERROR 1 --- [orders-projector] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : Authentication/Authorization Exception and no authExceptionRetryInterval set`,
    '',
    `org.apache.kafka.common.errors.SaslAuthenticationException: ${err}`,
    '',
    `${at(3 * HOURS + 9)} ERROR 1 --- [orders-projector] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : Stopping container due to an Error`,
    `${at(3 * HOURS + 9)}  INFO 1 --- [orders-projector] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : orders-projector: Consumer stopped`,
    `${at(1)}  WARN 1 --- [orders-projector] [   scheduling-1] c.a.orders.projector.LagReporter         : projection is stale: last event applied at ${at(3 * HOURS + 12)}`,
  );
  const kafkaLog = (i: number) => lines(
    `[${k4j(3 * HOURS + 37 - i * 2)}] INFO [KafkaRaftServer nodeId=${i}] Kafka Server started (kafka.server.KafkaRaftServer)`,
    ...(i === 0 ? [
      `[${k4j(3 * HOURS + 20)}] INFO [ControllerServer id=0] Replayed UserScramCredentialRecord creating new entry for orders-svc with mechanism SCRAM_SHA_512. (org.apache.kafka.controller.QuorumController)`,
      `[${k4j(3 * HOURS + 20)}] INFO [ControllerServer id=0] Replayed UserScramCredentialRecord creating new entry for billing-svc with mechanism SCRAM_SHA_512. (org.apache.kafka.controller.QuorumController)`,
    ] : []),
    ...[8, 5, 3, 1].map((t) => `[${k4j(t - i * 0.1)}] INFO [SocketServer listenerType=BROKER, nodeId=${i}] Failed authentication with /10.0.${40 + i}.${17 + t} (channelId=10.0.96.${44 + i}:9092-10.0.${40 + i}.${17 + t}:${43000 + t * 97}-${t}) (${err}) (org.apache.kafka.common.network.Selector)`),
  );
  const bootJob = jobBuilt(kns, 'kafka-users-bootstrap', bootImg, names[0] ?? '');
  return {
    id: 'heldout70-kafka-sasl-scram-mechanism-mismatch',
    class: 'config',
    truth: 'During last night\'s migration to the new KRaft Kafka cluster (kafka-controller, 3h40m ago) the bootstrap job re-created the application users with SCRAM-SHA-512 credentials only, while every orders client is configured with sasl.mechanism=SCRAM-SHA-256 (ConfigMap orders-kafka-client). The brokers reject them ("invalid credentials with SASL mechanism SCRAM-SHA-256"): orders-ingest-api cannot publish and answers 503, orders-projector stopped consuming. Fix: add SCRAM-SHA-256 credentials for the users (or switch the clients to SCRAM-SHA-512).',
    ask: { service: 'orders-ingest-api', namespace: ns },
    objects: [
      ...nodes, clientCm, serverCm, ...kafka.objects, ...boot.objects, ...bootJob.objects, ...api.objects, ...proj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-ingest-api', selector: { app: 'orders-ingest-api' }, pods: api.pods }),
      ...exposed({ namespace: kns, name: 'kafka', selector: { app: 'kafka-controller' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      service({ namespace: kns, name: 'kafka-controller-headless', selector: { app: 'kafka-controller' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], createdAgo: 3 * HOURS + 40 }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 1060 + k * 3, firstAgo: 3 * HOURS + 11, lastAgo: 0.1 + k * 0.05 })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 70),
      ...kafka.pods.map((p, i) => scheduled(p, 3 * HOURS + 38 - i * 2)),
      event({ on: podOf(proj, 0), type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...proj.pods.map((p) => logsFor(p, 'app', { current: projLog })),
      ...kafka.pods.map((p, i) => logsFor(p, 'kafka', { current: kafkaLog(i) })),
      logsFor(bootJob.pod, 'bootstrap', { current: lines(
        'Creating users on kafka-controller-0.kafka-controller-headless.kafka.svc.cluster.local:9094',
        "+ kafka-configs.sh --bootstrap-server kafka-controller-0.kafka-controller-headless.kafka.svc.cluster.local:9094 --command-config /tmp/admin.properties --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=[hidden]]' --entity-type users --entity-name orders-svc",
        "Completed updating config for user orders-svc.",
        "+ kafka-configs.sh --bootstrap-server kafka-controller-0.kafka-controller-headless.kafka.svc.cluster.local:9094 --command-config /tmp/admin.properties --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password=[hidden]]' --entity-type users --entity-name billing-svc",
        "Completed updating config for user billing-svc.",
        'done',
      ) }),
      logsFor(podOf(boot, 0), 'app', { current: lines(`${at(2)}  INFO 1 --- [kafka-ui] [     parallel-2] c.p.k.u.s.ClustersStatisticsScheduler   : Metrics updated for cluster: prod`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SCRAM-SHA-(256|512)|SCRAM_SHA_512|sasl\.mechanism|SASL mechanism/i],
      facts: [/SCRAM-SHA-256/, /SCRAM-SHA-512|SCRAM_SHA_512/, /invalid credentials|SaslAuthenticationException/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /orders-admin/, /network ?polic/i],
    },
  };
}

/** The one-off Job that re-created the users on the new cluster (a Helm hook's leftover). */
function jobBuilt(ns: string, name: string, image: string, nodeName: string): { objects: KubeJson[]; pod: k8s.V1Pod } {
  const j = job({
    namespace: ns, name, createdAgo: 3 * HOURS + 21, backoffLimit: 1,
    template: { containers: [batchContainer({ name: 'bootstrap', image, command: ['/bin/bash', '-ec', '/scripts/create-users.sh'], memory: '256Mi' })] },
    pods: [{ node: nodeName, createdAgo: 3 * HOURS + 21, phase: 'Succeeded', containers: { bootstrap: terminated({ exitCode: 0, finishedAgo: 3 * HOURS + 19.5, ranSeconds: 70 }) } }],
    outcome: { complete: true, ago: 3 * HOURS + 19.5 },
  });
  const pod = j.pods[0];
  if (pod === undefined) throw new Error('no bootstrap pod');
  return { objects: j.objects, pod };
}

// ---- 2. a re-generated credentials.yml.enc, the old RAILS_MASTER_KEY ------------------------------------

function railsMasterKeyMismatch(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.150', ['23', '99', '187']);
  const image = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'web', image: image(v), command: ['./bin/docker-entrypoint'], args: ['./bin/rails', 'server', '-b', '0.0.0.0', '-p', '3000'], ports: [3000], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'RAILS_ENV', value: 'production' },
        { name: 'RAILS_LOG_TO_STDOUT', value: '1' },
        { name: 'RAILS_MASTER_KEY', valueFrom: { secretKeyRef: { name: 'shop-web-rails', key: 'master_key' } } },
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'shop-web-db', key: 'url' } } },
        { name: 'REDIS_URL', value: 'redis://shop-redis.storefront.svc.cluster.local:6379/1' },
        { name: 'WEB_CONCURRENCY', value: '2' },
      ],
      readiness: httpProbe('/up', 3000, { periodSeconds: 5 }), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }),
    })],
    labels: { 'app.kubernetes.io/version': v },
  });
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 58, createdAgo: 4 * DAYS, changeCause: 'argocd: shop-web 2026.11.17-2 (8c41d0e)', template: tpl('2026.11.17-2') },
      { revision: 59, createdAgo: 19, changeCause: 'argocd: shop-web 2026.11.21-1 (e03b7f2)', template: tpl('2026.11.21-1') },
    ],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 4 * DAYS },
      { revision: 58, node: names[1] ?? '', createdAgo: 4 * DAYS - 1, containers: { web: running({ sinceAgo: 26 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 26 * HOURS, ranSeconds: 2 * 86400 } }) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 4 * DAYS - 2 },
      { revision: 59, node: names[2] ?? '', createdAgo: 18.8, containers: { web: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 6 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const sidekiqImg = `${ECR}/storefront/shop-web:2026.11.17-2`;
  const sidekiq = deploymentApp({ namespace: ns, name: 'shop-sidekiq', replicas: 2, revisions: [{ revision: 44, createdAgo: 4 * DAYS, changeCause: 'argocd: shop-web 2026.11.17-2 (8c41d0e)', template: { containers: [container({ name: 'sidekiq', image: sidekiqImg, command: ['bundle', 'exec', 'sidekiq'], ports: [7433], memory: '1Gi', readiness: null, liveness: null })] } }], pods: [0, 1].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 4 * DAYS - k })) });
  const gem = '/usr/local/bundle/ruby/3.4.0/gems';
  const crash = lines(
    `${gem}/activesupport-7.1.3.4/lib/active_support/message_encryptor.rb:354:in 'ActiveSupport::MessageEncryptor#_decrypt': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/message_encryptor.rb:245:in 'ActiveSupport::MessageEncryptor#decrypt_and_verify'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/encrypted_file.rb:111:in 'ActiveSupport::EncryptedFile#decrypt'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/encrypted_file.rb:72:in 'ActiveSupport::EncryptedFile#read'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/encrypted_configuration.rb:58:in 'ActiveSupport::EncryptedConfiguration#read'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/encrypted_configuration.rb:94:in 'ActiveSupport::EncryptedConfiguration#config'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/encrypted_configuration.rb:115:in 'ActiveSupport::EncryptedConfiguration#options'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/core_ext/module/delegation.rb:331:in 'method_missing'`,
    `\tfrom /rails/config/initializers/stripe.rb:1:in '<main>'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/engine.rb:689:in 'Kernel#load'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/engine.rb:689:in 'block in Rails::Engine#load_config_initializer'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/initializable.rb:32:in 'Rails::Initializable::Initializer#run'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/application.rb:426:in 'Rails::Application#initialize!'`,
    `\tfrom /rails/config/environment.rb:5:in '<main>'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/application.rb:402:in 'Rails::Application#require_environment!'`,
    `\tfrom ${gem}/railties-7.1.3.4/lib/rails/commands/rake/rake_command.rb:18:in 'block in Rails::Command::RakeCommand.perform'`,
    `\tfrom ./bin/rails:4:in '<main>'`,
    `${gem}/activesupport-7.1.3.4/lib/active_support/message_encryptor.rb:334:in 'OpenSSL::Cipher#final': OpenSSL::Cipher::CipherError`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/message_encryptor.rb:334:in 'ActiveSupport::MessageEncryptor#_decrypt'`,
    `\tfrom ${gem}/activesupport-7.1.3.4/lib/active_support/message_encryptor.rb:245:in 'ActiveSupport::MessageEncryptor#decrypt_and_verify'`,
    '\t ... 17 levels...',
  );
  const okLog = (k: number) => lines(
    `I, [${rbTime(2 + k * 0.1)} #${14 + k}]  INFO -- : [${'5b1e0f2a-77c3-4d1e-9a1f-0c'}${k}e41d9b2a] Started GET "/products/wool-overshirt-olive" for 10.0.77.${30 + k} at ${at(2).slice(0, 19).replace('T', ' ')} +0000`,
    `I, [${rbTime(2 + k * 0.1)} #${14 + k}]  INFO -- : [5b1e0f2a-77c3-4d1e-9a1f-0c${k}e41d9b2a] Completed 200 OK in 48ms (Views: 31.2ms | ActiveRecord: 9.4ms | Allocations: 21877)`,
  );
  return {
    id: 'heldout70-rails-master-key-mismatch',
    class: 'config',
    truth: 'Release 2026.11.21-1 (shop-web revision 59) committed a re-generated config/credentials.yml.enc encrypted with a new master key, but the shop-web-rails Secret still holds the old RAILS_MASTER_KEY. Rails cannot decrypt the credentials at boot (ActiveSupport::MessageEncryptor::InvalidMessage from the stripe initializer), so the new pod crash-loops with exit 1 while the three revision-58 pods keep serving. Fix: put the new master key in the Secret (or roll back to revision 58 until it is).',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sidekiq.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 59), 1, 0, 18.9),
      scheduled(fresh, 18.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2026.11.21-1')}"`, firstAgo: 18.7, lastAgo: 18.7, fieldPath: 'spec.containers{web}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2026.11.21-1')}" in 11.274s (11.274s including waiting). Image size: 412339120 bytes.`, firstAgo: 18.5, lastAgo: 18.5, fieldPath: 'spec.containers{web}' }),
      ...restartedAgain(fresh, 'web', image('2026.11.21-1'), { count: 8, firstAgo: 18.4, lastAgo: 2.5 }),
      backOff(fresh, 'web', { count: 79, firstAgo: 18.2, lastAgo: 0.3 }),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.0.12.77:3000/up": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 3, firstAgo: 26 * HOURS + 1, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{web}' }),
    ],
    logs: [
      logsFor(fresh, 'web', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'web', { current: okLog(k) })),
      ...sidekiq.pods.map((p) => logsFor(p, 'sidekiq', { current: lines(`pid=7 tid=2k8f class=OrderConfirmationJob jid=6f0c2b1d9e74a38b51c0d2e1 elapsed=0.212 INFO: done`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InvalidMessage|master.?key|credentials|decrypt|CipherError/i],
      facts: [/InvalidMessage/, /RAILS_MASTER_KEY|shop-web-rails|master_key/],
      never: [/\bOOM/, /liveness/i, /image ?pull|not found/i],
    },
  };
}

// ---- 3. a pg_dump streamed to S3 in 5 MiB parts outgrows 10,000 parts ----------------------------------

function s3MultipartTooManyParts(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.33', ['15', '119', '240']);
  const image = `${ECR}/platform/pg-backup:2.3.0`;
  const tpl = {
    containers: [batchContainer({
      name: 'backup', image, command: ['python', '-m', 'pgbackup'], cpu: '1', memory: '1Gi',
      env: [
        { name: 'PGHOST', value: 'billing-db.cluster-cq81vx2n0m4k.eu-west-1.rds.amazonaws.com' },
        { name: 'PGDATABASE', value: 'billing' },
        { name: 'PGUSER', value: 'backup' },
        { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'billing-db-backup', key: 'password' } } },
        { name: 'S3_BUCKET', value: 'acme-prod-db-backups' },
        { name: 'S3_PREFIX', value: 'billing/nightly' },
        { name: 'PART_SIZE', value: '5242880' },
        { name: 'DUMP_FORMAT', value: 'custom' },
      ],
    })],
    serviceAccountName: 'billing-db-backup',
  };
  const okRun = (daysAgo: number) => ({ createdAgo: daysAgo * DAYS + 314, pods: [{ node: names[daysAgo % 3] ?? '', createdAgo: daysAgo * DAYS + 314, phase: 'Succeeded' as const, containers: { backup: terminated({ exitCode: 0, finishedAgo: daysAgo * DAYS + 222 - daysAgo * 2, ranSeconds: (92 + daysAgo * 2) * 60 }) } }], outcome: { complete: true as const, ago: daysAgo * DAYS + 222 - daysAgo * 2 } });
  const failPod = (k: number) => ({ node: names[k] ?? '', createdAgo: 313 - k * 96.5, phase: 'Failed' as const, containers: { backup: terminated({ exitCode: 1, finishedAgo: 218 - k * 96.5, ranSeconds: 95 * 60 }) } });
  const cj = cronJob({
    namespace: ns, name: 'billing-db-backup', schedule: '0 22 * * *', backoffLimit: 2, template: tpl, createdAgo: 300 * DAYS, lastSuccessfulAgo: DAYS + 220,
    jobs: [okRun(3), okRun(2), okRun(1), { createdAgo: 314, pods: [0, 1, 2].map(failPod), outcome: { failed: 'BackoffLimitExceeded', ago: 24.5 } }],
  });
  const tonight = cj.jobs[3];
  if (tonight === undefined) throw new Error('no job');
  const jobObj = tonight.objects[0];
  const api = bystander(ns, 'billing-api', names, 3 * DAYS, { revisions: [88, 89], versions: ['7.4.0', '7.4.1'], olderAgo: 20 * DAYS });
  const partLine = (m: number, part: number) => `${pyTime(m)} INFO pgbackup.upload: uploaded part ${part} (${(part * 5 / 1024).toFixed(2)} GiB so far, ${(8.6 + (part % 7) / 10).toFixed(1)} MiB/s)`;
  const runLog = (start: number, end: number, key: string, uploadId: string) => {
    const out = [
      `${pyTime(start)} INFO pgbackup: starting backup of billing@billing-db.cluster-cq81vx2n0m4k.eu-west-1.rds.amazonaws.com to s3://acme-prod-db-backups/billing/nightly/${key}`,
      `${pyTime(start)} INFO pgbackup: running pg_dump --format=custom --compress=6 --no-owner billing`,
      `${pyTime(start)} INFO pgbackup.upload: CreateMultipartUpload ok, upload_id=${uploadId}, part_size=5242880`,
      `pg_dump: warning: there are circular foreign-key constraints on this table:`,
      `pg_dump: detail: invoice_lines`,
      `pg_dump: hint: You might not be able to restore the dump without using --disable-triggers or temporarily dropping the constraints.`,
      `pg_dump: hint: Consider using a full dump instead of a --data-only dump to avoid this problem.`,
    ];
    for (let p = 1000; p <= 10000; p += 1000) out.push(partLine(start - ((end - start) * -1) * (p / 10000) * 0.98, p));
    out.push(
      `${pyTime(end + 0.05)} ERROR pgbackup.upload: upload_part failed at part 10001 (48.83 GiB uploaded)`,
      'Traceback (most recent call last):',
      '  File "/app/pgbackup/upload.py", line 88, in stream_to_s3',
      '    resp = s3.upload_part(Bucket=bucket, Key=key, PartNumber=part_no, UploadId=upload_id, Body=chunk)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 565, in _api_call',
      '    return self._make_api_call(operation_name, kwargs)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1021, in _make_api_call',
      '    raise error_class(parsed_response, operation_name)',
      'botocore.exceptions.ClientError: An error occurred (InvalidArgument) when calling the UploadPart operation: Part number must be an integer between 1 and 10000, inclusive',
      `${pyTime(end + 0.04)} INFO pgbackup.upload: AbortMultipartUpload ok, upload_id=${uploadId}`,
      `${pyTime(end + 0.03)} ERROR pgbackup: backup failed after ${Math.round(start - end)}m`,
    );
    return lines(...out);
  };
  // Minutes run backwards (larger = earlier): start 313, end 218 for the first pod.
  const failLogs = [0, 1, 2].map((k) => {
    const s = 313 - k * 96.5;
    const e = 218.1 - k * 96.5;
    return runLog(s, e, '2026-11-20T22-00-00Z.dump', `${['b8Wq', 'N2xf', 'tK7c'][k] ?? 'a1'}2JvR.Q9mA1rLw7TzE0pK3y_bN6uFq3Hc`);
  });
  const fixRun = (s: number, e: number, key: string, parts: number) => lines(
    `${pyTime(s)} INFO pgbackup: starting backup of billing@billing-db.cluster-cq81vx2n0m4k.eu-west-1.rds.amazonaws.com to s3://acme-prod-db-backups/billing/nightly/${key}`,
    `${pyTime(s)} INFO pgbackup.upload: CreateMultipartUpload ok, upload_id=ZmQ1${key.slice(8, 10)}Lr5w.Jc0Zk8d2Hq_T1mN4xVbG7sP, part_size=5242880`,
    `${pyTime(e + 0.1)} INFO pgbackup.upload: CompleteMultipartUpload ok, ${parts} parts, ${(parts * 5 / 1024).toFixed(2)} GiB`,
    `${pyTime(e)} INFO pgbackup: backup finished in ${Math.round(s - e)}m`,
  );
  const okPods = [0, 1, 2].map((i) => cj.jobs[i]?.pods[0]);
  return {
    id: 'heldout70-s3-multipart-10000-parts-backup',
    class: 'jobs',
    truth: 'The nightly billing-db-backup streams pg_dump to S3 as a multipart upload with a fixed 5 MiB part size (PART_SIZE=5242880), which caps an object at 10,000 × 5 MiB ≈ 48.8 GiB. The billing dump has been growing (9,611 → 9,874 → 9,958 parts on the previous nights) and tonight passed the cap: every attempt fails at part 10001 with "InvalidArgument: Part number must be an integer between 1 and 10000", so the Job hit its backoff limit and there is no backup for tonight. Fix: a larger (or size-derived) part size.',
    ask: { service: 'billing-db-backup', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      cronJobEvent(cj.objects[0], 'SuccessfulCreate', `Created job ${nameOf(jobObj)}`, 314),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(tonight.pods[0])}`, 313),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(tonight.pods[1])}`, 216.5),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(tonight.pods[2])}`, 120),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 24.5, 'Warning'),
      cronJobEvent(cj.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(jobObj)}, status: Failed`, 24.4),
      event({ on: tonight.pods[0] ?? {}, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "kube-api-access" : failed to sync configmap cache: timed out waiting for the condition', firstAgo: 313, lastAgo: 313 }),
    ],
    logs: [
      ...tonight.pods.map((p, k) => logsFor(p, 'backup', { current: failLogs[k] ?? '' })),
      ...okPods.map((p, i) => logsFor(p, 'backup', { current: fixRun((3 - i) * DAYS + 313, (3 - i) * DAYS + 222 - (3 - i) * 2, `2026-11-${17 + i}T22-00-00Z.dump`, [9611, 9874, 9958][i] ?? 9000) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/10,?000|part number|part.?size|multipart|PART_SIZE/i],
      facts: [/Part number must be an integer between 1 and 10000|10001/, /5242880|5 ?MiB/i],
      never: [/\bOOM/, /AccessDenied|credential|permission/i, /deadline/i, /FailedMount|configmap cache/i],
    },
  };
}

// ---- 4. __consumer_offsets with one replica, its broker's node gone -----------------------------------

function offsetsTopicSingleReplica(): CorpusScenario {
  const ns = 'fulfillment';
  const kns = 'kafka';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const hosts = ['10.0.120.18', '10.0.121.77', '10.0.122.203'];
  const nodeNames = hosts.map((h) => `ip-${h.replace(/\./g, '-')}.eu-west-1.compute.internal`);
  const deadNode = nodeNames[2] ?? '';
  const nodes = [
    node({ name: nodeNames[0] ?? '', zone: zones[0] ?? '', pool: 'kafka', instanceType: 'r6i.xlarge' }),
    node({ name: nodeNames[1] ?? '', zone: zones[1] ?? '', pool: 'kafka', instanceType: 'r6i.xlarge' }),
    node({ name: deadNode, zone: zones[2] ?? '', pool: 'kafka', instanceType: 'r6i.xlarge', ready: 'Unknown', readySince: 41 }),
    node({ name: 'ip-10-0-120-64.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-121-140.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
  ];
  const appNodes = ['ip-10-0-120-64.eu-west-1.compute.internal', 'ip-10-0-121-140.eu-west-1.compute.internal'];
  const kimg = 'docker.io/bitnami/kafka:3.6.2-debian-12-r5';
  const kafka = statefulSetApp({
    namespace: kns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', createdAgo: 540 * DAYS,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'kafka', image: kimg, ports: [{ name: 'client', containerPort: 9092 }, { name: 'internal', containerPort: 9093 }], cpu: '2', memory: '8Gi', readiness: tcpProbe('client'), liveness: tcpProbe('client', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }, { name: 'config', mountPath: '/bitnami/kafka/config/server.properties', subPath: 'server.properties' }] })], volumes: [{ name: 'config', configMap: { name: 'kafka-configuration' } }], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'kafka' } } }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: nodeNames[0] ?? '', createdAgo: 33 * DAYS },
      { revision: 9, ordinal: 1, node: nodeNames[1] ?? '', createdAgo: 33 * DAYS - 4, containers: { kafka: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 9 * DAYS, ranSeconds: 24 * 86400 } }) } },
      { revision: 9, ordinal: 2, node: deadNode, createdAgo: 33 * DAYS - 8, ready: false, deletingAgo: 35, containers: { kafka: running({ sinceAgo: 33 * DAYS - 8, ready: false }) } },
    ],
  });
  const zk = statefulSetApp({
    namespace: kns, name: 'zookeeper', replicas: 3, serviceName: 'zookeeper-headless', createdAgo: 540 * DAYS,
    revisions: [{ revision: 3, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'zookeeper', image: 'docker.io/bitnami/zookeeper:3.8.4-debian-12-r2', ports: [{ name: 'client', containerPort: 2181 }], memory: '1Gi', readiness: tcpProbe('client'), liveness: tcpProbe('client') })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 3, ordinal: i, node: (i < 2 ? nodeNames[i] : appNodes[0]) ?? '', createdAgo: 60 * DAYS - i })),
  });
  const serverProps = [
    'broker.id.generation.enable=false',
    'zookeeper.connect=zookeeper-0.zookeeper-headless.kafka.svc.cluster.local:2181,zookeeper-1.zookeeper-headless.kafka.svc.cluster.local:2181,zookeeper-2.zookeeper-headless.kafka.svc.cluster.local:2181',
    'listeners=CLIENT://:9092,INTERNAL://:9093',
    'inter.broker.listener.name=INTERNAL',
    'num.partitions=6',
    'default.replication.factor=3',
    'min.insync.replicas=2',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'log.retention.hours=168',
    'auto.create.topics.enable=false',
  ].join('\n');
  const kcm = configMap({ namespace: kns, name: 'kafka-configuration', createdAgo: 540 * DAYS, updatedAgo: 33 * DAYS, data: { 'server.properties': serverProps + '\n' } });
  const image = (n: string, v: string) => `${ECR}/fulfillment/${n}:${v}`;
  const consumer = (name: string, v: string, port: number) => ({ containers: [container({ image: image(name, v), ports: [port], memory: '768Mi', env: [{ name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.kafka.svc.cluster.local:9092' }, { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: name }], readiness: httpProbe('/actuator/health/readiness', port), liveness: httpProbe('/actuator/health/liveness', port, { initialDelaySeconds: 40 }) })] });
  const router = deploymentApp({
    namespace: ns, name: 'shipment-router', replicas: 3,
    revisions: [{ revision: 21, createdAgo: 12 * DAYS, changeCause: 'argocd: shipment-router 2.7.3', template: consumer('shipment-router', '2.7.3', 8080) }, { revision: 22, createdAgo: 5 * DAYS, changeCause: 'argocd: shipment-router 2.7.4', template: consumer('shipment-router', '2.7.4', 8080) }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: appNodes[k % 2] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const invoicer = deploymentApp({
    namespace: ns, name: 'label-printer', replicas: 2,
    revisions: [{ revision: 8, createdAgo: 30 * DAYS, changeCause: 'argocd: label-printer 1.3.0', template: consumer('label-printer', '1.3.0', 8080) }],
    pods: [0, 1].map((k) => ({ revision: 8, node: appNodes[k] ?? '', createdAgo: 30 * DAYS - k })),
  });
  const producer = deploymentApp({
    namespace: ns, name: 'fulfillment-api', replicas: 2,
    revisions: [{ revision: 64, createdAgo: 2 * DAYS, changeCause: 'argocd: fulfillment-api 9.1.0', template: consumer('fulfillment-api', '9.1.0', 8080) }],
    pods: [0, 1].map((k) => ({ revision: 64, node: appNodes[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const k2 = podOf(kafka, 2);
  const coord = 'kafka-2.kafka-headless.kafka.svc.cluster.local:9092 (id: 2147483645 rack: null)';
  const consumerLog = (group: string, k: number) => {
    const out = [
      `${at(40.5 - k * 0.01)}  INFO 1 --- [${group}] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-${k + 1}, groupId=${group}] Group coordinator ${coord} is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.`,
      `${at(40.5 - k * 0.01)}  WARN 1 --- [${group}] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : [Consumer clientId=consumer-${group}-${k + 1}, groupId=${group}] Connection to node 2147483645 (kafka-2.kafka-headless.kafka.svc.cluster.local/10.0.122.41:9092) could not be established. Node may not be available.`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 38 - i * 4.7 - k * 0.03;
      out.push(`${at(t)}  INFO 1 --- [${group}] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-${k + 1}, groupId=${group}] Group coordinator lookup failed: The coordinator is not available.`);
      out.push(`${at(t)}  WARN 1 --- [${group}] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-${k + 1}, groupId=${group}] Coordinator discovery failed, refreshing metadata: org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.`);
      out.push(`${at(t - 0.5)}  WARN 1 --- [${group}] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-${k + 1}, groupId=${group}] Offset commit failed on partition ${group === 'shipment-router' ? 'orders.paid' : 'shipments.created'}-${k} at offset ${4_412_900 + k * 311 + i}: The coordinator is not available.`);
    }
    return lines(...out);
  };
  const controllerLog = lines(
    `[${k4j(40.6)}] INFO [Controller id=0] Newly added brokers: , deleted brokers: 2, bounced brokers: , all live brokers: 0,1 (kafka.controller.KafkaController)`,
    `[${k4j(40.6)}] INFO [Controller id=0] Broker failure callback for 2 (kafka.controller.KafkaController)`,
    `[${k4j(40.6)}] INFO [Controller id=0] Updated broker epochs cache: HashMap(0 -> 4294967331, 1 -> 4294967352) (kafka.controller.KafkaController)`,
    ...[7, 17, 29, 38, 44].map((p) => `[${k4j(40.5)}] ERROR [Controller id=0 epoch=14] Controller 0 epoch 14 failed to change state for partition __consumer_offsets-${p} from OfflinePartition to OnlinePartition (state.change.logger)\nkafka.common.StateChangeFailedException: Failed to elect leader for partition __consumer_offsets-${p} under strategy OfflinePartitionLeaderElectionStrategy(false)`),
    `[${k4j(40.5)}] INFO [Controller id=0] Partitions [orders.paid-2,orders.paid-5,shipments.created-1,shipments.created-4] elected new leaders with ISR (kafka.controller.KafkaController)`,
    `[${k4j(30)}] INFO [Controller id=0] Processing automatic preferred replica leader election (kafka.controller.KafkaController)`,
    `[${k4j(5)}] INFO [GroupCoordinator 0]: Member consumer-fulfillment-api-1-3c1e in group fulfillment-api has left, removing it from group (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout70-kafka-offsets-topic-rf1-coordinator',
    class: 'nodes',
    truth: 'The Kafka cluster was created with offsets.topic.replication.factor=1, so every __consumer_offsets partition has a single replica. Node ip-10-0-122-203 stopped reporting 41 minutes ago and broker kafka-2 on it is gone (stuck Terminating); the __consumer_offsets partitions it held went offline with no replica to elect, so the consumer groups coordinated there (shipment-router, label-printer) get COORDINATOR_NOT_AVAILABLE and stopped consuming, while producers keep working through the replicated data topics. Fix: bring kafka-2 back (force-delete the pod so it restarts elsewhere with its volume) and raise the offsets topic\'s replication factor.',
    ask: { service: 'shipment-router', namespace: ns },
    objects: [
      ...nodes, kcm, ...kafka.objects, ...zk.objects, ...router.objects, ...invoicer.objects, ...producer.objects,
      namespace({ name: ns, createdAgo: 500 * DAYS }),
      service({ namespace: kns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], createdAgo: 540 * DAYS }),
      ...exposed({ namespace: kns, name: 'kafka', selector: { app: 'kafka' }, pods: kafka.pods, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092, createdAgo: 540 * DAYS }),
      ...exposed({ namespace: ns, name: 'fulfillment-api', selector: { app: 'fulfillment-api' }, pods: producer.pods }),
      event({ on: { kind: 'Node', name: deadNode }, type: 'Normal', reason: 'NodeNotReady', message: `Node ${deadNode} status is now: NodeNotReady`, firstAgo: 41, lastAgo: 41, component: 'node-controller' }),
      event({ on: k2, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 40.8, lastAgo: 40.8, component: 'node-controller' }),
      event({ on: k2, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${kns}/${nameOf(k2)}`, firstAgo: 35, lastAgo: 35, component: 'taint-eviction-controller' }),
      event({ on: podOf(kafka, 1), type: 'Normal', reason: 'Killing', message: 'Container kafka exceeded its memory limit', firstAgo: 9 * DAYS, lastAgo: 9 * DAYS, fieldPath: 'spec.containers{kafka}' }),
    ],
    logs: [
      ...router.pods.map((p, k) => logsFor(p, 'app', { current: consumerLog('shipment-router', k) })),
      ...invoicer.pods.map((p, k) => logsFor(p, 'app', { current: consumerLog('label-printer', k) })),
      ...producer.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(1.2)}  INFO 1 --- [fulfillment-api] [nio-8080-exec-4] c.a.fulfillment.AccessLog                : POST /v1/shipments 201 23ms`, `${at(0.6)}  INFO 1 --- [fulfillment-api] [nio-8080-exec-7] c.a.fulfillment.AccessLog                : POST /v1/shipments 201 19ms`) })),
      logsFor(podOf(kafka, 0), 'kafka', { current: controllerLog }),
      logsFor(podOf(kafka, 1), 'kafka', { current: lines(`[${k4j(40.5)}] INFO [ReplicaFetcherManager on broker 1] Removed fetcher for partitions Set(orders.paid-5, shipments.created-1) (kafka.server.ReplicaFetcherManager)`, `[${k4j(40.4)}] INFO [Partition orders.paid-5 broker=1] ISR updated to 1,0 and version updated to 41 (kafka.cluster.Partition)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-2|ip-10-0-122-203/, /coordinator|__consumer_offsets|offsets\.topic|replication/i],
      facts: [/__consumer_offsets|COORDINATOR_NOT_AVAILABLE|coordinator/i, /NotReady|Unknown|not ready|stopped posting/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /shipment-router[^\n]*(image|crash)/i],
    },
  };
}

// ---- 5. GKE: a renamed ServiceAccount without the Workload Identity annotation ---------------------------

function gkeWorkloadIdentityMissing(): CorpusScenario {
  const ns = 'media';
  const gke = (pool: string, id: string, zone: string) => node({
    name: `gke-prod-eu-${pool}-${id}`, zone, instanceType: 'e2-standard-8', pool,
    labels: { 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': 'e2', 'iam.gke.io/gke-metadata-server-enabled': 'true', 'cloud.google.com/gke-os-distribution': 'cos' },
  });
  const nodes = [gke('general', '3f1a9c2e-k2vd', 'europe-west1-b'), gke('general', '7b4d0e18-xq9m', 'europe-west1-c'), gke('general', 'c09e5a71-h4tp', 'europe-west1-d')];
  const names = nodes.map(nameOf);
  const repo = 'europe-west1-docker.pkg.dev/acme-media-prod/apps';
  const image = (v: string) => `${repo}/thumbnailer:${v}`;
  const tpl = (v: string, sa: string, chart: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'GOOGLE_CLOUD_PROJECT', value: 'acme-media-prod' },
        { name: 'SOURCE_BUCKET', value: 'acme-media-prod-uploads' },
        { name: 'THUMB_BUCKET', value: 'acme-media-prod-thumbs' },
        { name: 'PUBSUB_SUBSCRIPTION', value: 'projects/acme-media-prod/subscriptions/uploads-thumbnailer' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: sa,
    labels: { 'helm.sh/chart': chart, 'app.kubernetes.io/version': v },
  });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'helm upgrade thumbnailer media-charts/thumbnailer --version 3.4.1', template: tpl('1.19.0', 'thumbnailer', 'thumbnailer-3.4.1') },
      { revision: 13, createdAgo: 37, changeCause: 'helm upgrade thumbnailer media-charts/media-worker --version 1.0.0', template: tpl('1.19.0', 'media-thumbnailer', 'media-worker-1.0.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 13, node: names[1] ?? '', createdAgo: 36.5, containers: { app: running({ sinceAgo: 36.3, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'media-api', names, 3 * HOURS, { revisions: [40, 41], versions: ['4.0.2', '4.0.3'], olderAgo: 14 * DAYS });
  const compute = '418223597510-compute@developer.gserviceaccount.com';
  const freshLog = lines(
    `{"severity":"INFO","time":"${at(36.2)}","message":"thumbnailer starting","version":"1.19.0","project":"acme-media-prod"}`,
    `{"severity":"INFO","time":"${at(36.2)}","message":"credentials","source":"metadata server","account":"${compute}"}`,
    `{"severity":"ERROR","time":"${at(36.1)}","message":"readiness: bucket check failed","bucket":"acme-media-prod-thumbs","error":"googleapi: Error 403: ${compute} does not have storage.buckets.get access to the Google Cloud Storage bucket. Permission 'storage.buckets.get' denied on resource (or it may not exist)., forbidden"}`,
    `{"severity":"ERROR","time":"${at(35.9)}","message":"receive failed","subscription":"projects/acme-media-prod/subscriptions/uploads-thumbnailer","error":"rpc error: code = PermissionDenied desc = User not authorized to perform this action."}`,
    ...[30, 22, 14, 7, 1].map((t) => `{"severity":"ERROR","time":"${at(t)}","message":"readiness: bucket check failed","bucket":"acme-media-prod-thumbs","error":"googleapi: Error 403: ${compute} does not have storage.buckets.get access to the Google Cloud Storage bucket. Permission 'storage.buckets.get' denied on resource (or it may not exist)., forbidden"}`),
    `{"severity":"ERROR","time":"${at(0.8)}","message":"receive failed","subscription":"projects/acme-media-prod/subscriptions/uploads-thumbnailer","error":"rpc error: code = PermissionDenied desc = User not authorized to perform this action."}`,
  );
  const okLog = (k: number) => lines(
    `{"severity":"INFO","time":"${at(2 + k * 0.2)}","message":"thumbnail written","object":"gs://acme-media-prod-thumbs/u/${88120 + k}/cover_512.webp","source":"gs://acme-media-prod-uploads/u/${88120 + k}/cover.jpg","ms":${410 + k * 23}}`,
    `{"severity":"INFO","time":"${at(1 + k * 0.2)}","message":"message acked","subscription":"projects/acme-media-prod/subscriptions/uploads-thumbnailer","id":"${1177300 + k}"}`,
  );
  return {
    id: 'heldout70-gke-workload-identity-annotation-missing',
    class: 'config',
    truth: 'Revision 13 of thumbnailer came from the chart\'s rename to media-worker, which created a new Kubernetes ServiceAccount media-thumbnailer without the iam.gke.io/gcp-service-account annotation (and without the roles/iam.workloadIdentityUser binding). Its pods therefore get the node\'s default identity (418223597510-compute@developer.gserviceaccount.com), which has no access to the buckets or the subscription: GCS answers 403 storage.buckets.get and Pub/Sub PermissionDenied, the readiness check fails and the rollout is stuck while revision 12 (ServiceAccount thumbnailer) keeps working. Fix: annotate and bind the new ServiceAccount (or keep the old name).',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 36.6),
      ...startedNormally(fresh, 'app', image('1.19.0'), 36.5),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 218, firstAgo: 36, lastAgo: 0.1 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/media-thumbnailer|service ?account|workload identity|iam\.gke\.io|compute@developer/i],
      facts: [/compute@developer\.gserviceaccount\.com|storage\.buckets\.get|PermissionDenied|403/, /media-thumbnailer/],
      never: [/\bOOM/, /ImagePull/i, /network ?polic/i, /liveness/i],
    },
  };
}

// ---- 6. an ISTIO_MUTUAL DestinationRule broadened onto a service outside the mesh ----------------------

function istioMutualToPlaintext(): CorpusScenario {
  const ns = 'ledger';
  const lns = 'legacy';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '101', '222']);
  const proxyImg = 'docker.io/istio/proxyv2:1.23.2';
  const sidecarStatus = JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], volumes: ['workload-socket', 'credential-socket', 'workload-certs', 'istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'], imagePullSecrets: null, revision: 'default' });
  const proxy = container({ name: 'istio-proxy', image: proxyImg, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'], ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null });
  const init = container({ name: 'istio-init', image: proxyImg, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'], ports: [], cpu: '100m', memory: '128Mi', readiness: null, liveness: null });
  const image = (v: string) => `${ECR}/ledger/ledger-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], memory: '768Mi', env: [{ name: 'RATES_URL', value: 'http://rates-gateway.legacy.svc.cluster.local:8080' }, { name: 'RATES_TIMEOUT', value: '2s' }], readiness: httpProbe('/app-health/app/readyz', 15020), liveness: httpProbe('/app-health/app/livez', 15020, { initialDelaySeconds: 10 }) }), proxy],
    initContainers: [init],
    annotations: { 'sidecar.istio.io/status': sidecarStatus, 'kubectl.kubernetes.io/default-container': 'app', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true', 'istio.io/rev': 'default' },
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'ledger-api', 'service.istio.io/canonical-revision': v },
  });
  const app = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 70, createdAgo: 11 * DAYS, changeCause: 'argocd: ledger-api 6.3.0', template: tpl('6.3.0') },
      { revision: 71, createdAgo: 2 * DAYS, changeCause: 'argocd: ledger-api 6.3.1', template: tpl('6.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 71, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const rimg = `${ECR}/legacy/rates-gateway:2019.4.7`;
  const rates = statefulSetApp({
    namespace: lns, name: 'rates-gateway', replicas: 2, serviceName: 'rates-gateway', createdAgo: 900 * DAYS,
    revisions: [{ revision: 6, createdAgo: 400 * DAYS, template: { containers: [container({ name: 'tomcat', image: rimg, ports: [8080], memory: '2Gi', readiness: httpProbe('/rates/health', 8080), liveness: tcpProbe(8080, { initialDelaySeconds: 60 }) })], annotations: { 'sidecar.istio.io/inject': 'false' } } }],
    pods: [0, 1].map((i) => ({ revision: 6, ordinal: i, node: names[i + 1] ?? '', createdAgo: 61 * DAYS - i })),
  });
  const other = bystander(ns, 'ledger-export', names, 50, { revisions: [14, 15], versions: ['2.2.0', '2.2.1'], olderAgo: 25 * DAYS });
  const ratesIps = rates.pods.map((p) => p.status?.podIP ?? '10.0.0.1');
  const tlsErr = 'TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end';
  const envoyLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 38 - i * 4 - k * 0.07;
      out.push(`[${at(t)}] "GET /rates/v1/fx/EUR-USD HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{connection_failure,${tlsErr.replace(/ /g, '_')}} - "${tlsErr}" 0 190 ${3 + (i % 3)} - "-" "ledger-api/6.3.1" "${['3f9a', '7c21', 'b0e4', '19d2'][i % 4]}c2d1-8e5b-4f0a-9b6c-2a1e7d${k}${i}f4e90" "rates-gateway.legacy.svc.cluster.local:8080" "${ratesIps[i % 2]}:8080" outbound|8080||rates-gateway.legacy.svc.cluster.local - 172.20.118.9:8080 ${app.pods[k]?.status?.podIP ?? ''}:${51200 + i * 37} - default`);
    }
    out.push(`[${at(0.5 + k * 0.1)}] "POST /v2/journal HTTP/1.1" 201 - via_upstream - "-" 412 96 18 17 "-" "checkout/8.2.0" "e1d40c2b-7f13-4b9e-a0c5-33b19${k}d7a201" "ledger-api.ledger.svc.cluster.local" "${app.pods[k]?.status?.podIP ?? ''}:8080" inbound|8080|| 127.0.0.6:44021 ${app.pods[k]?.status?.podIP ?? ''}:8080 10.0.41.9:50114 outbound_.80_._.ledger-api.ledger.svc.cluster.local default`);
    return lines(...out);
  };
  const appLog = (k: number) => lines(
    ...[37, 28, 19, 9, 2].map((t) => `{"level":"error","ts":"${at(t - k * 0.05)}","logger":"rates","msg":"fx lookup failed","pair":"EUR-USD","url":"http://rates-gateway.legacy.svc.cluster.local:8080/rates/v1/fx/EUR-USD","status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: ${tlsErr}"}`),
    `{"level":"warn","ts":"${at(1.5)}","logger":"http","msg":"request","method":"POST","path":"/v2/transfers","status":502,"duration_ms":9,"error":"fx rate unavailable for EUR-USD"}`,
    `{"level":"info","ts":"${at(0.5)}","logger":"http","msg":"request","method":"POST","path":"/v2/journal","status":201,"duration_ms":17}`,
  );
  const tomcatLog = (i: number) => lines(
    ...[36, 21, 6].map((t) => `${tcTime(t + i * 0.2)} INFO [http-nio-8080-exec-${3 + i}] org.apache.coyote.http11.Http11Processor.service Error parsing HTTP request header\n Note: further occurrences of HTTP request parsing errors will be logged at DEBUG level.\n\tjava.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x01fc0x030x03...]. HTTP method names must be tokens`),
    `${tcTime(0.7)} INFO [http-nio-8080-exec-1] com.acme.rates.HealthServlet.doGet health ok (feed age 41s)`,
  );
  const ratesNs = namespace({ name: lns, createdAgo: 900 * DAYS, labels: { 'istio-injection': 'disabled', team: 'treasury-legacy' } });
  const ledgerNs = namespace({ name: ns, createdAgo: 700 * DAYS, labels: { 'istio-injection': 'enabled' } });
  const meshCm = configMap({ namespace: 'istio-system', name: 'istio', createdAgo: 300 * DAYS, data: { mesh: 'accessLogFile: /dev/stdout\ndefaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n  holdApplicationUntilProxyStarts: true\nenableAutoMtls: true\nrootNamespace: istio-system\ntrustDomain: cluster.local\n', meshNetworks: 'networks: {}' } });
  return {
    id: 'heldout70-istio-destinationrule-mutual-to-external',
    class: 'network',
    truth: 'A mesh-wide DestinationRule with trafficPolicy.tls.mode ISTIO_MUTUAL was broadened 40 minutes ago to host *.svc.cluster.local, so it now also applies to rates-gateway in the legacy namespace, which runs without an Istio sidecar (istio-injection disabled) and speaks plain HTTP. ledger-api\'s envoy opens TLS to the plaintext Tomcat port, the handshake fails (WRONG_VERSION_NUMBER) and every FX lookup returns 503 UF, so transfers fail with 502. Fix: exclude the non-mesh host (tls mode DISABLE for rates-gateway) or narrow the rule back.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ratesNs, ledgerNs, meshCm, ...app.objects, ...rates.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: lns, name: 'rates-gateway', selector: { app: 'rates-gateway' }, pods: rates.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }], clusterIP: '172.20.118.9', createdAgo: 900 * DAYS }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 50),
      event({ on: { kind: 'Application', name: 'mesh-defaults', namespace: 'argocd' }, type: 'Normal', reason: 'OperationStarted', message: 'Initiated automated sync to \'4e7c1a9d2b\'', firstAgo: 40.3, lastAgo: 40.3, component: 'argocd-application-controller' }),
      event({ on: { kind: 'Application', name: 'mesh-defaults', namespace: 'argocd' }, type: 'Normal', reason: 'OperationCompleted', message: 'Sync operation to 4e7c1a9d2b succeeded', firstAgo: 40.1, lastAgo: 40.1, component: 'argocd-application-controller' }),
      event({ on: podOf(rates, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ratesIps[1]}:8080/rates/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{tomcat}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: envoyLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...rates.pods.map((p, i) => logsFor(p, 'tomcat', { current: tomcatLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rates-gateway|legacy/, /TLS|mTLS|ISTIO_MUTUAL|DestinationRule|WRONG_VERSION_NUMBER|sidecar|istio/i],
      facts: [/WRONG_VERSION_NUMBER/, /istio-proxy|sidecar|istio-injection/i],
      never: [/\bOOM/, /certificate[^\n]*expir/i, ADVISES_ROLLBACK, /ledger-export/],
    },
  };
}

// ---- 7. healthy control: a Rails 7.1 app printing DEPRECATION WARNINGs ----------------------------------

function healthyRailsDeprecations(): CorpusScenario {
  const ns = 'community';
  const { nodes, names } = threeEksNodes('10.0.208', ['9', '141', '230']);
  const image = (v: string) => `${ECR}/community/forum-web:${v}`;
  const tpl = (v: string) => ({ containers: [container({ name: 'web', image: image(v), command: ['./bin/thrust'], args: ['./bin/rails', 'server'], ports: [3000], cpu: '500m', memory: '1Gi', env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'RAILS_MASTER_KEY', valueFrom: { secretKeyRef: { name: 'forum-web-rails', key: 'master_key' } } }, { name: 'WEB_CONCURRENCY', value: '2' }, { name: 'RAILS_MAX_THREADS', value: '5' }], readiness: httpProbe('/up', 3000, { periodSeconds: 5 }), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'forum-web', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: forum-web 2026.11.12-1 (rails 7.0.8)', template: tpl('2026.11.12-1') },
      { revision: 34, createdAgo: 6 * HOURS, changeCause: 'argocd: forum-web 2026.11.20-3 (rails 7.1.5)', template: tpl('2026.11.20-3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 6 * HOURS - k * 1.5 })),
  });
  const worker = deploymentApp({ namespace: ns, name: 'forum-jobs', replicas: 1, revisions: [{ revision: 20, createdAgo: 6 * HOURS, changeCause: 'argocd: forum-web 2026.11.20-3 (rails 7.1.5)', template: { containers: [container({ name: 'jobs', image: image('2026.11.20-3'), command: ['./bin/jobs'], ports: [], readiness: null, liveness: null })] } }], pods: [{ revision: 20, node: names[0] ?? '', createdAgo: 6 * HOURS }] });
  const boot = (m: number, pid: number) => [
    `DEPRECATION WARNING: \`Rails.application.secrets\` is deprecated in favor of \`Rails.application.credentials\` and will be removed in Rails 7.2. (called from <main> at /rails/config/initializers/omniauth.rb:4)`,
    `DEPRECATION WARNING: Defining enums with keyword arguments is deprecated and will be removed`,
    `in Rails 8.0. Positional arguments should be used instead:`,
    '',
    `enum :status, {:draft=>0, :published=>1, :hidden=>2}`,
    ` (called from <class:Topic> at /rails/app/models/topic.rb:9)`,
    `DEPRECATION WARNING: Support for \`config.active_support.cache_format_version = 6.1\` has been deprecated and will be removed in Rails 7.2.`,
    '',
    'Check the Rails upgrade guide at https://guides.rubyonrails.org/upgrading_ruby_on_rails.html#new-activesupport-cache-serialization-format',
    'for more information on how to upgrade.',
    ` (called from <main> at /rails/config/environment.rb:5)`,
    `[1] Puma starting in cluster mode...`,
    `[1] * Puma version: 6.4.3 (ruby 3.3.6-p108) ("The Eagle of Durango")`,
    `[1] *  Min threads: 5`,
    `[1] *  Max threads: 5`,
    `[1] *  Environment: production`,
    `[1] *   Master PID: 1`,
    `[1] *      Workers: 2`,
    `[1] *     Restarts: (✔) hot (✖) phased`,
    `[1] * Preloading application`,
    `[1] * Listening on http://0.0.0.0:3000`,
    `[1] Use Ctrl-C to stop`,
    `[1] - Worker 0 (PID: ${pid}) booted in 0.02s, phase: 0`,
    `[1] - Worker 1 (PID: ${pid + 4}) booted in 0.02s, phase: 0`,
    `I, [${rbTime(m)} #${pid}]  INFO -- : [2c1b7e90-4a1d-4f7e-b3c2-90d1e5a7f0${pid}] Started GET "/up" for 10.0.208.9 at ${at(m).slice(0, 19).replace('T', ' ')} +0000`,
  ];
  const reqs = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 9 - i * 1.5 - k * 0.1;
      const rid = `8f${k}${i}c2e1-5b7a-4d0e-9c1f-3a6e2b${k}d${i}0a1`;
      const pid = 12 + (i % 2) * 4;
      out.push(`I, [${rbTime(t)} #${pid}]  INFO -- : [${rid}] Started POST "/t/${4410 + i * 7}/replies" for 10.0.${40 + k}.${17 + i} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`);
      out.push(`I, [${rbTime(t)} #${pid}]  INFO -- : [${rid}] Processing by RepliesController#create as TURBO_STREAM`);
      if (i % 2 === 0) out.push(`W, [${rbTime(t - 0.001)} #${pid}]  WARN -- : [${rid}] DEPRECATION WARNING: Using \`return\`, \`break\` or \`throw\` to exit a transaction block is deprecated without replacement. If the \`throw\` came from \`Timeout.timeout(duration)\`, pass an exception class as a second argument so it doesn't use \`throw\` to abort its block. This results in the transaction being committed, but in the next release of Rails it will rollback. (called from block in create at /rails/app/controllers/replies_controller.rb:18)`);
      out.push(`I, [${rbTime(t - 0.002)} #${pid}]  INFO -- : [${rid}] Completed 200 OK in ${38 + i * 5}ms (Views: ${12 + i}.4ms | ActiveRecord: ${9 + i}.1ms (${6 + i} queries, 0 cached) | GC: 0.9ms)`);
      out.push(`I, [${rbTime(t - 0.3)} #${pid}]  INFO -- : [${rid.replace('8f', '1a')}] Started GET "/latest" for 10.0.${40 + k}.${90 + i} at ${at(t - 0.3).slice(0, 19).replace('T', ' ')} +0000`);
      out.push(`I, [${rbTime(t - 0.301)} #${pid}]  INFO -- : [${rid.replace('8f', '1a')}] Completed 200 OK in ${21 + i}ms (Views: 14.0ms | ActiveRecord: 4.2ms (3 queries, 1 cached) | GC: 0.0ms)`);
    }
    return out;
  };
  return {
    id: 'heldout70-healthy-rails-deprecation-warnings',
    class: 'healthy',
    truth: 'forum-web rolled out Rails 7.1.5 six hours ago (revision 34); since then it prints Rails 7.1 DEPRECATION WARNINGs at boot (Rails.application.secrets, enum keyword arguments, cache_format_version 6.1) and on some replies (exiting a transaction block with return). They are upgrade to-dos for Rails 7.2/8.0, not errors: all three pods are ready, requests answer 200, nothing is failing.',
    ask: { service: 'forum-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'forum-web', selector: { app: 'forum-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 6 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 6 * HOURS - 4),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'web', image('2026.11.20-3'), 6 * HOURS - k * 1.5)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'web', { current: lines(...boot(6 * HOURS - k * 1.5 - 0.3, 12), ...reqs(k)) })),
      logsFor(podOf(worker, 0), 'jobs', { current: lines(`DEPRECATION WARNING: \`Rails.application.secrets\` is deprecated in favor of \`Rails.application.credentials\` and will be removed in Rails 7.2. (called from <main> at /rails/config/initializers/omniauth.rb:4)`, `I, [${rbTime(3)} #1]  INFO -- : [ActiveJob] [DigestMailerJob] [b1e0] Performed DigestMailerJob (Job ID: 0c8e9f2a-77d1-4a3b-9e05-5f1d2c3b4a60) from SolidQueue(mailers) in 412.33ms`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|running|ready|fine/i],
      facts: [/forum-web/],
      never: [/deprecat[^\n]*(caus|fail|broke|crash)/i, ADVISES_ROLLBACK, /rails 7\.1[^\n]*(caus|broke)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kafkaScramMechanismMismatch(),
  railsMasterKeyMismatch(),
  s3MultipartTooManyParts(),
  offsetsTopicSingleReplica(),
  gkeWorkloadIdentityMissing(),
  istioMutualToPlaintext(),
  healthyRailsDeprecations(),
];
