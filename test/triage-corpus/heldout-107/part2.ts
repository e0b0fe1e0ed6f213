// Held-out stories, round 107, part two: an orders API whose MongoDB URI pins one replica-set
// member with directConnection=true, so after a routine mongod rollout moved the primary to
// orders-mongo-1 every write fails with NotWritablePrimary; a RabbitMQ consumer whose new revision
// declares its existing classic queue as a quorum queue, so the broker closes the channel with
// PRECONDITION_FAILED (inequivalent arg 'x-queue-type') and the worker crash-loops; (probes) a
// Celery worker whose new exec liveness probe (`celery inspect ping`) never finishes within the
// default 1-second timeout, so the kubelet kills every worker mid-task; (scheduling) a metrics
// gateway whose new revision asks for hostPort 8125/UDP that the Datadog agent DaemonSet already
// holds on every node; (storage) a Postgres whose data volume's filesystem went read-only, so
// postgres cannot even create postmaster.pid; (nodes) a node whose kubelet reports NotReady
// because PLEG is not healthy (the container runtime stopped answering relists); and a healthy
// control: an HPA that scaled a storefront down 6 → 3 four minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, container, crashLoop, daemonSetApp, deploymentApp, epochMs, event, execProbe, exposed,
  failedScheduling, hpa, httpProbe, nameOf, node, notTriggerScaleUp, probeFailed, probeKilling, pyTime, restartedAgain,
  pulledFresh, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe, boundClaim, nodeEvent,
  ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** mongod's structured log time: `2026-11-21T02:40:12.345+00:00`. */
const mongoTime = (minutes: number): string => at(minutes).replace('Z', '+00:00');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** RabbitMQ's log time: `2026-11-21 03:12:41.563412+00:00`. */
const rmqTime = (minutes: number): string => `${at(minutes).replace('T', ' ').replace('Z', '')}412+00:00`;

function stsEvent(sts: string, ns: string, reason: string, message: string, atAgo: number): k8s.CoreV1Event {
  return event({ on: { kind: 'StatefulSet', name: sts, namespace: ns }, type: 'Normal', reason, message, firstAgo: atAgo, lastAgo: atAgo, component: 'statefulset-controller' });
}

// ---- 1. MongoDB URI pinned to one member with directConnection=true, primary moved -------------

function mongoDirectConnectionNotPrimary(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '97', '203']);
  const mongoImage = (v: string) => `docker.io/library/mongo:${v}`;
  const host = (i: number) => `orders-mongo-${i}.orders-mongo.orders.svc.cluster.local:27017`;
  const mongoTpl = (v: string) => ({
    containers: [container({
      name: 'mongod', image: mongoImage(v), args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '1.5'],
      ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"], { timeoutSeconds: 5 }),
      liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })],
  });
  const mongo = statefulSetApp({
    namespace: ns, name: 'orders-mongo', replicas: 3, serviceName: 'orders-mongo',
    revisions: [
      { revision: 2, createdAgo: 96 * DAYS, template: mongoTpl('7.0.12') },
      { revision: 3, createdAgo: 38, template: mongoTpl('7.0.14') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 33 },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 35.5 },
      { revision: 3, ordinal: 2, node: names[2] ?? '', createdAgo: 37.5 },
    ],
    currentRevision: 3,
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-orders-mongo-${i}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 96 * DAYS }));
  const uri = `mongodb://${host(0)}/orders?directConnection=true&authSource=admin&retryWrites=true&w=majority`;
  const apiImage = `${ECR}/orders/orders-api:3.18.2`;
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 23 * DAYS, changeCause: 'argocd: orders-api 3.18.1', template: { containers: [container({ image: `${ECR}/orders/orders-api:3.18.1`, ports: [8080], memory: '512Mi', env: [{ name: 'MONGODB_URI', value: uri }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/health/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) })] } },
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 3.18.2', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi', env: [{ name: 'MONGODB_URI', value: uri }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/health/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 9 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS - k - 0.5, ready: false }) } })),
    settled: { available: false, availableSince: 32, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const other = bystander(ns, 'orders-notifier', names, 52, { revisions: [18, 19], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 30 - i * 3 - k * 0.2;
      out.push(`{"level":30,"time":${epochMs(t + 0.05)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${k}${i}a","req":{"method":"GET","url":"/v1/orders/ORD-${88120 + i * 7 + k}"},"res":{"statusCode":200},"responseTime":${7 + i},"msg":"request completed"}`);
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${k}${i}b","err":{"type":"MongoServerError","message":"not primary","stack":"MongoServerError: not primary\\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:30)\\n    at MessageStream.<anonymous> (/app/node_modules/mongodb/lib/cmap/connection.js:61:60)","errorLabels":[],"code":10107,"codeName":"NotWritablePrimary"},"msg":"POST /v1/orders failed"}`);
      out.push(`{"level":30,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${k}${i}b","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":500},"responseTime":${4 + i},"msg":"request completed"}`);
      out.push(`{"level":40,"time":${epochMs(t - 0.5)},"pid":1,"hostname":"${nameOf(p)}","msg":"readiness: mongo not writable","hello":{"isWritablePrimary":false,"secondary":true,"setName":"rs0","me":"${host(0)}","primary":"${host(1)}"}}`);
    }
    return lines(...out);
  };
  const fieldPath = 'spec.containers{mongod}';
  const [m0, m1, m2] = [podOf(mongo, 0), podOf(mongo, 1), podOf(mongo, 2)];
  return {
    id: 'heldout107-mongo-direct-connection-not-primary',
    class: 'config',
    truth: 'orders-api connects with MONGODB_URI=mongodb://orders-mongo-0…/orders?directConnection=true, which pins the driver to one replica-set member instead of discovering the set. When the MongoDB 7.0.14 patch rollout (orders-mongo revision 3, 38 minutes ago) restarted orders-mongo-0, the old primary stepped down and orders-mongo-1 won the election; orders-mongo-0 came back as a SECONDARY, and since then every write of orders-api is rejected with "not primary" (NotWritablePrimary, 10107) and its readiness check fails. MongoDB is healthy; the fix is a replica-set URI (all members, replicaSet=rs0, no directConnection), not a rollback of orders-api.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'orders-mongo', selector: { app: 'orders-mongo' }, pods: mongo.pods, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'orders-notifier', selector: { app: 'orders-notifier' }, pods: other.pods }),
      stsEvent('orders-mongo', ns, 'SuccessfulDelete', 'delete Pod orders-mongo-2 in StatefulSet orders-mongo successful', 37.8),
      stsEvent('orders-mongo', ns, 'SuccessfulCreate', 'create Pod orders-mongo-2 in StatefulSet orders-mongo successful', 37.5),
      stsEvent('orders-mongo', ns, 'SuccessfulDelete', 'delete Pod orders-mongo-1 in StatefulSet orders-mongo successful', 35.8),
      stsEvent('orders-mongo', ns, 'SuccessfulCreate', 'create Pod orders-mongo-1 in StatefulSet orders-mongo successful', 35.5),
      stsEvent('orders-mongo', ns, 'SuccessfulDelete', 'delete Pod orders-mongo-0 in StatefulSet orders-mongo successful', 33.3),
      stsEvent('orders-mongo', ns, 'SuccessfulCreate', 'create Pod orders-mongo-0 in StatefulSet orders-mongo successful', 33),
      ...[m0, m1, m2].flatMap((p, i) => {
        const t = [33, 35.5, 37.5][i] ?? 33;
        return [
          ...pulledFresh(p, 'mongod', mongoImage('7.0.14'), { atAgo: t, bytes: 263118940, seconds: 6.812 }),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container mongod', firstAgo: t - 0.15, lastAgo: t - 0.15, fieldPath }),
          event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container mongod', firstAgo: t - 0.15, lastAgo: t - 0.15, fieldPath }),
        ];
      }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 190 - k, firstAgo: 32.6 - k * 0.1, lastAgo: 0.1 + k * 0.1 })),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(m0, 'mongod', { current: lines(
        `{"t":{"$date":"${mongoTime(32.9)}"},"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"7.0.14","gitVersion":"ce59cfc6a3c5e5c067dca0d30697edd68d4f5188"}}}`,
        `{"t":{"$date":"${mongoTime(32.8)}"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"STARTUP2","oldState":"STARTUP"}}`,
        `{"t":{"$date":"${mongoTime(32.7)}"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"RECOVERING","oldState":"STARTUP2"}}`,
        `{"t":{"$date":"${mongoTime(32.6)}"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-1","msg":"Replica set state transition","attr":{"newState":"SECONDARY","oldState":"RECOVERING"}}`,
        `{"t":{"$date":"${mongoTime(32.5)}"},"s":"I","c":"REPL","id":21401,"ctx":"ReplCoord-1","msg":"Member is in new state","attr":{"hostAndPort":"${host(1)}","newState":"PRIMARY"}}`,
        `{"t":{"$date":"${mongoTime(1.2)}"},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.31.77:51822","connectionCount":64}}`,
      ) }),
      logsFor(m1, 'mongod', { current: lines(
        `{"t":{"$date":"${mongoTime(33.25)}"},"s":"I","c":"REPL","id":21401,"ctx":"ReplCoord-7","msg":"Member is in new state","attr":{"hostAndPort":"${host(0)}","newState":"SECONDARY"}}`,
        `{"t":{"$date":"${mongoTime(33.2)}"},"s":"I","c":"ELECTION","id":21450,"ctx":"ReplCoord-8","msg":"Election succeeded, assuming primary role","attr":{"term":14}}`,
        `{"t":{"$date":"${mongoTime(33.2)}"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-8","msg":"Replica set state transition","attr":{"newState":"PRIMARY","oldState":"SECONDARY"}}`,
        `{"t":{"$date":"${mongoTime(33.1)}"},"s":"I","c":"REPL","id":21331,"ctx":"OplogApplier-0","msg":"Transition to primary complete; database writes are now permitted","attr":{"term":14}}`,
      ) }),
      ...healthyNotifierLogs(other),
    ],
    expect: {
      verdict: 'problems',
      headline: [/directConnection|not (writable )?primary|NotWritablePrimary|secondary|orders-mongo-0/i],
      facts: [/directConnection/i, /orders-mongo-1|new primary|failover|election|stepped down|secondary/i, /NotWritablePrimary|not primary|10107/i],
      never: [/\bOOM/, /orders-api[^\n]*roll ?back|roll ?back[^\n]*orders-api|undo[^\n]*orders-api/i, /orders-mongo[^\n]*\b(is down|unreachable|not running|crash)/i],
    },
  };
}

function healthyNotifierLogs(app: Built): ReturnType<typeof logsFor>[] {
  return app.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2.1)}","msg":"sent notification","channel":"email","order":"ORD-88131"}`, `{"level":"info","ts":"${at(0.7)}","msg":"sent notification","channel":"sms","order":"ORD-88140"}`) }));
}

// ---- 2. RabbitMQ consumer redeclares its classic queue as a quorum queue -----------------------

function rabbitInequivalentQueueType(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.12', ['7', '140', '66']);
  const image = (v: string) => `${ECR}/billing/invoice-worker:${v}`;
  const env = (quorum: boolean): k8s.V1EnvVar[] => [
    { name: 'RABBITMQ_URL', valueFrom: { secretKeyRef: { name: 'invoice-worker-amqp', key: 'url' } } },
    { name: 'QUEUE_NAME', value: 'invoices.generate' },
    { name: 'PREFETCH', value: '16' },
    ...(quorum ? [{ name: 'QUEUE_TYPE', value: 'quorum' }] : []),
  ];
  const tpl = (v: string, quorum: boolean) => ({ containers: [container({ name: 'worker', image: image(v), command: ['python', '-m', 'invoice_worker'], env: env(quorum), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '200m', memory: '384Mi', readiness: null, liveness: null })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-worker', replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-worker 1.9.3', template: tpl('1.9.3', false) },
      { revision: 15, createdAgo: 18, changeCause: 'argocd: invoice-worker 1.10.0', template: tpl('1.10.0', true) },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 14, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 15, node: names[1] ?? '', createdAgo: 17.8, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 2 }, 8) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 17.8, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 2 }, 8) } },
    ],
  });
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-nodes',
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '500m', memory: '2Gi', readiness: tcpProbe('amqp'), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { timeoutSeconds: 15, periodSeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 20 * DAYS - i * 3 })),
  });
  const rmqClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-rabbitmq-${i}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 61 * DAYS }));
  const other = bystander(ns, 'billing-api', names, 75, { revisions: [62, 63], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const [p3, p4] = [podOf(app, 3), podOf(app, 4)];
  const reason = "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'invoices.generate' in vhost 'billing': received the value 'quorum' of type 'longstr' but current is none";
  const crashRun = (t: number, p: k8s.V1Pod) => lines(
    `${pyTime(t)} INFO [invoice_worker.main] invoice-worker 1.10.0 starting (queue=invoices.generate, queue_type=quorum, prefetch=16)`,
    `${pyTime(t - 0.005)} INFO [pika.adapters.utils.connection_workflow] Pika version 1.3.2 connecting to ('172.20.88.14', 5672)`,
    `${pyTime(t - 0.006)} INFO [pika.adapters.utils.io_services_utils] Socket connected: <socket.socket fd=6, family=2, type=1, proto=6, laddr=('${p.status?.podIP ?? ''}', 48212), raddr=('172.20.88.14', 5672)>`,
    `${pyTime(t - 0.008)} INFO [pika.adapters.blocking_connection] Created channel=1`,
    `${pyTime(t - 0.009)} WARNING [pika.channel] Received remote Channel.Close (406): "${reason}" on <Channel number=1 OPEN conn=<SelectConnection OPEN transport=<pika.adapters.utils.io_services_utils._AsyncPlaintextTransport object at 0x7f3c2a1b9d90> params=<URLParameters host=rabbitmq.billing.svc.cluster.local port=5672 virtual_host=billing ssl=False>>>`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/runpy.py", line 198, in _run_module_as_main',
    '  File "/app/invoice_worker/__main__.py", line 4, in <module>',
    '    main()',
    '  File "/app/invoice_worker/main.py", line 58, in main',
    '    channel.queue_declare(queue=cfg.queue_name, durable=True, arguments=queue_arguments(cfg))',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 2522, in queue_declare',
    '    self._flush_output(declare_ok_result.is_ready)',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 1353, in _flush_output',
    '    raise self._closing_reason  # pylint: disable=E0702',
    `pika.exceptions.ChannelClosedByBroker: (406, "${reason}")`,
  );
  const oldLogs = (p: k8s.V1Pod, k: number) => logsFor(p, 'worker', { current: lines(
    `${pyTime(3.2 - k * 0.1)} INFO [invoice_worker.handler] generated invoice INV-2026-${41820 + k * 3} for account acc_${7712 + k} in 812ms`,
    `${pyTime(1.1 - k * 0.1)} INFO [invoice_worker.handler] generated invoice INV-2026-${41827 + k * 3} for account acc_${7790 + k} in 640ms`,
  ) });
  return {
    id: 'heldout107-rabbitmq-inequivalent-queue-type',
    class: 'rollout',
    truth: 'invoice-worker revision 15 (1.10.0, 18 minutes ago) sets QUEUE_TYPE=quorum, so on startup it declares invoices.generate with x-queue-type=quorum; the queue already exists on the broker as a classic queue, so RabbitMQ refuses the declaration with PRECONDITION_FAILED (406, inequivalent arg \'x-queue-type\'), closes the channel and the worker exits 1, crash-looping. The three revision-14 pods keep consuming, so the rollout is stuck. RabbitMQ is healthy. Fix: roll back / drop QUEUE_TYPE, or migrate to a new quorum queue (a queue\'s type cannot be changed in place).',
    ask: { service: 'invoice-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rmq.objects, ...rmqClaims, ...other.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672, clusterIP: '172.20.88.14' }),
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, pods: rmq.pods, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'cluster-rpc', port: 25672, targetPort: 25672 }], endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 3, 4, 18),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 2, 1, 18),
      ...[p3, p4].flatMap((p, k) => [
        scheduled(p, 17.8),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('1.10.0')}"`, firstAgo: 17.7, lastAgo: 17.7, fieldPath: 'spec.containers{worker}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('1.10.0')}" in 3.104s (3.104s including waiting). Image size: 61882310 bytes.`, firstAgo: 17.6, lastAgo: 17.6, fieldPath: 'spec.containers{worker}' }),
        ...restartedAgain(p, 'worker', image('1.10.0'), { count: 8, firstAgo: 17.6, lastAgo: 1.4 - k * 0.5 }),
        backOff(p, 'worker', { count: 74, firstAgo: 17.4 }),
      ]),
    ],
    logs: [
      logsFor(p3, 'worker', { previous: crashRun(1.4 + 2 / 60, p3) }),
      logsFor(p4, 'worker', { previous: crashRun(0.9 + 2 / 60, p4) }),
      ...[0, 1, 2].map((k) => oldLogs(podOf(app, k), k)),
      logsFor(podOf(rmq, 0), 'rabbitmq', { current: lines(
        `${rmqTime(1.38)} [error] <0.31254.0> Channel error on connection <0.31241.0> (${p3.status?.podIP ?? ''}:48212 -> ${podOf(rmq, 0).status?.podIP ?? ''}:5672, vhost: 'billing', user: 'invoice-worker'), channel 1:`,
        `${rmqTime(1.38)} [error] <0.31254.0> operation queue.declare caused a channel exception precondition_failed: inequivalent arg 'x-queue-type' for queue 'invoices.generate' in vhost 'billing': received the value 'quorum' of type 'longstr' but current is none`,
        `${rmqTime(1.37)} [info] <0.31241.0> closing AMQP connection <0.31241.0> (${p3.status?.podIP ?? ''}:48212 -> ${podOf(rmq, 0).status?.podIP ?? ''}:5672, vhost: 'billing', user: 'invoice-worker')`,
        `${rmqTime(0.6)} [info] <0.31502.0> accepting AMQP connection <0.31502.0> (10.0.5.31:40122 -> ${podOf(rmq, 0).status?.podIP ?? ''}:5672)`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x-queue-type|inequivalent|PRECONDITION_FAILED|quorum|queue type/i, /revision 15|1\.10\.0|QUEUE_TYPE/i],
      facts: [/invoices\.generate/, /quorum|classic|QUEUE_TYPE/i, /406|PRECONDITION_FAILED|inequivalent/i],
      never: [/\bOOM/, /rabbitmq[^\n]*\b(is down|unreachable|not running|unavailable)|connection refused/i, /ACCESS_REFUSED|credential|authentication fail/i],
    },
  };
}

// ---- 3. (probes) a Celery exec liveness probe that always outlasts timeoutSeconds: 1 -----------

function celeryInspectPingProbeTimeout(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.58', ['19', '121', '240']);
  const image = (v: string) => `${ECR}/media/thumbnail-worker:${v}`;
  const cmd = ['sh', '-c', 'celery -A thumbs inspect ping -d celery@$HOSTNAME'];
  const tpl = (v: string, probe: boolean) => ({
    containers: [container({
      name: 'worker', image: image(v), command: ['celery', '-A', 'thumbs', 'worker', '--loglevel=INFO', '--concurrency=4'],
      env: [{ name: 'CELERY_BROKER_URL', value: 'redis://media-redis.media.svc.cluster.local:6379/0' }], ports: [], cpu: '1', memory: '1536Mi',
      readiness: null, liveness: probe ? execProbe(cmd, { periodSeconds: 30, initialDelaySeconds: 20 }) : null,
    })],
    terminationGracePeriodSeconds: 30,
  });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnail-worker', replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, changeCause: 'argocd: thumbnail-worker 2.4.0', template: tpl('2.4.0', false) },
      { revision: 9, createdAgo: 46, changeCause: 'argocd: thumbnail-worker 2.4.0 (add liveness probe)', template: tpl('2.4.0', true) },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 45.5, containers: { worker: crashLoop({ exitCode: 137, finishedAgo: 2.2, ranSeconds: 140 }, 9) } },
      { revision: 9, node: names[1] ?? '', createdAgo: 44.5, containers: { worker: running({ sinceAgo: 1.1, restarts: 9, last: { exitCode: 137, finishedAgo: 1.15, ranSeconds: 140 } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 43.5, containers: { worker: crashLoop({ exitCode: 137, finishedAgo: 3.6, ranSeconds: 141 }, 8) } },
    ],
    settled: { available: true, availableSince: 43, progressingSince: 46, progressingUpdatedAgo: 43 },
  });
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redis = deploymentApp({
    namespace: ns, name: 'media-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], memory: '512Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 2, node: names[2] ?? '', createdAgo: 31 * DAYS }],
  });
  const other = bystander(ns, 'thumbnail-api', names, 140, { revisions: [30, 31], versions: ['3.1.4', '3.2.0'], olderAgo: 15 * DAYS });
  const detail = `command "${cmd.join(' ')}" timed out`;
  const celeryRun = (p: k8s.V1Pod, start: number) => {
    const ts = (m: number) => `[${pyTime(m)}: `;
    const out = [
      ` -------------- celery@${nameOf(p)} v5.4.0 (opalescent)`,
      `${ts(start)}INFO/MainProcess] Connected to redis://media-redis.media.svc.cluster.local:6379/0`,
      `${ts(start - 0.02)}INFO/MainProcess] mingle: searching for neighbors`,
      `${ts(start - 0.04)}INFO/MainProcess] mingle: sync with 2 nodes`,
      `${ts(start - 0.05)}INFO/MainProcess] celery@${nameOf(p)} ready.`,
    ];
    for (let i = 0; i < 5; i++) {
      const id = `7f${i}c2a91-3b0e-4d1c-9a${i}4-51e0c8d2b${i}7${i}`;
      out.push(`${ts(start - 0.1 - i * 0.35)}INFO/MainProcess] Task thumbs.tasks.render_thumbnails[${id}] received`);
      out.push(`${ts(start - 0.4 - i * 0.35)}INFO/ForkPoolWorker-${(i % 4) + 1}] Task thumbs.tasks.render_thumbnails[${id}] succeeded in ${(14 + i * 2.3).toFixed(2)}s: {'asset': 'ast_${90210 + i}', 'sizes': 6}`);
    }
    out.push(`${ts(start - 1.95)}INFO/MainProcess] Task thumbs.tasks.render_video_poster[c1d0e7aa-8f41-4a52-b6d3-0e9a4f71c2b8] received`);
    out.push('', 'worker: Warm shutdown (MainProcess)');
    return lines(...out);
  };
  const [w0, w1, w2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  return {
    id: 'heldout107-celery-exec-liveness-probe-timeout',
    class: 'probes',
    truth: 'thumbnail-worker revision 9 (46 minutes ago) added an exec liveness probe running `celery -A thumbs inspect ping` with the default timeoutSeconds of 1: starting a Python interpreter, importing the app and waiting for the broadcast reply takes longer than one second, so every probe times out ("command … timed out"), and after three failures the kubelet kills the worker mid-task (SIGTERM, warm shutdown, then SIGKILL after the 30 s grace: exit 137). The workers are healthy and Redis is fine; fix: raise timeoutSeconds (e.g. 10) or use a cheap heartbeat-file check, or revert revision 9\'s probe.',
    ask: { service: 'thumbnail-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-redis', selector: { app: 'media-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'thumbnail-api', selector: { app: 'thumbnail-api' }, pods: other.pods }),
      ...[w0, w1, w2].flatMap((p, k) => [
        scheduled(p, 45.5 - k),
        ...restartedAgain(p, 'worker', image('2.4.0'), { count: 10 - (k === 2 ? 1 : 0), firstAgo: 45.4 - k, lastAgo: k === 1 ? 1.1 : 4 + k }),
        probeFailed(p, 'worker', 'Liveness', detail, { count: 29 - k, firstAgo: 44.9 - k, lastAgo: k === 1 ? 0.2 : 2.8 + k * 0.5 }),
        probeKilling(p, 'worker', 'liveness', { count: 9 - (k === 2 ? 1 : 0), firstAgo: 43.9 - k, lastAgo: k === 1 ? 1.7 : 2.7 + k * 0.5 }),
        ...(k === 1 ? [] : [backOff(p, 'worker', { count: 12 + k, firstAgo: 30 - k })]),
      ]),
    ],
    logs: [
      logsFor(w0, 'worker', { previous: celeryRun(w0, 4.5) }),
      logsFor(w1, 'worker', { previous: celeryRun(w1, 3.45), current: lines(`[${pyTime(1.05)}: INFO/MainProcess] Connected to redis://media-redis.media.svc.cluster.local:6379/0`, `[${pyTime(1.0)}: INFO/MainProcess] celery@${nameOf(w1)} ready.`, `[${pyTime(0.9)}: INFO/MainProcess] Task thumbs.tasks.render_thumbnails[0a8e51c2-77d4-4f0b-8b21-c3e9d2a4f610] received`) }),
      logsFor(w2, 'worker', { previous: celeryRun(w2, 5.9) }),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M 21 Nov 2026 03:05:12.044 * 100 changes in 300 seconds. Saving...`, `1:M 21 Nov 2026 03:05:12.047 * Background saving started by pid 4112`, `4112:C 21 Nov 2026 03:05:12.391 * DB saved on disk`, `1:M 21 Nov 2026 03:05:12.448 * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /tim(e|ed)[ -]?out|timeoutSeconds|deadline|inspect ping|revision 9/i],
      facts: [/inspect ping/i, /timeoutSeconds|timed out|timeout/i, /137|SIGKILL|killed|restart/i],
      never: [/\bOOM/, /(redis|broker)[^\n]*\b(is down|unreachable|not running|unavailable)/i],
    },
  };
}

// ---- 4. (scheduling) hostPort 8125/UDP already held by the Datadog agent DaemonSet ------------

function hostPortTakenByAgent(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeEksNodes('10.0.66', ['45', '130', '212']);
  const image = (v: string) => `${ECR}/platform/metrics-gateway:${v}`;
  const tpl = (v: string, hostPort: boolean) => ({
    containers: [container({
      image: image(v),
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'statsd', containerPort: 8125, protocol: 'UDP', ...(hostPort ? { hostPort: 8125 } : {}) }],
      cpu: '250m', memory: '256Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'metrics-gateway', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 5, createdAgo: 34 * DAYS, changeCause: 'argocd: metrics-gateway 2.5.3', template: tpl('2.5.3', false) },
      { revision: 6, createdAgo: 26, changeCause: 'argocd: metrics-gateway 2.6.0 (node-local statsd)', template: tpl('2.6.0', true) },
    ],
    pods: [
      { revision: 5, node: names[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 5, node: names[2] ?? '', createdAgo: 34 * DAYS - 1 },
      { revision: 6, node: null, createdAgo: 25.9, unschedulable: '0/3 nodes are available: 3 node(s) didn\'t have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' },
    ],
  });
  const ddImage = 'gcr.io/datadoghq/agent:7.57.2';
  const dd = daemonSetApp({
    namespace: 'datadog', name: 'datadog-agent',
    revisions: [{ revision: 11, createdAgo: 44 * DAYS, template: { containers: [container({ name: 'agent', image: ddImage, ports: [{ name: 'dogstatsdport', containerPort: 8125, hostPort: 8125, protocol: 'UDP' }, { name: 'traceport', containerPort: 8126, hostPort: 8126, protocol: 'TCP' }], cpu: '200m', memory: '512Mi', readiness: httpProbe('/ready', 5555), liveness: httpProbe('/live', 5555, { initialDelaySeconds: 15 }) })], tolerations: [{ operator: 'Exists' }] } }],
    pods: names.map((n, i) => ({ revision: 11, node: n, createdAgo: 40 * DAYS - i })),
    pinnedToNodes: true,
  });
  const other = bystander(ns, 'alert-router', names, 90, { revisions: [21, 22], versions: ['0.27.0', '0.27.1'], olderAgo: 60 * DAYS });
  const pending = podOf(app, 2);
  return {
    id: 'heldout107-hostport-held-by-agent-daemonset',
    class: 'scheduling',
    truth: 'metrics-gateway revision 6 (2.6.0, 26 minutes ago) added hostPort 8125/UDP to receive node-local statsd, but the datadog-agent DaemonSet already binds hostPort 8125/UDP (dogstatsd) on every node, so the scheduler finds no node with the port free ("3 node(s) didn\'t have free ports for the requested pod ports"); the new pod stays Pending, preemption cannot help and the cluster-autoscaler cannot add a node that would differ. The rollout is stuck with the two revision-5 pods serving. Fix: drop the hostPort (or use another port), or roll back revision 6.',
    ask: { service: 'metrics-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...dd.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'metrics-gateway', selector: { app: 'metrics-gateway' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'statsd', port: 8125, targetPort: 'statsd', protocol: 'UDP' }] }),
      ...exposed({ namespace: ns, name: 'alert-router', selector: { app: 'alert-router' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 1, 0, 26),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 6), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending)}`, firstAgo: 25.9, lastAgo: 25.9, component: 'replicaset-controller' }),
      failedScheduling(pending, '0/3 nodes are available: 3 node(s) didn\'t have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 14, firstAgo: 25.9, lastAgo: 0.8 }),
      notTriggerScaleUp(pending, '1 node(s) didn\'t have free ports for the requested pod ports', { count: 150, firstAgo: 25.5, lastAgo: 0.2 }),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`level=info ts=${at(2.3 - k * 0.2)} caller=flush.go:71 msg="flushed batch" series=${18420 + k * 311} dur=212ms`, `level=info ts=${at(0.3 - k * 0.1)} caller=flush.go:71 msg="flushed batch" series=${18377 + k * 290} dur=198ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/port/i, /8125|hostPort/i],
      facts: [/datadog|agent|DaemonSet/i, /revision 6|2\.6\.0/i, /Pending|unschedul|FailedScheduling/i],
      never: [/Insufficient (cpu|memory)|not enough (cpu|memory)/i, /taint|toleration/i, /\bOOM/],
    },
  };
}

// ---- 5. (storage) Postgres data filesystem remounted read-only ---------------------------------

function postgresReadOnlyFilesystem(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.83', ['9', '164', '228']);
  const image = 'docker.io/library/postgres:16.4-bookworm';
  const sts = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db',
    revisions: [{ revision: 5, createdAgo: 48 * DAYS, template: {
      containers: [container({
        name: 'postgres', image, env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db', key: 'password' } } }],
        ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
        readiness: execProbe(['pg_isready', '-U', 'postgres'], { timeoutSeconds: 5 }), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      })],
      securityContext: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
    } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 19 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 1 }, 7) } }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 48 * DAYS });
  const api = bystander(ns, 'ledger-api', names, 3 * DAYS, { revisions: [70, 71], versions: ['8.1.0', '8.1.1'], olderAgo: 20 * DAYS });
  const db = podOf(sts, 0);
  return {
    id: 'heldout107-postgres-read-only-filesystem',
    class: 'storage',
    truth: 'The ext4 filesystem on ledger-db-0\'s EBS data volume (claim data-ledger-db-0) was remounted read-only by the kernel after I/O errors 24 minutes ago: postgres PANICked on a WAL write, and every restart since fails at once with "could not create lock file \\"postmaster.pid\\": Read-only file system" (exit 1, CrashLoopBackOff). The disk is not full and nothing changed in the StatefulSet; restarting the container keeps the same read-only mount. Fix: delete the pod (or cordon and move it) so the volume is re-attached and remounted, after checking the filesystem (fsck) / the EBS volume health.',
    ask: { service: 'ledger-db', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claim, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: sts.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      ...restartedAgain(db, 'postgres', image, { count: 7, firstAgo: 23.8, lastAgo: 2.5 }),
      probeFailed(db, 'postgres', 'Readiness', '/var/run/postgresql:5432 - no response', { count: 9, firstAgo: 24, lastAgo: 23.6 }),
      backOff(db, 'postgres', { count: 96, firstAgo: 23.5 }),
    ],
    logs: [
      logsFor(db, 'postgres', { previous: lines(
        "chmod: changing permissions of '/var/lib/postgresql/data/pgdata': Read-only file system",
        '',
        'PostgreSQL Database directory appears to contain a database; Skipping initialization',
        '',
        `${pgTime(2.52)} [1] FATAL:  could not create lock file "postmaster.pid": Read-only file system`,
      ) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":"error","ts":"${at(1.9)}","msg":"db ping failed","error":"dial tcp 172.20.61.9:5432: connect: connection refused"}`,
        `{"level":"error","ts":"${at(0.4)}","msg":"POST /v2/transfers","status":503,"error":"failed to connect to \`host=ledger-db.ledger.svc.cluster.local user=ledger database=ledger\`: dial error (dial tcp 172.20.61.9:5432: connect: connection refused)"}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-?only/i],
      facts: [/Read-only file system|read-?only/i, /postmaster\.pid|data-ledger-db-0|volume|filesystem/i],
      never: [/no space|disk (is )?full|out of (disk|space)|expand|resize/i, /\bOOM/, /permission denied|fix[^\n]*(permission|fsGroup|ownership|runAsUser)/i],
    },
  };
}

// ---- 6. (nodes) a node NotReady because PLEG is not healthy ------------------------------------

function nodePlegNotHealthy(): CorpusScenario {
  const ns = 'search';
  const bad = eksNodeName('10.0.91.140');
  const good = [eksNodeName('10.0.91.22'), eksNodeName('10.0.92.77'), eksNodeName('10.0.93.18')];
  const plegMessage = 'PLEG is not healthy: pleg was last seen active 7m4.183521907s ago; threshold is 3m0s';
  const nodes = [
    node({ name: bad, zone: 'eu-west-1a', ready: 'False', readySince: 4.1, readyReason: 'KubeletNotReady', readyMessage: plegMessage, instanceType: 'm6i.2xlarge', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: ago(4.1) }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: ago(4.1) }] }),
    node({ name: good[0] ?? '', zone: 'eu-west-1a', instanceType: 'm6i.2xlarge' }),
    node({ name: good[1] ?? '', zone: 'eu-west-1b', instanceType: 'm6i.2xlarge' }),
    node({ name: good[2] ?? '', zone: 'eu-west-1c', instanceType: 'm6i.2xlarge' }),
  ];
  const image = `${ECR}/search/search-api:6.3.1`;
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 4,
    revisions: [{ revision: 27, createdAgo: 6 * DAYS, changeCause: 'argocd: search-api 6.3.1', template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] } }],
    pods: [
      { revision: 27, node: bad, createdAgo: 6 * DAYS, ready: false },
      { revision: 27, node: bad, createdAgo: 6 * DAYS - 1, ready: false },
      { revision: 27, node: good[1] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 27, node: good[2] ?? '', createdAgo: 6 * DAYS - 3 },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const indexer = deploymentApp({
    namespace: ns, name: 'search-indexer', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 11 * DAYS, template: { containers: [container({ image: `${ECR}/search/search-indexer:2.0.7`, ports: [8080], memory: '1Gi' })] } }],
    pods: [{ revision: 12, node: bad, createdAgo: 11 * DAYS, ready: false }, { revision: 12, node: good[0] ?? '', createdAgo: 11 * DAYS - 1 }],
  });
  // The node lifecycle controller marks the pods of a NotReady node not ready; it writes no reason.
  for (const p of [...app.pods, ...indexer.pods]) {
    if (p.spec?.nodeName !== bad) continue;
    for (const c of p.status?.conditions ?? []) if (c.type === 'Ready') { c.status = 'False'; delete c.reason; delete c.message; c.lastTransitionTime = ago(4); }
  }
  const onBad = [podOf(app, 0), podOf(app, 1), podOf(indexer, 0)];
  return {
    id: 'heldout107-node-pleg-not-healthy',
    class: 'nodes',
    truth: `Node ${bad} went NotReady 4 minutes ago because the kubelet's pod lifecycle event generator stalled ("PLEG is not healthy: pleg was last seen active 7m4s ago; threshold is 3m0s"): the container runtime (containerd) on that node stopped answering relists. The node controller tainted it not-ready and marked its pods not ready, so two of search-api's four pods dropped out of the Service (and will be evicted once the 300 s toleration runs out). Nothing changed in search-api; fix: restart containerd/kubelet on the node or cordon, drain and replace it.`,
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      nodeEvent(bad, 'NodeNotReady', `Node ${bad} status is now: NodeNotReady`, { firstAgo: 4.1 }),
      nodeEvent(bad, 'ContainerGCFailed', 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', { type: 'Warning', count: 3, firstAgo: 6.5, lastAgo: 0.6 }),
      ...onBad.map((p) => event({ on: p, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 4, lastAgo: 4, component: 'node-controller' })),
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${podOf(app, 2).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS }),
    ],
    logs: [
      ...[2, 3].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"level":"info","ts":"${at(1.4)}","msg":"query","index":"products-v9","q_ms":${18 + k},"hits":412}`, `{"level":"info","ts":"${at(0.3)}","msg":"query","index":"products-v9","q_ms":${22 + k},"hits":97}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('ip-10-0-91-140'), /PLEG|not ?ready/i],
      facts: [/PLEG/, /container runtime|containerd|runtime/i, /not ?ready/i],
      never: [/\bOOM/, /roll(ing)? ?back|undo the rollout/i, /\bcni\b|network plugin/i],
    },
  };
}

// ---- control: an HPA scaled the storefront down 6 → 3 four minutes ago ---------------------------

function hpaScaledDownHealthy(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.20', ['33', '141', '250']);
  const image = `${ECR}/shop/storefront:12.4.0`;
  const app = deploymentApp({
    namespace: ns, name: 'storefront', replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 4 * DAYS, changeCause: 'argocd: storefront 12.3.9', template: { containers: [container({ image: `${ECR}/shop/storefront:12.3.9`, ports: [3000], memory: '768Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000, { initialDelaySeconds: 15 }) })] } },
      { revision: 89, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront 12.4.0', template: { containers: [container({ image, ports: [3000], memory: '768Mi', readiness: httpProbe('/api/ready', 3000), liveness: httpProbe('/api/live', 3000, { initialDelaySeconds: 15 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
    settled: { available: true, availableSince: 2 * DAYS - 3, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const rs = rsOf(app, 89);
  const gone = ['x7kqp', 'm2vzt', 'c9fhw'].map((s) => `${rs}-${s}`);
  const scaler = hpa({ namespace: ns, name: 'storefront', target: { kind: 'Deployment', name: 'storefront' }, min: 3, max: 12, current: 3, desired: 3, cpu: { current: 31, target: 65, averageValue: '124m' }, lastScaleAgo: 4 });
  const other = bystander(ns, 'cart-api', names, 3 * DAYS, { revisions: [40, 41], versions: ['4.0.2', '4.0.3'], olderAgo: 12 * DAYS });
  const svc = service({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
  return {
    id: 'heldout107-hpa-scale-down-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong: the storefront HPA scaled the Deployment down from 6 to 3 replicas four minutes ago as the night traffic fell (CPU 31% of a 65% target); the three removed pods were stopped gracefully and are gone, and the remaining three revision-89 pods are Running and Ready behind the Service.',
    ask: { service: 'storefront', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler, svc, endpointSliceFor(svc, app.pods, 3000),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 9 * HOURS, lastAgo: 9 * HOURS, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'storefront', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 3; reason: All metrics below target', firstAgo: 4, lastAgo: 4, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rs, 3, 6, 4),
      ...gone.map((n) => event({ on: { kind: 'ReplicaSet', name: rs, namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${n}`, firstAgo: 4, lastAgo: 4, component: 'replicaset-controller' })),
      ...gone.map((n) => event({ on: { kind: 'Pod', name: n, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 4, lastAgo: 4, fieldPath: 'spec.containers{app}' })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
      `{"level":30,"time":${epochMs(2.2 - k * 0.1)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/products/outerwear"},"res":{"statusCode":200},"responseTime":${41 + k},"msg":"request completed"}`,
      `{"level":30,"time":${epochMs(0.5 - k * 0.1)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/api/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|ready|scaled|fine/i],
      facts: [/3\/3|3 of 3|three|3 (pods|replicas)/i, /HPA|autoscal|scale(d)? down/i],
      never: [/\bOOM/, /crash ?loop/i, /roll(ing)? ?back|undo the rollout/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongoDirectConnectionNotPrimary(),
  rabbitInequivalentQueueType(),
  celeryInspectPingProbeTimeout(),
  hostPortTakenByAgent(),
  postgresReadOnlyFilesystem(),
  nodePlegNotHealthy(),
  hpaScaledDownHealthy(),
];
