// Held-out stories, eighty-seventh round, part two (written blind):
// 1. After the cluster's nodes were all replaced, accounts-api's init container waits for
//    ledger-api's Service and ledger-api's init container waits for accounts-api's: a start-order
//    deadlock, both stuck Init:0/1 with "waiting for …" logs, nothing serves.
// 2. The AWS KMS key records-api decrypts its data keys with was scheduled for deletion: every
//    Decrypt fails with KMSInvalidStateException "… is pending deletion."; pods Ready, nothing changed in the cluster.
// 3. notify-api revision 19 (2.8.0) enqueues a new Celery task notifications.tasks.send_push_digest
//    the unchanged notify-worker does not know: "Received unregistered task", messages discarded.
// 4. stock-sync revision 42 raised RECONCILE_TX_BATCH 250 → 5000, so its MongoDB transactions outlive
//    the 60 s transactionLifetimeLimitSeconds and are aborted (290 / NoSuchTransaction 251 on commit).
// 5. search-api revision 58 (3.9.0) added a 50 000-bucket terms aggregation; Elasticsearch's parent
//    circuit breaker refuses the searches ("Data too large", HTTP 429).
// 6. checkout revision 77 set DB_TX_ISOLATION=serializable; PostgreSQL aborts concurrent checkouts
//    with SQLSTATE 40001 (read/write dependencies) and the app does not retry.
// 7. Healthy control: invoice-service (Spring Boot, HikariCP) with one "Thread starvation or clock
//    leap detected" warning from a night-time pause hours ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, clusterIpOf, batchContainer, configMap, container, deploymentApp, event, execProbe, exposed, httpProbe, nameOf,
  node, pyTime, rsOf, running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3 console time: `2026-11-21T03:12:41.563Z`. */
const bootTime = (m: number): string => at(m);
/** Celery's `[2026-11-21 03:12:41,563: INFO/MainProcess]` time. */
const celeryTime = (m: number): string => pyTime(m);

// ---- 1. two services whose init containers wait for each other ------------------------------------

function initContainersWaitForEachOther(): CorpusScenario {
  const ns = 'ledger';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = ['10.0.96.14', '10.0.97.202', '10.0.98.71'].map((ip, i) =>
    node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: 52 - i, readySince: 51 - i }));
  const names = nodes.map(nameOf);
  const busybox = 'docker.io/library/busybox:1.36.1';
  const waitFor = (svc: string) => batchContainer({
    name: `wait-for-${svc.replace(/-api$/, '')}`,
    image: busybox,
    command: ['sh', '-c', `until wget -q -T 2 -O /dev/null http://${svc}.${ns}.svc.cluster.local/readyz; do echo "waiting for ${svc}..."; sleep 2; done`],
    cpu: '10m',
    memory: '16Mi',
  });
  const mk = (name: string, other: string, version: string, rev: number, hosts: number[]) => {
    const image = `${ECR}/${ns}/${name}:${version}`;
    const tpl = {
      initContainers: [waitFor(other)],
      containers: [container({
        image, ports: [8080], cpu: '300m', memory: '512Mi',
        env: [{ name: `${other.replace(/-api$/, '').toUpperCase()}_URL`, value: `http://${other}.${ns}.svc.cluster.local` }],
        readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
      })],
    };
    return deploymentApp({
      namespace: ns, name, replicas: hosts.length,
      revisions: [{ revision: rev, createdAgo: 11 * DAYS, changeCause: `argocd: ${name} ${version}`, template: tpl }],
      pods: hosts.map((h, k) => ({
        revision: rev, node: names[h] ?? '', createdAgo: 47 - k,
        initContainers: { [`wait-for-${other.replace(/-api$/, '')}`]: running({ sinceAgo: 46.5 - k, ready: false }) },
        containers: { app: { state: { waiting: { reason: 'PodInitializing' } }, ready: false, restartCount: 0, started: false } },
      })),
    });
  };
  const accounts = mk('accounts-api', 'ledger-api', '5.2.1', 14, [0, 1]);
  const ledger = mk('ledger-api', 'accounts-api', '3.7.4', 22, [1, 2]);
  const redis = statefulSetApp({
    namespace: ns, name: 'ledger-redis', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis') })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 47 }],
  });
  const svcs = [
    ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: accounts.pods }),
    ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: ledger.pods }),
  ];
  const waitLog = (svc: string, since: number) => {
    const out: string[] = [];
    for (let t = since; t > 0.1; t -= 2 / 60 * 37) {
      out.push(`wget: can't connect to remote host (${clusterIpOf(svcs, svc)}): Connection refused`);
      out.push(`waiting for ${svc}...`);
    }
    return lines(...out.slice(-40));
  };
  const ev: k8s.CoreV1Event[] = [];
  for (const [app, other] of [[accounts, 'ledger'], [ledger, 'accounts']] as const) {
    for (const [k, p] of app.pods.entries()) {
      ev.push(scheduled(p, 47 - k));
      const fp = `spec.initContainers{wait-for-${other}}`;
      ev.push(event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${busybox}"`, firstAgo: 46.9 - k, lastAgo: 46.9 - k, fieldPath: fp }));
      ev.push(event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${busybox}" in 1.874s (1.874s including waiting). Image size: 2160406 bytes.`, firstAgo: 46.6 - k, lastAgo: 46.6 - k, fieldPath: fp }));
      ev.push(event({ on: p, type: 'Normal', reason: 'Created', message: `Created container wait-for-${other}`, firstAgo: 46.5 - k, lastAgo: 46.5 - k, fieldPath: fp }));
      ev.push(event({ on: p, type: 'Normal', reason: 'Started', message: `Started container wait-for-${other}`, firstAgo: 46.5 - k, lastAgo: 46.5 - k, fieldPath: fp }));
    }
  }
  return {
    id: 'heldout87-init-containers-wait-for-each-other',
    class: 'containers',
    truth: 'The cluster was rebuilt (all three nodes replaced about 50 minutes ago) and every pod started at once. accounts-api has an init container wait-for-ledger that loops until ledger-api\'s Service answers, and ledger-api has an init container wait-for-accounts that loops until accounts-api\'s Service answers. Neither can become ready before the other, so all pods sit in Init:0/1 forever, both Services have no ready endpoints ("Connection refused"), and nothing serves. It only worked before because the services were never all down at once. Fix: break the cycle (drop one wait, or let one service start without the other and retry at runtime).',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...accounts.objects, ...ledger.objects, ...redis.objects,
      ...svcs,
      ...exposed({ namespace: ns, name: 'ledger-redis', selector: { app: 'ledger-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...ev,
      ...startedNormally(podOf(redis, 0), 'redis', 'docker.io/library/redis:7.2.5', 47),
    ],
    logs: [
      ...accounts.pods.map((p) => logsFor(p, 'wait-for-ledger', { current: waitLog('ledger-api', 46) })),
      ...ledger.pods.map((p) => logsFor(p, 'wait-for-accounts', { current: waitLog('accounts-api', 46) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ledger-api|wait-for-ledger|init/i, /wait|circular|cycl|deadlock|each other|mutual|Init:0\/1|initializ/i],
      facts: [/waiting for ledger-api/i, /wait-for-ledger/, /accounts-api/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /image ?pull|ErrImagePull/i],
    },
  };
}

// ---- 2. the KMS key is pending deletion ---------------------------------------------------------

function kmsKeyPendingDeletion(): CorpusScenario {
  const ns = 'records';
  const { nodes, names } = threeEksNodes('10.0.140', ['23', '119', '236']);
  const image = (v: string) => `${ECR}/records/records-api:${v}`;
  const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/7c1e4a2b-93d0-4f6e-a8b5-2d61f0c9e347';
  const tpl = (v: string) => ({
    serviceAccountName: 'records-api',
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '640Mi',
      command: ['gunicorn', 'records.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--access-logfile', '-'],
      env: [
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'RECORDS_KMS_KEY_ID', value: keyArn },
        { name: 'RECORDS_BUCKET', value: 'acme-records-prod-eu-west-1' },
        { name: 'DATABASE_HOST', value: 'records-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com' },
      ],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'records-api', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 19 * DAYS, changeCause: 'argocd: records-api 2.14.0', template: tpl('2.14.0') },
      { revision: 64, createdAgo: 6 * DAYS, changeCause: 'argocd: records-api 2.14.1', template: tpl('2.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'records-exporter', names, 38, { revisions: [12, 13], versions: ['1.4.2', '1.5.0'], olderAgo: 24 * DAYS });
  const logOf = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 24 - i * 3 - k * 0.3;
      const id = 40_210 + i * 17 + k * 5;
      out.push(`10.0.${30 + k}.${12 + i} - - [${clfTime(t + 0.02)}] "GET /health/ready HTTP/1.1" 200 15 "-" "kube-probe/1.30"`);
      out.push(`${pyTime(t)} ERROR [records.crypto] decrypt data key failed for record ${id}`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/records/crypto.py", line 58, in unwrap_data_key');
      out.push('    resp = self._kms.decrypt(CiphertextBlob=blob, KeyId=self._key_id, EncryptionContext={"record": str(record_id)})');
      out.push('  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call');
      out.push('    return self._make_api_call(operation_name, kwargs)');
      out.push('  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call');
      out.push('    raise error_class(parsed_response, operation_name)');
      out.push(`botocore.errorfactory.KMSInvalidStateException: An error occurred (KMSInvalidStateException) when calling the Decrypt operation: ${keyArn} is pending deletion.`);
      out.push(`10.0.${50 + k}.${40 + i} - - [${clfTime(t - 0.01)}] "GET /v1/records/${id} HTTP/1.1" 500 71 "-" "records-web/4.2"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout87-kms-key-pending-deletion',
    class: 'config',
    truth: `The AWS KMS key records-api unwraps its data keys with (${keyArn}) was scheduled for deletion in the AWS account (a key clean-up outside the cluster), which disables it: every kms:Decrypt fails with KMSInvalidStateException "… is pending deletion.", so every record read returns 500 while the pods stay Ready (health checks do not touch KMS). Nothing in the cluster changed; the records-exporter rollout 38 minutes ago is unrelated. Fix: cancel the key deletion (CancelKeyDeletion) and re-enable the key.`,
    ask: { service: 'records-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'records-api', selector: { app: 'records-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 0, 2, 37),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/records-exporter:1.5.0`, 38),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/KMS/i, /pending deletion|KMSInvalidState|disabled|scheduled for deletion/i],
      facts: [/pending deletion/i, /7c1e4a2b-93d0-4f6e-a8b5-2d61f0c9e347|Decrypt/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /AccessDenied|not authori[sz]ed|IRSA/i],
    },
  };
}

// ---- 3. Celery worker receives an unregistered task from a newer producer ------------------------

function celeryUnregisteredTask(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '88', '170']);
  const apiImage = (v: string) => `${ECR}/notifications/notify-api:${v}`;
  const workerImage = (v: string) => `${ECR}/notifications/notify-worker:${v}`;
  const broker = 'amqp://notify:$(RABBITMQ_PASSWORD)@notify-rabbitmq.notifications.svc.cluster.local:5672/notify';
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8000], env: [{ name: 'CELERY_BROKER_URL', value: broker }], readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000) })] });
  const api = deploymentApp({
    namespace: ns, name: 'notify-api', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: notify-api 2.7.3', template: apiTpl('2.7.3') },
      { revision: 19, createdAgo: 34, changeCause: 'argocd: notify-api 2.8.0', template: apiTpl('2.8.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 34 - k })),
  });
  const workerTpl = (v: string) => ({
    containers: [batchContainer({
      image: workerImage(v), cpu: '500m', memory: '768Mi',
      command: ['celery', '-A', 'notifications', 'worker', '--loglevel=INFO', '--concurrency=8', '-Q', 'celery,push,email'],
      env: [{ name: 'CELERY_BROKER_URL', value: broker }],
    })],
  });
  const worker = deploymentApp({
    namespace: ns, name: 'notify-worker', replicas: 2,
    revisions: [
      { revision: 10, createdAgo: 30 * DAYS, changeCause: 'argocd: notify-worker 2.6.0', template: workerTpl('2.6.0') },
      { revision: 11, createdAgo: 12 * DAYS, changeCause: 'argocd: notify-worker 2.7.3', template: workerTpl('2.7.3') },
    ],
    pods: [0, 1].map((k) => ({ revision: 11, node: names[k + 1] ?? '', createdAgo: 12 * DAYS - k })),
  });
  for (const p of worker.pods) {
    const c = p.spec?.containers[0];
    if (c) c.readinessProbe = execProbe(['celery', '-A', 'notifications', 'inspect', 'ping', '-d', 'celery@$(HOSTNAME)'], { periodSeconds: 30, timeoutSeconds: 10 });
  }
  const rabbit = statefulSetApp({
    namespace: ns, name: 'notify-rabbitmq', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 120 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', ports: [{ name: 'amqp', containerPort: 5672 }], readiness: tcpProbe('amqp'), liveness: tcpProbe('amqp') })] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS }],
  });
  const task = 'notifications.tasks.send_push_digest';
  const workerLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 33 - i * 5.5 - k * 0.4;
      const tid = `${(0x3a1f00 + i * 977 + k * 131).toString(16)}e2-6b1c-4d0e-9a7f-${(0x51c2a0b3d4e5 + i * 7 + k).toString(16)}`;
      out.push(`[${celeryTime(t + 0.3)}: INFO/MainProcess] Task notifications.tasks.send_email[${tid.replace(/^./, 'a')}] received`);
      out.push(`[${celeryTime(t + 0.29)}: INFO/ForkPoolWorker-${3 + i}] Task notifications.tasks.send_email[${tid.replace(/^./, 'a')}] succeeded in 0.412s: None`);
      out.push(
        `[${celeryTime(t)}: ERROR/MainProcess] Received unregistered task of type '${task}'.`,
        'The message has been ignored and discarded.',
        '',
        'Did you remember to import the module containing this task?',
        "Or maybe you're using relative imports?",
        '',
        'Please see',
        'https://docs.celeryq.dev/en/latest/internals/protocol.html',
        'for more information.',
        '',
        'The full contents of the message body was:',
        `b'[[${8812 + i * 13 + k}], {"digest": "daily"}, {"callbacks": null, "errbacks": null, "chain": null, "chord": null}]' (97b)`,
        '',
        'The full contents of the message headers:',
        `{'lang': 'py', 'task': '${task}', 'id': '${tid}', 'shadow': None, 'eta': None, 'expires': None, 'group': None, 'group_index': None, 'retries': 0, 'timelimit': [None, None], 'root_id': '${tid}', 'parent_id': None, 'argsrepr': '(${8812 + i * 13 + k},)', 'kwargsrepr': "{'digest': 'daily'}", 'origin': 'gen1@notify-api-${k}', 'ignore_result': False}`,
        '',
        'The delivery info for this message is:',
        `{'consumer_tag': 'None4', 'delivery_tag': ${120 + i * 9}, 'redelivered': False, 'exchange': '', 'routing_key': 'push'}`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.11/site-packages/celery/worker/consumer/consumer.py", line 659, in on_task_received',
        '    strategy = strategies[type_]',
        '               ~~~~~~~~~~^^^^^^^',
        `KeyError: '${task}'`,
      );
    }
    return lines(
      `[${celeryTime(12 * DAYS - k - 0.5)}: INFO/MainProcess] Connected to amqp://notify:**@notify-rabbitmq.notifications.svc.cluster.local:5672/notify`,
      `[${celeryTime(12 * DAYS - k - 0.51)}: INFO/MainProcess] celery@notify-worker-${k} ready.`,
      ...out,
    );
  };
  return {
    id: 'heldout87-celery-unregistered-task',
    class: 'rollout',
    truth: `notify-api revision 19 (2.8.0, 34 minutes ago) started enqueueing a new Celery task, ${task}, but notify-worker was not updated (still revision 11, 2.7.3, 12 days old) and does not register it: each such message is logged as "Received unregistered task of type '${task}'. The message has been ignored and discarded." and lost (push digests never sent), while the worker stays Ready and keeps running the old task types. Fix: roll out the worker version that registers the task (or hold the producer back until it is).`,
    ask: { service: 'notify-worker', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...worker.objects, ...rabbit.objects,
      ...exposed({ namespace: ns, name: 'notify-api', selector: { app: 'notify-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'notify-rabbitmq', selector: { app: 'notify-rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 2, 0, 34),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 18), 0, 2, 33),
      ...startedNormally(podOf(api, 0), 'app', apiImage('2.8.0'), 34),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      logsFor(podOf(api, 0), 'app', { current: lines(`${pyTime(33.9)} INFO [notify.api] notify-api 2.8.0 starting, broker=amqp://notify-rabbitmq.notifications.svc.cluster.local:5672/notify`, `${pyTime(20)} INFO [notify.digest] queued ${task} for 412 users`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unregistered|send_push_digest/i],
      facts: [/send_push_digest/, /notify-api/, /discarded|ignored|lost|dropped/i],
      never: [/\bOOM/, /CrashLoop/i, /(rabbitmq|broker)[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 4. MongoDB transactions outlive transactionLifetimeLimitSeconds --------------------------------

function mongoTransactionLifetimeExceeded(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.54', ['31', '142', '207']);
  const image = (v: string) => `${ECR}/inventory/stock-sync:${v}`;
  const mongoUri = 'mongodb://stock-mongo-0.stock-mongo.inventory.svc.cluster.local:27017,stock-mongo-1.stock-mongo.inventory.svc.cluster.local:27017,stock-mongo-2.stock-mongo.inventory.svc.cluster.local:27017/inventory?replicaSet=rs0';
  const tpl = (v: string, batch: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '768Mi',
      command: ['node', 'dist/server.js'],
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', value: mongoUri },
        { name: 'RECONCILE_TX_BATCH', value: batch },
        { name: 'RECONCILE_WRITE_CONCERN', value: 'majority' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'stock-sync', replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: stock-sync 1.18.2', template: tpl('1.18.2', '250') },
      { revision: 42, createdAgo: 5 * HOURS + 12, changeCause: 'argocd: stock-sync 1.19.0', template: tpl('1.19.0', '5000') },
    ],
    pods: [0, 1].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 5 * HOURS + 11 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 9, progressingSince: 5 * HOURS + 12, progressingUpdatedAgo: 5 * HOURS + 9 },
  });
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongo = statefulSetApp({
    namespace: ns, name: 'stock-mongo', replicas: 3, serviceName: 'stock-mongo',
    revisions: [{ revision: 1, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'mongod', image: mongoImage, command: ['mongod', '--replSet', 'rs0', '--bind_ip_all'], ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '1', memory: '4Gi', readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping")']), liveness: tcpProbe('mongo') })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 1, ordinal: o, node: names[o] ?? '', createdAgo: 33 * DAYS - o })),
  });
  const other = bystander(ns, 'stock-api', names, 26, { revisions: [87, 88], versions: ['6.3.0', '6.3.1'], olderAgo: 8 * DAYS });
  const lsid = (k: number, i: number) => `${(0x6e4b21 + k * 313 + i * 71).toString(16)}a0-1c3f-4e8b-b0d2-9f7e${(0x10a2b3c4 + i).toString(16)}`;
  const logOf = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":"${at(5 * HOURS + 10.5 - k)}","pid":1,"hostname":"stock-sync","msg":"stock-sync 1.19.0 listening on :3000 (reconcile batch 5000)"}`,
    ];
    for (let i = 0; i < 7; i++) {
      const t = 58 - i * 8 - k * 1.3;
      const txn = 3100 + i * 2 + k * 1000;
      out.push(`{"level":30,"time":"${at(t + 1.05)}","pid":1,"hostname":"stock-sync","job":"reconcile","warehouse":"WH-${12 + i}","msg":"reconcile batch started","docs":5000}`);
      out.push(`{"level":50,"time":"${at(t + 0.02)}","pid":1,"hostname":"stock-sync","job":"reconcile","warehouse":"WH-${12 + i}","err":{"type":"MongoServerError","message":"Aborting transaction with txnNumber ${txn} on session with lsid ${lsid(k, i)} - 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= because it has been running for longer than 'transactionLifetimeLimitSeconds'","code":290,"codeName":"TransactionExceededLifetimeLimitSeconds","errorLabels":["TransientTransactionError"]},"msg":"bulkWrite failed inside transaction"}`);
      out.push(`{"level":50,"time":"${at(t)}","pid":1,"hostname":"stock-sync","job":"reconcile","warehouse":"WH-${12 + i}","err":{"type":"MongoServerError","message":"Transaction with { txnNumber: ${txn} } has been aborted.","code":251,"codeName":"NoSuchTransaction","errorLabels":["TransientTransactionError"]},"msg":"commitTransaction failed"}`);
      out.push(`{"level":30,"time":"${at(t - 0.01)}","pid":1,"hostname":"stock-sync","req":{"method":"POST","url":"/v1/reconcile/batch"},"res":{"statusCode":500},"responseTime":${60_180 + i * 37},"msg":"request completed"}`);
      out.push(`{"level":30,"time":"${at(t - 0.3)}","pid":1,"hostname":"stock-sync","req":{"method":"GET","url":"/v1/stock/SKU-${4410 + i}"},"res":{"statusCode":200},"responseTime":${11 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const mongoLog = lines(
    `{"t":{"$date":"${at(50.02).replace('Z', '+00:00')}"},"s":"I",  "c":"TXN",      "id":20558,   "ctx":"LogicalSessionCacheReap","msg":"Aborting transaction because it has been running for longer than 'transactionLifetimeLimitSeconds'","attr":{"sessionId":{"id":{"$uuid":"${lsid(0, 1)}"}},"txnNumber":3102}}`,
    `{"t":{"$date":"${at(42.02).replace('Z', '+00:00')}"},"s":"I",  "c":"TXN",      "id":20558,   "ctx":"LogicalSessionCacheReap","msg":"Aborting transaction because it has been running for longer than 'transactionLifetimeLimitSeconds'","attr":{"sessionId":{"id":{"$uuid":"${lsid(0, 2)}"}},"txnNumber":3104}}`,
    `{"t":{"$date":"${at(41.5).replace('Z', '+00:00')}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.54.77:51234","connectionCount":64}}`,
  );
  return {
    id: 'heldout87-mongo-transaction-lifetime-exceeded',
    class: 'rollout',
    truth: 'stock-sync revision 42 (1.19.0, about five hours ago) raised RECONCILE_TX_BATCH from 250 to 5000, so each reconcile now writes 5000 documents in one MongoDB multi-document transaction. Those transactions run past the server\'s transactionLifetimeLimitSeconds (60 s) and mongod aborts them: the writes fail with TransactionExceededLifetimeLimitSeconds (code 290) and the commit with NoSuchTransaction (251, "has been aborted"), so POST /v1/reconcile/batch returns 500 after ~60 s every time while pods stay Ready and reads work. Fix: go back to small batches (or split the work into several transactions).',
    ask: { service: 'stock-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-sync', selector: { app: 'stock-sync' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'stock-mongo', selector: { app: 'stock-mongo' }, pods: mongo.pods, headless: true, ports: [{ name: 'mongo', port: 27017, targetPort: 'mongo' }], endpointPort: 27017 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 88), 2, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 87), 0, 2, 25),
      event({ on: podOf(other, 1), type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.54.90:8080/ready": dial tcp 10.0.54.90:8080: connect: connection refused', firstAgo: 24.8, lastAgo: 24.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
      logsFor(podOf(mongo, 0), 'mongod', { current: mongoLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/transaction/i, /lifetime|60 ?s|aborted|TransactionExceededLifetimeLimitSeconds|RECONCILE_TX_BATCH|5000|revision 42/i],
      facts: [/TransactionExceededLifetimeLimitSeconds|\b290\b/, /NoSuchTransaction|\b251\b|has been aborted/i, /RECONCILE_TX_BATCH|5000|revision 42|1\.19\.0/],
      never: [/\bOOM/, /(mongo|database)[^\n]*(down|unreachable|refused)/i, /stock-api[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 5. Elasticsearch parent circuit breaker refuses a large terms aggregation --------------------

function elasticsearchCircuitBreaker(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.163', ['40', '118', '231']);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const esUrl = 'https://catalog-prod.es.eu-west-1.aws.elastic-cloud.com:443';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '512Mi',
      env: [{ name: 'ES_URL', value: esUrl }, { name: 'ES_INDEX', value: 'products-v14' }, { name: 'SEARCH_TIMEOUT_MS', value: '5000' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 11 * DAYS, changeCause: 'argocd: search-api 3.8.4', template: tpl('3.8.4') },
      { revision: 58, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: search-api 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 1, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS + 1 },
  });
  const other = bystander(ns, 'search-suggest', names, 41, { revisions: [22, 23], versions: ['1.12.0', '1.12.1'], olderAgo: 15 * DAYS });
  const breaker = (n: number) => `[parent] Data too large, data for [<http_request>] would be [${8_215_532_110 + n * 4099}/7.6gb], which is larger than the limit of [8_160_437_862/7.5gb], real usage: [${8_215_531_944 + n * 4099}/7.6gb], new bytes reserved: [166/166b], usages [model_inference=0/0b, inflight_requests=166/166b, request=1184236544/1.1gb, fielddata=3140582400/2.9gb, eql_sequence=0/0b]`.replace('8_160_437_862', '8160437862');
  const logOf = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(2 * HOURS + 3.5 - k))},"pid":1,"hostname":"search-api","msg":"search-api 3.9.0 up on :3000 (index products-v14, facets: category,brand_all,price_range)"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 30 - i * 3 - k * 0.2;
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"search-api","err":{"type":"ResponseError","message":"circuit_breaking_exception\\n\\tRoot causes:\\n\\t\\tcircuit_breaking_exception: ${breaker(i + k)}","statusCode":429,"name":"ResponseError"},"query":{"q":"${['running shoes', 'usb-c hub', 'rain jacket', 'desk lamp', 'coffee grinder'][i % 5]}","aggs":{"brand_all":{"terms":{"field":"brand.keyword","size":50000}}}},"msg":"search failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.001))},"pid":1,"hostname":"search-api","req":{"method":"GET","url":"/v2/search?q=..."},"res":{"statusCode":503},"responseTime":${410 + i * 23},"msg":"request completed"}`);
      if (i % 3 === 0) out.push(`{"level":30,"time":${Date.parse(at(t - 0.4))},"pid":1,"hostname":"search-api","req":{"method":"GET","url":"/v2/products/SKU-${1200 + i}"},"res":{"statusCode":200},"responseTime":${14 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout87-elasticsearch-parent-circuit-breaker',
    class: 'rollout',
    truth: 'search-api revision 58 (3.9.0, two hours ago) added a "brand_all" terms aggregation with size 50000 on brand.keyword to every search. The Elasticsearch cluster\'s parent circuit breaker now rejects those searches with circuit_breaking_exception "[parent] Data too large, data for [<http_request>] … larger than the limit of [8160437862/7.5gb]" (HTTP 429), so /v2/search fails with 503 while product lookups still work and the pods stay Ready. Fix: roll search-api back to revision 57 (3.8.4), or bound the aggregation (small size / composite pagination).',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 23), 2, 0, 41),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 0, 2, 40),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/search-suggest:1.12.1`, 41),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/circuit[_ ]?break|data too large/i, /aggregation|terms|brand_all|revision 58|3\.9\.0/i],
      facts: [/\[parent\]|parent/i, /\b429\b/, /revision 58|3\.9\.0/],
      never: [/\bOOMKilled/i, /CrashLoop/i, /search-suggest[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 6. SERIALIZABLE isolation without retries -------------------------------------------------------

function serializableWithoutRetry(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.88', ['17', '150', '222']);
  const image = (v: string) => `${ECR}/shop/checkout:${v}`;
  const tpl = (v: string, isolation: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '384Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgres://checkout_app@shop-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com:5432/shop?sslmode=require' },
        { name: 'DB_MAX_CONNS', value: '30' },
        { name: 'DB_TX_ISOLATION', value: isolation },
        { name: 'GOMEMLIMIT', value: '340MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 76, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout 7.4.2', template: tpl('7.4.2', 'read committed') },
      { revision: 77, createdAgo: 3 * HOURS + 40, changeCause: 'argocd: checkout 7.4.2 (values: db.isolation)', template: tpl('7.4.2', 'serializable') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 77, node: names[k] ?? '', createdAgo: 3 * HOURS + 39 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 36, progressingSince: 3 * HOURS + 40, progressingUpdatedAgo: 3 * HOURS + 36 },
  });
  const other = bystander(ns, 'cart', names, 19, { revisions: [140, 141], versions: ['9.1.0', '9.1.1'], olderAgo: 4 * DAYS });
  const logOf = (k: number) => {
    const out: string[] = [
      `{"level":"info","ts":"${at(3 * HOURS + 38.5 - k)}","caller":"db/pool.go:44","msg":"postgres pool ready","max_conns":30,"isolation":"serializable"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.7 - k * 0.15;
      const order = `ord_${(0x9c41a0 + i * 311 + k * 97).toString(36)}`;
      if (i % 3 === 1) {
        out.push(`{"level":"error","ts":"${at(t)}","caller":"checkout/service.go:212","msg":"place order failed","order":"${order}","error":"reserve stock: ERROR: could not serialize access due to read/write dependencies among transactions (SQLSTATE 40001)"}`);
        out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:31","msg":"request","method":"POST","path":"/v1/checkout","status":500,"duration_ms":${88 + i * 3}}`);
      } else {
        out.push(`{"level":"info","ts":"${at(t)}","caller":"checkout/service.go:230","msg":"order placed","order":"${order}","items":${1 + (i % 4)}}`);
        out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:31","msg":"request","method":"POST","path":"/v1/checkout","status":201,"duration_ms":${61 + i * 2}}`);
      }
      if (i === 9 && k === 0) out.push(`{"level":"error","ts":"${at(t - 0.2)}","caller":"checkout/service.go:212","msg":"place order failed","order":"${order}x","error":"commit: ERROR: could not serialize access due to read/write dependencies among transactions (SQLSTATE 40001)"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout87-postgres-serializable-no-retry',
    class: 'config',
    truth: 'checkout revision 77 (3 h 40 min ago; same image 7.4.2, a values change) set DB_TX_ISOLATION from "read committed" to "serializable". Under SERIALIZABLE PostgreSQL aborts concurrent checkouts that touch the same stock rows with "could not serialize access due to read/write dependencies among transactions" (SQLSTATE 40001); the app never retries them, so about a third of POST /v1/checkout return 500 while the pods stay Ready. Fix: revert the isolation setting (revision 76) or add retry on 40001.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 141), 2, 0, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 140), 0, 2, 18),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/cart:9.1.1`, 19),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/serializ|40001/i],
      facts: [/40001/, /read\/write dependencies|could not serialize/i, /DB_TX_ISOLATION|serializable|revision 77/i],
      never: [/\bOOM/, /deadlock detected|lock timeout/i, /cart[^\n]*(cause|broke)/i],
    },
  };
}

// ---- 7. healthy control: a HikariCP housekeeper warning from a night-time pause --------------------

function hikariClockLeapHealthy(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.201', ['12', '99', '188']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com:5432/billing' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 2,
    revisions: [
      { revision: 33, createdAgo: 21 * DAYS, changeCause: 'argocd: invoice-service 4.6.1', template: tpl('4.6.1') },
      { revision: 34, createdAgo: 4 * DAYS, changeCause: 'argocd: invoice-service 4.7.0', template: tpl('4.7.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const cfg = configMap({ namespace: ns, name: 'invoice-service-config', createdAgo: 80 * DAYS, updatedAgo: 4 * DAYS, data: { 'application-prod.yaml': 'spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 20\n      minimum-idle: 5\n      max-lifetime: 1800000\n      keepalive-time: 300000\ninvoice:\n  batch-size: 200\n' } });
  const t0 = 4 * HOURS + 33;
  const logOf = (k: number) => lines(
    `${bootTime(4 * DAYS - k - 0.6)}  INFO 1 --- [invoice-service] [           main] c.a.billing.InvoiceServiceApplication    : Started InvoiceServiceApplication in 18.412 seconds (process running for 19.87)`,
    `${bootTime(t0 + 0.4)}  INFO 1 --- [invoice-service] [nio-8080-exec-3] c.a.billing.web.InvoiceController        : GET /v1/invoices/INV-2026-118842 200 (23 ms)`,
    `${bootTime(t0)}  WARN 1 --- [invoice-service] [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).`,
    `${bootTime(t0 - 0.3)}  INFO 1 --- [invoice-service] [nio-8080-exec-7] c.a.billing.web.InvoiceController        : GET /v1/invoices/INV-2026-118851 200 (19 ms)`,
    `${bootTime(2 * HOURS)}  INFO 1 --- [invoice-service] [   scheduling-1] c.a.billing.jobs.DunningJob              : Dunning run finished: 212 invoices checked, 9 reminders queued`,
    `${bootTime(41)}  INFO 1 --- [invoice-service] [nio-8080-exec-2] c.a.billing.web.InvoiceController        : POST /v1/invoices 201 (57 ms)`,
    `${bootTime(6)}  INFO 1 --- [invoice-service] [nio-8080-exec-9] c.a.billing.web.InvoiceController        : GET /v1/invoices?customer=C-${30412 + k} 200 (31 ms)`,
    `${bootTime(0.7)}  INFO 1 --- [invoice-service] [nio-8080-exec-4] c.a.billing.web.InvoiceController        : GET /v1/invoices/INV-2026-12${k}907 200 (17 ms)`,
  );
  return {
    id: 'heldout87-hikari-clock-leap-healthy',
    class: 'healthy',
    truth: 'invoice-service runs 2/2 Ready on revision 34 (4.7.0, four days old) with no restarts and serves normally. Each pod logged one HikariCP housekeeper warning "Thread starvation or clock leap detected (housekeeper delta=1m2s)" about four and a half hours ago, during a short night-time pause of the JVM/VM; the pool recovered by itself and every request since succeeded. Nothing to fix.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cfg,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally|no issues/i],
      facts: [/invoice-service/],
      never: [/(starvation|clock leap|hikari)[^\n]*(cause|fail|problem|broke)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  initContainersWaitForEachOther(),
  kmsKeyPendingDeletion(),
  celeryUnregisteredTask(),
  mongoTransactionLifetimeExceeded(),
  elasticsearchCircuitBreaker(),
  serializableWithoutRetry(),
  hikariClockLeapHealthy(),
];
