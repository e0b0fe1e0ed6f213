// Held-out stories, seventy-sixth round, part one: a pika BlockingConnection consumer whose long
// label renders block its connection thread so it misses heartbeats and RabbitMQ closes it (the
// unacked messages are redelivered and rendered twice); Flyway refusing to start a Spring Boot
// service after a MySQL migration (non-transactional DDL) failed half-way on the first attempt; an
// Azure storage account with shared-key access disabled whose workload identity only holds a
// management-plane role (403 AuthorizationPermissionMismatch); a new EKS node group, tainted, that
// the eks-pod-identity-agent DaemonSet does not tolerate, so pods there cannot reach
// 169.254.170.23; an OIDC login keeping its state in process memory after a scale from 1 to 3
// replicas without session affinity; a MongoDB user narrowed from readWrite to read by the
// operator's reconcile; and a healthy control: a Python service warning that pkg_resources is
// deprecated at each start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, daemonSetApp, deploymentApp, event, exposed, httpProbe,
  nameOf, node, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** RabbitMQ 3.13's log time: `2026-11-21 03:02:11.402418+00:00`. */
const rmqTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '418+00:00');
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = (m: number): string => at(m);

// ---- 1. pika BlockingConnection: long renders on the connection thread, missed heartbeats ------------

function pikaMissedHeartbeats(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '129', '203']);
  const image = `${ECR}/fulfillment/label-renderer:3.7.1`;
  const tpl = {
    containers: [container({
      image, command: ['python', '-m', 'label_renderer.worker'], ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '1', memory: '1Gi',
      env: [
        { name: 'AMQP_URL', value: 'amqp://label-renderer@rabbitmq.fulfillment.svc.cluster.local:5672/%2Ffulfillment?heartbeat=60' },
        { name: 'QUEUE', value: 'labels.render' },
        { name: 'PREFETCH_COUNT', value: '4' },
      ],
      readiness: null, liveness: null,
    })],
  };
  const worker = deploymentApp({
    namespace: ns,
    name: 'label-renderer',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: label-renderer 3.7.1', template: tpl }],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 4.2, restarts: 9, last: { exitCode: 1, finishedAgo: 4.2, ranSeconds: 610 } }) } },
      { revision: 19, node: names[1] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 9.6, restarts: 7, last: { exitCode: 1, finishedAgo: 9.6, ranSeconds: 540 } }) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const rmqTpl = { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '500m', memory: '2Gi', readiness: tcpProbe('amqp'), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }] })] };
  const rmq = statefulSetApp({ namespace: ns, name: 'rabbitmq', replicas: 1, revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: rmqTpl }], pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 12 * DAYS }], volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }] });
  const other = bystander(ns, 'shipment-api', names, 95, { revisions: [40, 41], versions: ['5.2.0', '5.3.0'], olderAgo: 9 * DAYS });
  const w0 = podOf(worker, 0);
  const w1 = podOf(worker, 1);
  const rmqPod = podOf(rmq, 0);
  const render = (t: number, pod: string, job: number, secs: number, redelivered: boolean) => [
    `${pyTime(t)} INFO label_renderer.worker [${pod}] received delivery_tag=${job % 97 + 1} job_id=lbl-${job} carrier=DHL pages=${Math.round(secs * 3.1)} redelivered=${redelivered ? 'True' : 'False'}`,
    `${pyTime(t - secs / 60)} INFO label_renderer.render [${pod}] rendered job_id=lbl-${job} pages=${Math.round(secs * 3.1)} in ${secs.toFixed(1)}s, uploaded s3://acme-labels-prod/2026/11/21/lbl-${job}.pdf`,
  ];
  const crash = (t: number, pod: string, job: number) => [
    `${pyTime(t)} ERROR label_renderer.worker [${pod}] ack failed for job_id=lbl-${job} delivery_tag=3`,
    'Traceback (most recent call last):',
    '  File "/app/label_renderer/worker.py", line 88, in on_message',
    '    channel.basic_ack(delivery_tag=method.delivery_tag)',
    '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 2130, in basic_ack',
    '    self._flush_output()',
    '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 1353, in _flush_output',
    '    self._connection._flush_output(lambda: self.is_closed, *waiters)',
    '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 523, in _flush_output',
    '    raise self._closed_result.value.error',
    "pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')",
  ];
  const start = (t: number, pod: string) => [
    `${pyTime(t)} INFO label_renderer.worker [${pod}] connecting to rabbitmq.fulfillment.svc.cluster.local:5672 vhost=/fulfillment heartbeat=60 (BlockingConnection)`,
    `${pyTime(t - 0.01)} INFO pika.adapters.utils.connection_workflow Pika version 1.3.2 connecting to ('172.20.41.17', 5672)`,
    `${pyTime(t - 0.02)} INFO label_renderer.worker [${pod}] consuming queue=labels.render prefetch=4`,
  ];
  const workerLog = (pod: k8s.V1Pod, since: number, base: number) => {
    const n = nameOf(pod);
    return {
      previous: lines(
        ...start(since + 10.2, n),
        ...render(since + 10.0, n, base, 21.4, false),
        ...render(since + 9.6, n, base + 1, 18.9, false),
        ...render(since + 9.2, n, base + 2, 83.7, false),
        ...render(since + 7.7, n, base + 3, 96.2, true),
        `${pyTime(since + 6.0)} WARNING label_renderer.render [${n}] job_id=lbl-${base + 4} carrier=UPS bulk manifest pages=412, rendering synchronously`,
        `${pyTime(since + 0.02)} INFO label_renderer.render [${n}] rendered job_id=lbl-${base + 4} pages=412 in 358.4s, uploaded s3://acme-labels-prod/2026/11/21/lbl-${base + 4}.pdf`,
        ...crash(since + 0.01, n, base + 4),
      ),
      current: lines(
        ...start(since - 0.01, n),
        `${pyTime(since - 0.05)} INFO label_renderer.worker [${n}] received delivery_tag=1 job_id=lbl-${base + 4} carrier=UPS pages=412 redelivered=True`,
        `${pyTime(since - 0.05)} WARNING label_renderer.render [${n}] job_id=lbl-${base + 4} carrier=UPS bulk manifest pages=412, rendering synchronously`,
      ),
    };
  };
  const ip0 = ipOfPod(w0);
  const ip1 = ipOfPod(w1);
  const rip = ipOfPod(rmqPod);
  const closed = (t: number, ip: string, port: number, pid: number) => [
    `${rmqTime(t)} [error] <0.${pid}.0> closing AMQP connection <0.${pid}.0> (${ip}:${port} -> ${rip}:5672):`,
    `${rmqTime(t)} [error] <0.${pid}.0> missed heartbeats from client, timeout: 60s`,
  ];
  return {
    id: 'heldout76-pika-blocking-consumer-missed-heartbeats',
    class: 'containers',
    truth: 'label-renderer consumes with pika\'s BlockingConnection and renders each label synchronously inside the message callback, on the connection\'s only thread. Since carriers started sending bulk manifests (400+ pages, 5–6 minutes to render), the thread cannot service the connection for far longer than the 60 s heartbeat: RabbitMQ closes it ("missed heartbeats from client, timeout: 60s"), the ack then fails with StreamLostError, the worker exits 1 and restarts, and the unacked messages are redelivered and rendered again (duplicate labels, a queue that never drains). RabbitMQ itself is healthy. Fix: run the work off the connection thread (thread + add_callback_threadsafe) or process_data_events while working, not a longer heartbeat alone.',
    ask: { service: 'label-renderer', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...rmq.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: other.pods }),
      ...restartedAgain(w0, 'app', image, { count: 9, firstAgo: 3 * HOURS + 40, lastAgo: 4.2 }),
      ...restartedAgain(w1, 'app', image, { count: 7, firstAgo: 3 * HOURS + 5, lastAgo: 9.6 }),
      backOff(w0, 'app', { count: 3, firstAgo: 2 * HOURS + 10, lastAgo: 4.3 }),
    ],
    logs: [
      logsFor(w0, 'app', workerLog(w0, 4.2, 884120)),
      logsFor(w1, 'app', workerLog(w1, 9.6, 884031)),
      logsFor(rmqPod, 'rabbitmq', {
        current: lines(
          `${rmqTime(20.1)} [info] <0.27911.0> accepting AMQP connection <0.27911.0> (${ip1}:50318 -> ${rip}:5672)`,
          `${rmqTime(20.1)} [info] <0.27911.0> connection <0.27911.0> (${ip1}:50318 -> ${rip}:5672): user 'label-renderer' authenticated and granted access to vhost '/fulfillment'`,
          ...closed(14.6, ip0, 41872, 28102),
          ...closed(9.7, ip1, 50318, 27911),
          `${rmqTime(9.55)} [info] <0.28540.0> accepting AMQP connection <0.28540.0> (${ip1}:33604 -> ${rip}:5672)`,
          `${rmqTime(9.55)} [info] <0.28540.0> connection <0.28540.0> (${ip1}:33604 -> ${rip}:5672): user 'label-renderer' authenticated and granted access to vhost '/fulfillment'`,
          ...closed(4.3, ip0, 58810, 28377),
          `${rmqTime(4.15)} [info] <0.28813.0> accepting AMQP connection <0.28813.0> (${ip0}:39126 -> ${rip}:5672)`,
          `${rmqTime(4.15)} [info] <0.28813.0> connection <0.28813.0> (${ip0}:39126 -> ${rip}:5672): user 'label-renderer' authenticated and granted access to vhost '/fulfillment'`,
          ...closed(2.8, ip1, 33604, 28540),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/heartbeat/i],
      facts: [/timeout: 60s|60 ?s(econds)?/i, /block|long[- ]running|synchronous|same thread|connection thread|process_data_events|callback/i, /redeliver|duplicat|unacked|StreamLostError/i],
      never: [/\bOOM/, /rabbitmq[^\n]*(down|crash|unavailable|out of memory)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 2. Flyway: a failed MySQL migration left in flyway_schema_history ------------------------------

function flywayFailedMigration(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '97', '188']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://billing-mysql.cluster-cq81rmx0az4k.eu-west-1.rds.amazonaws.com:3306/billing' },
        { name: 'SPRING_FLYWAY_ENABLED', value: 'true' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-service 2.30.4', template: tpl('2.30.4') },
      { revision: 58, createdAgo: 74, changeCause: 'argocd: invoice-service 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 58, node: names[1] ?? '', createdAgo: 73, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 14 }, 17) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'payment-gateway', names, 3 * HOURS, { revisions: [88, 89], versions: ['9.4.1', '9.4.2'], olderAgo: 20 * DAYS });
  const boot = (t: number) => [
    `${springTime(t)}  INFO 1 --- [invoice-service] [           main] c.a.billing.InvoiceServiceApplication    : Starting InvoiceServiceApplication v2.31.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${springTime(t - 0.05)}  INFO 1 --- [invoice-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${springTime(t - 0.05)}  INFO 1 --- [invoice-service] [           main] org.flywaydb.core.FlywayExecutor         : Database: jdbc:mysql://billing-mysql.cluster-cq81rmx0az4k.eu-west-1.rds.amazonaws.com:3306/billing (MySQL 8.0)`,
  ];
  const previous = lines(
    ...boot(2.83),
    `${springTime(2.78)} ERROR 1 --- [invoice-service] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource [org/springframework/boot/autoconfigure/flyway/FlywayAutoConfiguration$FlywayConfiguration.class]: Validate failed: Migrations have failed validation",
    'Detected failed migration to version 42 (add invoice tax breakdown).',
    'Please remove any half-completed changes then run repair to fix the schema history.',
    'Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:600)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.billing.InvoiceServiceApplication.main(InvoiceServiceApplication.java:12)',
    'Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation',
    'Detected failed migration to version 42 (add invoice tax breakdown).',
    'Please remove any half-completed changes then run repair to fix the schema history.',
    'Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE',
    '\tat org.flywaydb.core.Flyway.lambda$migrate$0(Flyway.java:160)',
    '\tat org.flywaydb.core.FlywayExecutor.execute(FlywayExecutor.java:205)',
    '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
    '\t... 18 common frames omitted',
  );
  const migrations = configMap({
    namespace: ns, name: 'invoice-service-migration-notes', createdAgo: 74,
    data: {
      'V42__add_invoice_tax_breakdown.sql': [
        'ALTER TABLE invoice ADD COLUMN tax_breakdown JSON NULL;',
        'ALTER TABLE invoice_line ADD COLUMN tax_rate_id BIGINT NULL;',
        'ALTER TABLE invoice_line ADD CONSTRAINT fk_invoice_line_tax_rate FOREIGN KEY (tax_rate_id) REFERENCES tax_rates(id);',
        '',
      ].join('\n'),
      'deploy-log.txt': [
        `${at(72.3)} flyway: Migration V42__add_invoice_tax_breakdown.sql failed`,
        'SQL State  : HY000',
        'Error Code : 1824',
        "Message    : Failed to open the referenced table 'tax_rates'",
        'Location   : db/migration/V42__add_invoice_tax_breakdown.sql',
        'Line       : 3',
        'Statement  : ALTER TABLE invoice_line ADD CONSTRAINT fk_invoice_line_tax_rate FOREIGN KEY (tax_rate_id) REFERENCES tax_rates(id)',
        'note: MySQL DDL is not transactional; statements 1-2 of V42 were committed before the failure',
        '',
      ].join('\n'),
    },
  });
  return {
    id: 'heldout76-flyway-failed-mysql-migration-blocks-start',
    class: 'containers',
    truth: 'invoice-service 2.31.0 (revision 58, 74 minutes ago) brought Flyway migration V42. On MySQL DDL is not transactional: its first two ALTER TABLEs committed, the third (a foreign key to a tax_rates table that does not exist) failed, and Flyway recorded version 42 as failed in flyway_schema_history. Every start since fails validation ("Detected failed migration to version 42"), so the new pod crash-loops with exit 1 and the rollout is stuck on three revision-57 pods. Fix: undo the half-applied columns, fix V42, and run flyway repair; the database is reachable and healthy.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, migrations,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payment-gateway', selector: { app: 'payment-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 74),
      scheduled(fresh, 73),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.31.0')}" in 6.118s (6.118s including waiting). Image size: 201338112 bytes.`, firstAgo: 72.9, lastAgo: 72.9, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2.31.0'), { count: 17, firstAgo: 72.8, lastAgo: 2.8 }),
      backOff(fresh, 'app', { count: 318, firstAgo: 71, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${springTime(1.1)}  INFO 1 --- [invoice-service] [nio-8080-exec-4] c.a.billing.web.InvoiceController        : GET /v1/invoices?customer=C-20931 200 (41 ms)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/flyway|failed migration|schema[_ ]history|migration/i, /\b42\b/],
      facts: [/repair|half[- ]completed|partially applied|non[- ]transactional/i, /CrashLoopBackOff|crash|exit(ed)?( code)? 1/i],
      never: [/\bOOM/, /(database|mysql)[^\n]*(unreachable|down|refused|timed? ?out)/i, /liveness/i],
    },
  };
}

// ---- 3. Azure Blob: shared keys disabled, identity holds only a management-plane role ----------------

function azureBlobPermissionMismatch(): CorpusScenario {
  const ns = 'media';
  const aks = [0, 1, 2].map((i) => node({ name: `aks-user-31582047-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool: 'user', instanceType: 'Standard_D4s_v5', createdAgo: 21 * DAYS }));
  const names = aks.map(nameOf);
  const image = (v: string) => `acmeprod.azurecr.io/media/thumbnailer:${v}`;
  const clientId = '7c1f4e2a-93b0-4d55-8a61-0e2b9f6c3d18';
  const tpl = (v: string, wi: boolean) => ({
    serviceAccountName: 'thumbnailer',
    ...(wi ? { labels: { 'azure.workload.identity/use': 'true' } } : {}),
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '768Mi',
      env: wi
        ? [{ name: 'AZURE_STORAGE_ACCOUNT_URL', value: 'https://stmediaprodweu.blob.core.windows.net' }, { name: 'THUMBS_CONTAINER', value: 'thumbnails' }]
        : [{ name: 'AZURE_STORAGE_CONNECTION_STRING', valueFrom: { secretKeyRef: { name: 'thumbnailer-storage', key: 'connection-string' } } }, { name: 'THUMBS_CONTAINER', value: 'thumbnails' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 15 * DAYS, changeCause: 'flux: thumbnailer 4.2.0', template: tpl('4.2.0', false) },
      { revision: 24, createdAgo: 48, changeCause: 'flux: thumbnailer 4.2.0 — switch to workload identity (stmediaprodweu allowSharedKeyAccess=false)', template: tpl('4.2.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 47 - k })),
  });
  // What the workload identity webhook adds at admission.
  for (const p of app.pods) {
    const c = p.spec?.containers[0];
    if (c) c.env = [...(c.env ?? []), { name: 'AZURE_CLIENT_ID', value: clientId }, { name: 'AZURE_TENANT_ID', value: 'b4d7e2c9-1f0a-4e6b-9c3d-5a8f7e1d2c40' }, { name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/var/run/secrets/azure/tokens/azure-identity-token' }, { name: 'AZURE_AUTHORITY_HOST', value: 'https://login.microsoftonline.com/' }];
  }
  const identity = configMap({
    namespace: ns, name: 'thumbnailer-identity', createdAgo: 50,
    data: {
      'managed-identity': `id-thumbnailer-prod (clientId ${clientId})`,
      'role-assignments': 'Contributor @ /subscriptions/9a3e51c2-7d40-4b8e-a1f6-2c5d8e0b7f93/resourceGroups/rg-media-prod/providers/Microsoft.Storage/storageAccounts/stmediaprodweu\n',
      'federated-credential': 'system:serviceaccount:media:thumbnailer',
      'managed-by': 'terraform (infra-media/identity.tf)',
    },
  });
  const other = bystander(ns, 'media-api', names, 4 * HOURS, { revisions: [61, 62], versions: ['7.0.3', '7.0.4'], olderAgo: 11 * DAYS });
  const err = (t: number, blob: string, req: string) => [
    `${pyTime(t)} ERROR thumbnailer.worker upload failed blob=thumbnails/${blob}`,
    'Traceback (most recent call last):',
    '  File "/app/thumbnailer/worker.py", line 64, in process',
    '    blob_client.upload_blob(data, overwrite=True, content_settings=settings)',
    '  File "/usr/local/lib/python3.12/site-packages/azure/storage/blob/_blob_client.py", line 599, in upload_blob',
    '    return cast(Dict[str, Any], upload_block_blob(**options))',
    '  File "/usr/local/lib/python3.12/site-packages/azure/storage/blob/_upload_helpers.py", line 195, in upload_block_blob',
    '    process_storage_error(error)',
    'azure.core.exceptions.HttpResponseError: This request is not authorized to perform this operation using this permission.',
    `RequestId:${req}`,
    `Time:${at(t).replace(/\.\d+Z$/, '.4123456Z')}`,
    'ErrorCode:AuthorizationPermissionMismatch',
    'Content: <?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.</Message></Error>',
    `${pyTime(t - 0.001)} INFO uvicorn.access 10.244.1.17:51220 - "POST /v1/thumbnails HTTP/1.1" 502`,
  ];
  const log = (k: number) => lines(
    `${pyTime(46.5 - k)} INFO thumbnailer.main starting thumbnailer 4.2.0 account=https://stmediaprodweu.blob.core.windows.net container=thumbnails`,
    `${pyTime(46.4 - k)} INFO azure.identity._credentials.environment No environment configuration found.`,
    `${pyTime(46.4 - k)} INFO azure.identity._credentials.managed_identity ManagedIdentityCredential will use workload identity`,
    `${pyTime(46.3 - k)} INFO uvicorn.error Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    `${pyTime(45.9 - k)} INFO azure.identity._credentials.chained DefaultAzureCredential acquired a token from WorkloadIdentityCredential`,
    ...err(45.8 - k, `u-88123/${k}a91.webp`, `5e0c1b7a-801e-00${k}4-3b12-4f9e8d000000`),
    ...err(21.2 - k, `u-20417/${k}c03.webp`, `9a2f7d31-401e-00${k}9-71c4-4f9e8d000000`),
    ...err(1.4 + k * 0.2, `u-77310/${k}e55.webp`, `c41b0e92-b01e-00${k}1-12aa-4f9e8d000000`),
    `${pyTime(0.5)} INFO uvicorn.access 10.244.0.1:40112 - "GET /healthz HTTP/1.1" 200`,
  );
  return {
    id: 'heldout76-azure-blob-authorization-permission-mismatch',
    class: 'config',
    truth: 'The storage account stmediaprodweu had shared-key access disabled (Entra ID only), so thumbnailer revision 24 switched from the account-key connection string to workload identity. The managed identity id-thumbnailer-prod only has the management-plane Contributor role on the account, no data-plane role (Storage Blob Data Contributor): the token is acquired fine, but every blob write answers 403 AuthorizationPermissionMismatch, and every thumbnail upload fails with 502. The pods are healthy; fix the role assignment, not the app, and rolling back to the key is impossible since keys are disabled.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...other.objects, identity,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 3, 2, 45),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 0, 1, 44.5),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/AuthorizationPermissionMismatch|Storage Blob Data|data[- ]plane|role assignment|RBAC|not authori[sz]ed|permission/i],
      facts: [/403|AuthorizationPermissionMismatch/, /Storage Blob Data|data[- ]plane|Contributor|role/i],
      never: [ADVISES_ROLLBACK, /rotate[^\n]*key|key[^\n]*(expired|rotated)/i, /token[^\n]*(fail|expired|invalid)|federated[^\n]*(missing|wrong)/i],
    },
  };
}

// ---- 4. EKS Pod Identity agent absent from a new, tainted node group -------------------------------

function podIdentityAgentMissingOnNodeGroup(): CorpusScenario {
  const ns = 'orders';
  const old = ['31', '152', '77'].map((h, i) => node({ name: eksNodeName(`10.0.60.${h}`), zone: `eu-west-1${'abc'[i]}`, pool: 'general', createdAgo: 40 * DAYS }));
  const taint: k8s.V1Taint = { key: 'workload', value: 'batch', effect: 'NoSchedule' };
  const fresh = ['12', '209'].map((h, i) => node({ name: eksNodeName(`10.0.61.${h}`), zone: `eu-west-1${'ab'[i]}`, pool: 'batch-spot', instanceType: 'm6i.2xlarge', labels: { 'eks.amazonaws.com/capacityType': 'SPOT', workload: 'batch' }, taints: [taint], createdAgo: 95 }));
  const oldNames = old.map(nameOf);
  const newNames = fresh.map(nameOf);
  const image = `${ECR}/orders/order-export:2.8.3`;
  const tpl = {
    serviceAccountName: 'order-export',
    tolerations: [{ key: 'workload', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }],
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'workload', operator: 'In', values: ['batch'] }] } }] } },
    containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', env: [{ name: 'EXPORT_BUCKET', value: 'acme-order-exports-prod' }, { name: 'AWS_REGION', value: 'eu-west-1' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'order-export',
    replicas: 4,
    revisions: [{ revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: order-export 2.8.3', template: tpl }],
    pods: [
      { revision: 14, node: oldNames[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 14, node: oldNames[2] ?? '', createdAgo: 9 * DAYS },
      { revision: 14, node: newNames[0] ?? '', createdAgo: 80, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 9 }, 19) } },
      { revision: 14, node: newNames[1] ?? '', createdAgo: 79, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 9 }, 19) } },
    ],
    settled: { available: true, availableSince: 80, progressingSince: 9 * DAYS },
  });
  // What the EKS Pod Identity webhook adds to every pod of a service account with an association.
  for (const p of app.pods) {
    const c = p.spec?.containers[0];
    if (c) {
      c.env = [...(c.env ?? []), { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, { name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }, { name: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', value: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token' }];
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: 'eks-pod-identity-token', mountPath: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount', readOnly: true }];
    }
    if (p.spec) p.spec.volumes = [...(p.spec.volumes ?? []), { name: 'eks-pod-identity-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'pods.eks.amazonaws.com', expirationSeconds: 86400, path: 'eks-pod-identity-token' } }] } }];
  }
  const agentImage = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/eks-pod-identity-agent:v0.1.15';
  const agent = daemonSetApp({
    namespace: 'kube-system',
    name: 'eks-pod-identity-agent',
    selector: { 'app.kubernetes.io/name': 'eks-pod-identity-agent', 'app.kubernetes.io/instance': 'eks-pod-identity-agent' },
    revisions: [{
      revision: 3, createdAgo: 40 * DAYS,
      template: {
        priorityClassName: 'system-node-critical',
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }, { key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['fargate', 'hybrid', 'auto'] }] }] } } },
        containers: [container({ name: 'eks-pod-identity-agent', image: agentImage, command: ['/go-runner', '/eks-pod-identity-agent', 'server'], args: ['--port', '80', '--cluster-name', 'prod-euw1', '--probe-port', '2703'], ports: [{ name: 'proxy', containerPort: 80 }, { name: 'probes-port', containerPort: 2703 }], cpu: '25m', memory: '64Mi', readiness: httpProbe('/readyz', 'probes-port'), liveness: httpProbe('/healthz', 'probes-port', { initialDelaySeconds: 30 }) })],
      },
    }],
    pods: oldNames.map((n) => ({ revision: 3, node: n, createdAgo: 40 * DAYS })),
    createdAgo: 40 * DAYS,
  });
  const stuck = [podOf(app, 2), podOf(app, 3)];
  const fail = (t: number) => `{"time":"${at(t)}","level":"ERROR","msg":"export run failed","run":"exp-${Math.round(t * 37) % 9000 + 1000}","error":"operation error S3: PutObject, get identity: get credentials: failed to refresh cached credentials, failed to load credentials, exceeded maximum attempts 3, request send failed, Get \\"http://169.254.170.23/v1/credentials\\": dial tcp 169.254.170.23:80: connect: connection refused"}`;
  return {
    id: 'heldout76-eks-pod-identity-agent-missing-on-tainted-nodegroup',
    class: 'nodes',
    truth: 'A new managed node group batch-spot (95 minutes ago) carries the taint workload=batch:NoSchedule, which order-export tolerates and prefers. The eks-pod-identity-agent DaemonSet was configured to tolerate only CriticalAddonsOnly, so it has no pod on the two new nodes (desired 3, the old general nodes). The two order-export pods scheduled there find nothing listening on 169.254.170.23:80, cannot get their Pod Identity credentials (connection refused) and crash-loop; the two pods on old nodes work. IAM and the association are fine. Fix: let the agent tolerate the taint (addon configuration).',
    ask: { service: 'order-export', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...agent.objects,
      ...exposed({ namespace: ns, name: 'order-export', selector: { app: 'order-export' }, pods: app.pods }),
      ...fresh.flatMap((n) => [
        event({ on: { kind: 'Node', name: nameOf(n) }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, firstAgo: 94, lastAgo: 94, component: 'node-controller' }),
        event({ on: { kind: 'Node', name: nameOf(n) }, type: 'Normal', reason: 'NodeReady', message: `Node ${nameOf(n)} status is now: NodeReady`, firstAgo: 93.5, lastAgo: 93.5 }),
      ]),
      ...stuck.flatMap((p, i) => [scheduled(p, 80 - i), ...restartedAgain(p, 'app', image, { count: 19, firstAgo: 79.8 - i, lastAgo: i === 0 ? 3.2 : 1.3 }), backOff(p, 'app', { count: 352, firstAgo: 78 - i, lastAgo: 0.4 })]),
    ],
    logs: [
      ...stuck.map((p, i) => logsFor(p, 'app', {
        previous: lines(
          `{"time":"${at(i === 0 ? 3.25 : 1.35)}","level":"INFO","msg":"order-export starting","version":"2.8.3","bucket":"acme-order-exports-prod"}`,
          `{"time":"${at(i === 0 ? 3.24 : 1.34)}","level":"INFO","msg":"aws config loaded","region":"eu-west-1","credentials_source":"container (AWS_CONTAINER_CREDENTIALS_FULL_URI)"}`,
          fail(i === 0 ? 3.1 : 1.2),
          `{"time":"${at(i === 0 ? 3.1 : 1.2)}","level":"ERROR","msg":"startup check failed: cannot write to export bucket, exiting","code":1}`,
        ),
      })),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(4.0)}","level":"INFO","msg":"export run completed","run":"exp-7731","orders":1842,"object":"s3://acme-order-exports-prod/2026/11/21/0310.parquet"}`) })),
      ...agent.pods.map((p) => logsFor(p, 'eks-pod-identity-agent', { current: lines(`{"level":"info","msg":"Starting server...","time":"${at(40 * DAYS)}"}`, `{"client-addr":"${ipOfPod(podOf(app, 0))}:41834","cluster-name":"prod-euw1","level":"info","msg":"handling new request request from 169.254.170.23:80","time":"${at(4.1)}"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pod[- ]identity[- ]agent|169\.254\.170\.23|pod identity/i],
      facts: [/batch-spot|taint|toleration|workload=batch/i, /connection refused/i],
      never: [/IAM (role|polic)[^\n]*(missing|wrong|denied)|AccessDenied/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 5. OIDC state kept in process memory, scaled 1 → 3 without affinity ----------------------------

function oidcStateInMemoryAfterScaleOut(): CorpusScenario {
  const ns = 'backoffice';
  const { nodes, names } = threeEksNodes('10.0.102', ['40', '171', '229']);
  const image = `${ECR}/backoffice/admin-console:1.19.2`;
  const tpl = {
    containers: [container({
      image, command: ['gunicorn', '-w', '2', '-b', '0.0.0.0:8000', 'admin_console.app:app'], ports: [8000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'OIDC_ISSUER', value: 'https://login.acme-corp.com/realms/staff' },
        { name: 'OIDC_CLIENT_ID', value: 'admin-console' },
        { name: 'OIDC_REDIRECT_URI', value: 'https://admin.acme-corp.com/auth/callback' },
        { name: 'SESSION_TYPE', value: 'cachelib' },
      ],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'admin-console',
    replicas: 3,
    revisions: [{ revision: 8, createdAgo: 17 * DAYS, changeCause: 'argocd: admin-console 1.19.2', template: tpl }],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 17 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 52 },
      { revision: 8, node: names[2] ?? '', createdAgo: 52 },
    ],
    settled: { available: true, availableSince: 17 * DAYS, progressingSince: 17 * DAYS },
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.metadata) dep.metadata.generation = (dep.metadata.generation ?? 1) + 1;
  if (dep.status) dep.status.observedGeneration = dep.metadata?.generation;
  const other = bystander(ns, 'refund-approvals', names, 5 * HOURS, { revisions: [12, 13], versions: ['0.9.7', '0.9.8'], olderAgo: 30 * DAYS });
  const start = (t: number) => [
    `[${pyTime(t).replace(',', '.')} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(t).replace(',', '.')} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${pyTime(t - 0.01)} INFO admin_console.app session backend: cachelib SimpleCache (in-process, per worker)`,
    `${pyTime(t - 0.01)} INFO admin_console.auth OIDC client registered issuer=https://login.acme-corp.com/realms/staff`,
  ];
  const ok = (t: number, user: string) => [
    `${pyTime(t)} INFO admin_console.access 10.0.102.8 "GET /login HTTP/1.1" 302 -> https://login.acme-corp.com/realms/staff/protocol/openid-connect/auth`,
    `${pyTime(t - 0.15)} INFO admin_console.auth login ok sub=${user} groups=[support-leads]`,
    `${pyTime(t - 0.15)} INFO admin_console.access 10.0.102.8 "GET /auth/callback?state=… HTTP/1.1" 302 -> /`,
  ];
  const mismatch = (t: number) => [
    `${pyTime(t)} ERROR admin_console.auth OIDC callback failed`,
    'Traceback (most recent call last):',
    '  File "/app/admin_console/auth.py", line 47, in callback',
    '    token = oauth.staff.authorize_access_token()',
    '  File "/usr/local/lib/python3.12/site-packages/authlib/integrations/flask_client/apps.py", line 100, in authorize_access_token',
    '    params = self._format_state_params(state_data, params)',
    '  File "/usr/local/lib/python3.12/site-packages/authlib/integrations/base_client/sync_app.py", line 234, in _format_state_params',
    '    raise MismatchingStateError()',
    'authlib.integrations.base_client.errors.MismatchingStateError: mismatching_state: CSRF Warning! State not equal in request and response.',
    `${pyTime(t - 0.001)} INFO admin_console.access 10.0.102.8 "GET /auth/callback?state=… HTTP/1.1" 400`,
  ];
  const podLog = (k: number) => lines(
    ...(k === 0 ? [] : start(51.5)),
    ...ok(40 - k, `u-${1031 + k}`),
    ...mismatch(38.2 - k),
    ...mismatch(30.6 - k),
    ...ok(22.1 - k, `u-${2207 + k}`),
    ...mismatch(17.9 - k),
    ...mismatch(9.4 - k),
    ...mismatch(2.2 - k * 0.5),
    `${pyTime(0.6)} INFO admin_console.access 10.0.102.33 "GET /healthz HTTP/1.1" 200`,
  );
  const svcObjs = exposed({ namespace: ns, name: 'admin-console', selector: { app: 'admin-console' }, pods: app.pods });
  return {
    id: 'heldout76-oidc-state-in-memory-scaled-to-three',
    class: 'config',
    truth: 'admin-console keeps the OIDC login state (and its sessions) in an in-process cache (cachelib SimpleCache). It ran as one replica for months; 52 minutes ago it was scaled from 1 to 3 replicas (before a support-team onboarding), and its Service has sessionAffinity None with no sticky ingress. The /login redirect and the /auth/callback now land on different pods about two times in three, where the state is unknown: authlib raises "mismatching_state: CSRF Warning! State not equal in request and response" and the login fails with 400. The pods and the IdP are healthy. Fix: a shared session store (Redis) or session affinity, or back to 1 replica meanwhile.',
    ask: { service: 'admin-console', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...svcObjs,
      ...exposed({ namespace: ns, name: 'refund-approvals', selector: { app: 'refund-approvals' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 3, 1, 52),
      ...[1, 2].flatMap((i) => [
        event({ on: { kind: 'ReplicaSet', name: rsOf(app, 8), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, i))}`, firstAgo: 52, lastAgo: 52, component: 'replicaset-controller' }),
        scheduled(podOf(app, i), 52),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/state|CSRF|session/i, /replica|scal|affinity|in[- ]memory|in[- ]process|shared|sticky|1 (to|→|->) 3/i],
      facts: [/from 1 to 3|1 (to|→|->) 3|3 replicas/i, /sessionAffinity|affinity|sticky|redis|shared (session )?store|in[- ]process|in[- ]memory/i],
      never: [/clock|time skew/i, /(IdP|identity provider|keycloak)[^\n]*(down|outage|unreachable)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. MongoDB user narrowed from readWrite to read by the operator's reconcile -------------------

function mongoRoleNarrowed(): CorpusScenario {
  const ns = 'reviews';
  const { nodes, names } = threeEksNodes('10.0.116', ['25', '138', '240']);
  const image = `${ECR}/reviews/review-api:6.4.0`;
  const tpl = {
    containers: [container({
      image, ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'MONGODB_URI', value: 'mongodb://review-api@reviews-mongo-0.reviews-mongo-svc.reviews.svc.cluster.local:27017,reviews-mongo-1.reviews-mongo-svc.reviews.svc.cluster.local:27017,reviews-mongo-2.reviews-mongo-svc.reviews.svc.cluster.local:27017/reviews?replicaSet=reviews-mongo&authSource=reviews' },
        { name: 'NODE_ENV', value: 'production' },
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 15 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'review-api',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 8 * DAYS, changeCause: 'argocd: review-api 6.4.0', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const mongoImage = 'quay.io/mongodb/mongodb-community-server:7.0.14-ubi8';
  const mongo = statefulSetApp({
    namespace: ns, name: 'reviews-mongo', replicas: 3, serviceName: 'reviews-mongo-svc',
    revisions: [{ revision: 5, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mongod', image: mongoImage, ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi', readiness: null, liveness: null, volumeMounts: [{ name: 'data-volume', mountPath: '/data' }] })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 5, ordinal: o, node: names[o] ?? '', createdAgo: 20 * DAYS })),
    volumeClaimTemplates: [{ name: 'data-volume', storage: '50Gi' }],
  });
  const opImage = 'quay.io/mongodb/mongodb-kubernetes-operator:0.11.0';
  const op = deploymentApp({
    namespace: ns, name: 'mongodb-kubernetes-operator', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 45 * DAYS, template: { serviceAccountName: 'mongodb-kubernetes-operator', containers: [container({ name: 'mongodb-kubernetes-operator', image: opImage, command: ['/usr/local/bin/entrypoint'], ports: [], cpu: '100m', memory: '256Mi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 45 * DAYS }],
    settled: { available: true, availableSince: 45 * DAYS, progressingSince: 45 * DAYS },
  });
  const primary = podOf(mongo, 0);
  const opPod = podOf(op, 0);
  const mdate = (t: number) => at(t).replace('Z', '+00:00');
  const denied = (t: number, conn: number, cmd: string) => `{"t":{"$date":"${mdate(t)}"},"s":"I",  "c":"ACCESS",   "id":20436,   "ctx":"conn${conn}","msg":"Checking authorization failed","attr":{"error":{"code":13,"codeName":"Unauthorized","errmsg":"not authorized on reviews to execute command ${cmd}"}}}`;
  const insertCmd = '{ insert: \\"reviews\\", documents: [ { _id: ObjectId(\'674e9a1c2f1d4b7e8c3a5f10\'), productId: \\"SKU-55402\\", rating: 4, ... } ], ordered: true, lsid: { id: UUID(\\"3f1c...\\") }, txnNumber: 18, $clusterTime: { ... }, $db: \\"reviews\\" }';
  const updateCmd = '{ update: \\"review_stats\\", updates: [ { q: { productId: \\"SKU-55402\\" }, u: { $inc: { count: 1, sum: 4 } }, upsert: true } ], ordered: true, $db: \\"reviews\\" }';
  const appErr = (t: number, k: number) => [
    `{"level":50,"time":${new Date(at(t)).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","reqId":"req-${(k + 1) * 1000 + Math.round(t * 10)}","err":{"type":"MongoServerError","message":"not authorized on reviews to execute command { insert: \\"reviews\\", documents: [ ... ], ordered: true, $db: \\"reviews\\" }","errorResponse":{"ok":0,"errmsg":"not authorized on reviews to execute command { insert: \\"reviews\\", ... }","code":13,"codeName":"Unauthorized"},"code":13,"codeName":"Unauthorized"},"msg":"POST /v1/products/SKU-55402/reviews failed"}`,
    `{"level":30,"time":${new Date(at(t - 0.001)).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/products/SKU-55402/reviews"},"res":{"statusCode":500},"responseTime":7,"msg":"request completed"}`,
  ];
  const appLog = (k: number) => lines(
    `{"level":30,"time":${new Date(at(50)).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/products/SKU-10452-M/reviews"},"res":{"statusCode":201},"responseTime":12,"msg":"request completed"}`,
    `{"level":30,"time":${new Date(at(31)).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"GET","url":"/v1/products/SKU-10452-M/reviews?page=1"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`,
    ...appErr(27.4 - k, k),
    ...appErr(14.9 - k, k),
    `{"level":30,"time":${new Date(at(6)).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"GET","url":"/v1/products/SKU-88213-BLK/reviews?page=2"},"res":{"statusCode":200},"responseTime":11,"msg":"request completed"}`,
    ...appErr(2.1 - k * 0.3, k),
  );
  return {
    id: 'heldout76-mongodb-user-role-narrowed-by-operator',
    class: 'config',
    truth: 'A platform change merged to the MongoDBCommunity resource narrowed the review-api user from readWrite to read on the reviews database ("least privilege" clean-up), and the MongoDB Community operator applied it 29 minutes ago. Authentication still works and reads succeed, but every write (insert into reviews, update of review_stats) fails with "not authorized on reviews to execute command" (code 13 Unauthorized), so review submission returns 500. The pods, mongod and the network are healthy. Fix: restore readWrite for review-api.',
    ask: { service: 'review-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...op.objects,
      ...exposed({ namespace: ns, name: 'review-api', selector: { app: 'review-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      service({ namespace: ns, name: 'reviews-mongo-svc', selector: { app: 'reviews-mongo' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }] }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(opPod, 'mongodb-kubernetes-operator', {
        current: lines(
          `{"level":"info","ts":"${at(29.3)}","msg":"Reconciling MongoDB","ReplicaSet":"reviews/reviews-mongo"}`,
          `{"level":"debug","ts":"${at(29.3)}","msg":"Ensuring the service exists","ReplicaSet":"reviews/reviews-mongo"}`,
          `{"level":"info","ts":"${at(29.2)}","msg":"Updating user review-api@reviews: roles [readWrite@reviews] -> [read@reviews]","ReplicaSet":"reviews/reviews-mongo"}`,
          `{"level":"info","ts":"${at(29.2)}","msg":"Create/Update operation succeeded","ReplicaSet":"reviews/reviews-mongo","operation":"updated","name":"reviews-mongo-config"}`,
          `{"level":"debug","ts":"${at(29.0)}","msg":"Waiting for agents to reach version 48","ReplicaSet":"reviews/reviews-mongo"}`,
          `{"level":"info","ts":"${at(28.6)}","msg":"Successfully finished reconciliation, MongoDB.Spec: {Members:3 Type:ReplicaSet Version:7.0.14 ...}, MongoDB.Status: {MongoURI:mongodb://reviews-mongo-0.reviews-mongo-svc.reviews.svc.cluster.local:27017,... Phase:Running Version:7.0.14 CurrentStatefulSetReplicas:3 CurrentMongoDBMembers:3}","ReplicaSet":"reviews/reviews-mongo"}`,
        ),
      }),
      logsFor(primary, 'mongod', {
        current: lines(
          `{"t":{"$date":"${mdate(28.8)}"},"s":"I",  "c":"ACCESS",   "id":20250,   "ctx":"conn88121","msg":"Authentication succeeded","attr":{"mechanism":"SCRAM-SHA-256","speculative":true,"principalName":"review-api","authenticationDatabase":"reviews","remote":"${ipOfPod(podOf(app, 0))}:51744","extraInfo":{}}}`,
          denied(27.4, 88121, insertCmd),
          denied(27.39, 88121, updateCmd),
          denied(14.9, 88140, insertCmd),
          denied(2.1, 88152, insertCmd),
          `{"t":{"$date":"${mdate(1.0)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"${ipOfPod(podOf(app, 2))}:40018","uuid":{"uuid":{"$uuid":"b1e2c3d4-0f1a-4b2c-9d3e-4f5a6b7c8d9e"}},"connectionId":88160,"connectionCount":41}}`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/not authori[sz]ed|unauthori[sz]ed|\bcode 13\b|role|privilege|permission/i],
      facts: [/readWrite|\bread\b/i, /insert|write/i],
      never: [/authentication failed|wrong password|password[^\n]*(rotat|changed|expired)/i, ADVISES_ROLLBACK, /\bOOM/, /mongo[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 7. healthy control: pkg_resources deprecation at every start ---------------------------------

function healthyPkgResourcesWarning(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.124', ['19', '143', '250']);
  const image = (v: string) => `${ECR}/search/query-suggest:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['uvicorn', 'suggest.app:app', '--host', '0.0.0.0', '--port', '8000'], ports: [8000], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8000), liveness: httpProbe('/live', 8000, { initialDelaySeconds: 20 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-suggest',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'argocd: query-suggest 2.14.0', template: tpl('2.14.0') },
      { revision: 27, createdAgo: 6 * HOURS, changeCause: 'argocd: query-suggest 2.15.0', template: tpl('2.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 6 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 6 * HOURS - 4, progressingSince: 6 * HOURS, progressingUpdatedAgo: 6 * HOURS - 4 },
  });
  const other = bystander(ns, 'indexer-gateway', names, 2 * DAYS, { revisions: [9, 10], versions: ['1.3.0', '1.3.1'], olderAgo: 40 * DAYS });
  const log = (k: number) => {
    const t0 = 6 * HOURS - 1.2 - k;
    return lines(
      `/usr/local/lib/python3.11/site-packages/jieba/_compat.py:18: UserWarning: pkg_resources is deprecated as an API. See https://setuptools.pypa.io/en/latest/pkg_resources.html. The pkg_resources package is slated for removal as early as 2025-11-30. Refrain from using this package or pin to Setuptools<81.`,
      '  import pkg_resources',
      `${pyTime(t0)} INFO:     Started server process [1]`,
      `${pyTime(t0)} INFO:     Waiting for application startup.`,
      `${pyTime(t0 - 0.1)} INFO suggest.model loaded prefix index: 2,418,553 terms, 311 MiB`,
      `${pyTime(t0 - 0.1)} WARNING opentelemetry.trace Overriding of current TracerProvider is not allowed`,
      `${pyTime(t0 - 0.1)} INFO:     Application startup complete.`,
      `${pyTime(t0 - 0.1)} INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
      `${pyTime(3.2)} INFO:     10.0.124.${30 + k}:51822 - "GET /v1/suggest?q=wint&lang=en HTTP/1.1" 200 OK`,
      `${pyTime(1.1)} INFO:     10.0.124.${30 + k}:51990 - "GET /v1/suggest?q=red%20dr&lang=en HTTP/1.1" 200 OK`,
      `${pyTime(0.4)} INFO:     10.0.124.${60 + k}:40210 - "GET /ready HTTP/1.1" 200 OK`,
    );
  };
  return {
    id: 'heldout76-healthy-pkg-resources-deprecation-warning',
    class: 'healthy',
    truth: 'query-suggest 2.15.0 rolled out six hours ago and serves normally. Each start prints a UserWarning that pkg_resources is deprecated (from the jieba tokenizer\'s import) and an OpenTelemetry "Overriding of current TracerProvider is not allowed" warning; both are harmless. Nothing is wrong.',
    ask: { service: 'query-suggest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'query-suggest', selector: { app: 'query-suggest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'indexer-gateway', selector: { app: 'indexer-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 2, 6 * HOURS - 3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, 6 * HOURS - 4),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (is )?wrong|running normally|serving/i],
      facts: [lit('query-suggest')],
      never: [/pkg_resources|setuptools/i, /TracerProvider|opentelemetry/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  pikaMissedHeartbeats(),
  flywayFailedMigration(),
  azureBlobPermissionMismatch(),
  podIdentityAgentMissingOnNodeGroup(),
  oidcStateInMemoryAfterScaleOut(),
  mongoRoleNarrowed(),
  healthyPkgResourcesWarning(),
];
