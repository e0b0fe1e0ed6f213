// Held-out stories, eighty-first round, part one (written blind):
// 1. A new EKS node group (general-v2) in a subnet whose route table lacks the peering route to the
//    database VPC: only pods on the new nodes fail with "connect EHOSTUNREACH"; pods on old nodes are fine.
// 2. A Java image repackaged in revision 58 whose command still names com.acme.orders.router.RouterApplication:
//    "Error: Could not find or load main class" (ClassNotFoundException), new pods crash-loop.
// 3. A .NET Service Bus worker whose revision 19 added a slow label-rendering step: processing outlasts the
//    30 s lock, MessageLockLost, redeliveries and dead-lettering (MaxDeliveryCountExceeded).
// 4. A Python service whose revision appends every event to one DynamoDB item's list attribute until
//    UpdateItem fails with "Item size has exceeded the maximum allowed size".
// 5. A Go service whose AWS Secrets Manager secret was renamed by a Terraform change: old pods run,
//    new/restarted pods crash with ResourceNotFoundException at start.
// 6. A Rails 5.2 → 6.1 upgrade that set config.hosts: the kubelet's probes by pod IP are answered 403
//    "Blocked host", new pods never turn ready.
// 7. Healthy control: a Node 18 service whose logs carry the harmless "Fetch API is an experimental feature" warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  nameOf, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  configMap,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const javaTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. new node group in a subnet without the peering route -----------------------------------------

function newNodeGroupNoRoute(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.181');
  const fresh = ['10.0.96.14', '10.0.97.203'].map((ip, i) => node({ name: eksNodeName(ip), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 2 * HOURS + 40 }));
  const freshNames = fresh.map(nameOf);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '512Mi', env: [{ name: 'PGHOST', value: 'billing-db.internal.acme-data.net' }, { name: 'PGPORT', value: '5432' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] });
  const dbErr = 'Error: connect EHOSTUNREACH 10.40.12.8:5432';
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 5,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 3.7.1', template: tpl('3.7.1') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 3.7.2', template: tpl('3.7.2') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 5 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS, ranSeconds: 86000 } }) } },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 41, node: freshNames[0] ?? '', createdAgo: 2 * HOURS + 30, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 4 }, 31) } },
      { revision: 41, node: freshNames[1] ?? '', createdAgo: 2 * HOURS + 29, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3, ranSeconds: 4 }, 30) } },
    ],
  });
  const other = bystander(ns, 'invoice-mailer', names, 95, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const bad = [podOf(app, 3), podOf(app, 4)];
  const crashLog = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${Date.parse(at(2.2))},"pid":1,"hostname":"${nameOf(p)}","msg":"invoice-api 3.7.2 starting (node v20.18.1)"}`,
    `{"level":50,"time":${Date.parse(at(2.15))},"pid":1,"hostname":"${nameOf(p)}","err":{"type":"Error","message":"connect EHOSTUNREACH 10.40.12.8:5432","stack":"${dbErr}\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1615:16)","errno":-113,"code":"EHOSTUNREACH","syscall":"connect","address":"10.40.12.8","port":5432},"msg":"failed to connect to postgres billing-db.internal.acme-data.net"}`,
    `{"level":60,"time":${Date.parse(at(2.1))},"pid":1,"hostname":"${nameOf(p)}","msg":"startup failed, exiting with code 1"}`,
  );
  return {
    id: 'heldout81-new-node-group-no-route-to-db',
    class: 'network',
    truth: 'The platform team added a new node group general-v2 (2 nodes, 2h40m ago) in new subnets 10.0.96.0/23 whose route table lacks the VPC peering route to the data VPC (10.40.0.0/16). The cluster autoscaler/rebalancing placed two invoice-api pods there; they cannot reach the Postgres at 10.40.12.8:5432 (connect EHOSTUNREACH) and crash-loop at startup, while the three pods on the old general nodes are fine. The 3.7.2 rollout six days ago is not involved; the old OOMKill is five days old. Fix: add the peering route to the new subnets\' route table (or cordon the new nodes until then).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...fresh, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, endpointPort: 3000 }),
      ...bad.flatMap((p, i) => [scheduled(p, 2 * HOURS + 30 - i), ...restartedAgain(p, 'app', image('3.7.2'), { count: 31 - i, firstAgo: 2 * HOURS + 29 - i, lastAgo: 2 + i }), backOff(p, 'app', { count: 640 - i * 9, firstAgo: 2 * HOURS + 28 - i })]),
      event({ on: fresh[0] ?? {}, type: 'Normal', reason: 'RegisteredNode', message: `Node ${freshNames[0]} event: Registered Node ${freshNames[0]} in Controller`, firstAgo: 2 * HOURS + 39, lastAgo: 2 * HOURS + 39, component: 'node-controller' }),
      event({ on: fresh[1] ?? {}, type: 'Normal', reason: 'RegisteredNode', message: `Node ${freshNames[1]} event: Registered Node ${freshNames[1]} in Controller`, firstAgo: 2 * HOURS + 38, lastAgo: 2 * HOURS + 38, component: 'node-controller' }),
    ],
    logs: [
      ...bad.map((p) => logsFor(p, 'app', { previous: crashLog(p), current: lines(`{"level":30,"time":${Date.parse(at(0.3))},"pid":1,"hostname":"${nameOf(p)}","msg":"invoice-api 3.7.2 starting (node v20.18.1)"}`) })),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`{"level":30,"time":${Date.parse(at(1.4))},"pid":1,"hostname":"${nameOf(podOf(app, i))}","req":{"method":"POST","url":"/v1/invoices"},"res":{"statusCode":201},"responseTime":23,"msg":"request completed"}`, `{"level":30,"time":${Date.parse(at(0.6))},"pid":1,"hostname":"${nameOf(podOf(app, i))}","req":{"method":"GET","url":"/v1/invoices/INV-2026-118342"},"res":{"statusCode":200},"responseTime":9,"msg":"request completed"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/EHOSTUNREACH|no route to host|unreachable|route/i, /general-v2|node ?group|new nodes?|subnet|10-0-9[67]/i],
      facts: [lit('10.40.12.8'), /general-v2|ip-10-0-96-14|ip-10-0-97-203/, /route|peering|subnet/i],
      never: [ADVISES_ROLLBACK, /(raise|increase)[^\n]*memory/i, /invoice-mailer/],
    },
  };
}

// ---- 2. Java main class gone from the jar ---------------------------------------------------------

function javaMainClassMissing(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.64', ['22', '140', '91']);
  const image = (v: string) => `${ECR}/orders/order-router:${v}`;
  const mainClass = 'com.acme.orders.router.RouterApplication';
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/order-router.jar:/app/lib/*', mainClass], ports: [8080], memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-router', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: order-router 2.7.4', template: tpl('2.7.4') },
      { revision: 58, createdAgo: 26, changeCause: 'argocd: order-router 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 58, node: names[1] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 1 }, 10) } },
    ],
  });
  const other = bystander(ns, 'order-events-consumer', names, 3 * HOURS, { revisions: [21, 22], versions: ['5.1.0', '5.1.1'], olderAgo: 15 * DAYS });
  const bad = podOf(app, 3);
  const err = lines(`Error: Could not find or load main class ${mainClass}`, `Caused by: java.lang.ClassNotFoundException: ${mainClass}`);
  return {
    id: 'heldout81-java-main-class-not-in-jar',
    class: 'containers',
    truth: `Release 2.8.0 (revision 58, 26 minutes ago) moved the Spring Boot application class to com.acme.orders.OrderRouterApplication during a package refactor, but the Deployment's command still runs "java -cp ... ${mainClass}". The JVM exits 1 at once with "Error: Could not find or load main class" / ClassNotFoundException, the new pod crash-loops and the rollout is stuck; the three revision-57 pods keep serving. Fix: update the command's main class (or use java -jar with the manifest) or roll back to revision 57.`,
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 26),
      scheduled(bad, 25.5),
      event({ on: bad, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.8.0')}" in 6.204s (6.204s including waiting). Image size: 187334112 bytes.`, firstAgo: 25.3, lastAgo: 25.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(bad, 'app', image('2.8.0'), { count: 10, firstAgo: 25.2, lastAgo: 1.6 }),
      backOff(bad, 'app', { count: 115, firstAgo: 25 }),
    ],
    logs: [
      logsFor(bad, 'app', { previous: err, current: err }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`${javaTime(0.8)}  INFO 1 --- [order-router] [nio-8080-exec-${i + 3}] c.a.o.router.web.RouteController        : routed order ORD-88${i}213 to warehouse DUB-2 in 18 ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Could not find or load main class|ClassNotFoundException|RouterApplication|main class/i, /58|2\.8\.0/],
      facts: [lit(mainClass), /CrashLoopBackOff|exit(ed)?( with)?( code)? 1|crash/i, /57|2\.7\.4/],
      never: [/\bOOM/, /ImagePull|image pull/i, /order-events-consumer/],
    },
  };
}

// ---- 3. Service Bus MessageLockLost after a slow step ------------------------------------------------

function serviceBusLockLost(): CorpusScenario {
  const ns = 'logistics';
  const aks = [0, 1, 2].map((i) => node({ name: `aks-workers-31415926-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool: 'workers', createdAgo: 40 * DAYS }));
  const names = aks.map(nameOf);
  const image = (v: string) => `acmeprod.azurecr.io/logistics/shipment-worker:${v}`;
  const tpl = (v: string) => ({ containers: [batchContainer({ image: image(v), memory: '512Mi', env: [{ name: 'ServiceBus__Queue', value: 'shipments' }, { name: 'ServiceBus__MaxConcurrentCalls', value: '8' }, { name: 'ServiceBus__AutoCompleteMessages', value: 'false' }], envFrom: [{ configMapRef: { name: 'shipment-worker-config' } }] })] });
  const app = deploymentApp({
    namespace: ns, name: 'shipment-worker', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 14 * DAYS, changeCause: 'flux: shipment-worker 1.8.3', template: tpl('1.8.3') },
      { revision: 19, createdAgo: 3 * HOURS + 5, changeCause: 'flux: shipment-worker 1.9.0 (carrier label PDF)', template: tpl('1.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 3 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 3 * HOURS, progressingSince: 3 * HOURS + 5, progressingUpdatedAgo: 3 * HOURS },
  });
  const cm = configMap({ namespace: ns, name: 'shipment-worker-config', createdAgo: 200 * DAYS, data: { ServiceBus__Namespace: 'sb-logistics-prod.servicebus.windows.net', ServiceBus__LockDuration: '00:00:30', ServiceBus__MaxDeliveryCount: '10', ServiceBus__MaxAutoLockRenewalDuration: '00:00:00', Carrier__LabelApi: 'https://labels.carrier-gateway.acme.internal' } });
  const other = bystander(ns, 'tracking-api', names, 50, { revisions: [33, 34], versions: ['4.2.0', '4.2.1'], olderAgo: 10 * DAYS });
  const log = (k: number) => {
    const out: string[] = [`info: Acme.Shipments.Worker.Program[0]\n      shipment-worker 1.9.0 started, queue=shipments, MaxConcurrentCalls=8, PrefetchCount=0`];
    for (let i = 0; i < 6; i++) {
      const id = `b3f1${k}${i}c2e-41aa-4d7e-9f0a-${(i * 7919 + k).toString(16).padStart(12, '0')}`;
      out.push(`info: Acme.Shipments.Worker.ShipmentProcessor[12]\n      Rendered carrier label for shipment SHP-${70431 + i * 13 + k} in ${41800 + i * 3100 + k * 700} ms`);
      out.push(`fail: Acme.Shipments.Worker.ShipmentProcessor[40]\n      Failed to complete message ${id} (DeliveryCount=${3 + i}, processing took ${46200 + i * 3100} ms)\n      Azure.Messaging.ServiceBus.ServiceBusException: The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:${id}, TrackingId:0f5e${k}${i}a7-c1d2-4e3f-8a9b-${(i + 101).toString().padStart(12, '0')}_B${k + 1}, SystemTracker:sb-logistics-prod:Queue:shipments, Timestamp:${at(40 - i * 6).slice(0, 19)} (MessageLockLost)\n         at Azure.Messaging.ServiceBus.Amqp.AmqpReceiver.DisposeMessageAsync(Guid lockToken, Outcome outcome, TimeSpan timeout)\n         at Azure.Messaging.ServiceBus.ServiceBusReceiver.CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)\n         at Acme.Shipments.Worker.ShipmentProcessor.HandleAsync(ProcessMessageEventArgs args) in /src/Worker/ShipmentProcessor.cs:line 88`);
    }
    out.push(`warn: Acme.Shipments.Worker.QueueMonitor[7]\n      Queue shipments: ActiveMessageCount=2214 DeadLetterMessageCount=387 (last dead-letter reason: MaxDeliveryCountExceeded)`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout81-servicebus-lock-lost-slow-step',
    class: 'config',
    truth: 'Revision 19 (shipment-worker 1.9.0, 3 hours ago) added synchronous carrier-label PDF rendering to message handling, which now takes 40-60 s, longer than the queue\'s 30 s lock duration (no auto lock renewal). CompleteMessageAsync fails with ServiceBusException MessageLockLost, the messages are redelivered, processed again (duplicate labels) and after 10 deliveries dead-lettered with MaxDeliveryCountExceeded; the backlog grows. Pods are healthy and never restart. Fix: set MaxAutoLockRenewalDuration (e.g. 5 min) or move label rendering out of the handler; rolling back to 1.8.3 also stops it.',
    ask: { service: 'shipment-worker', namespace: ns },
    objects: [
      ...aks, ...app.objects, cm, ...other.objects,
      ...exposed({ namespace: ns, name: 'tracking-api', selector: { app: 'tracking-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 3 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/MessageLockLost|lock (supplied is invalid|expired|lost|duration)/i],
      facts: [/dead.?letter|MaxDeliveryCount/i, /00:00:30|30 ?s|lock ?duration/i, /19|1\.9\.0|label/i],
      never: [/\bOOM/, /crash ?loop/i, /tracking-api/],
    },
  };
}

// ---- 4. DynamoDB item over 400 KB --------------------------------------------------------------------

function dynamoItemTooLarge(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '99', '205']);
  const image = (v: string) => `${ECR}/accounts/tenant-settings:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], memory: '384Mi', env: [{ name: 'TABLE_NAME', value: 'tenant-settings-prod' }, { name: 'AWS_REGION', value: 'eu-west-1' }], readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'tenant-settings', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: tenant-settings 2.3.5', template: tpl('2.3.5') },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: tenant-settings 2.4.0 (settings audit trail)', template: tpl('2.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 4, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 4 },
  });
  const other = bystander(ns, 'tenant-portal', names, 4 * HOURS, { revisions: [60, 61], versions: ['9.0.2', '9.0.3'], olderAgo: 9 * DAYS });
  const log = (k: number) => {
    const out: string[] = [`${pyTime(20 * HOURS)} WARNING [botocore.retries.standard] Retry needed, retrying request after delay of: 0.${k + 2}1 (ProvisionedThroughputExceededException)`];
    for (let i = 0; i < 8; i++) {
      const t = 48 - i * 6 - k;
      out.push(`${pyTime(t)} ERROR [tenant_settings.api] PATCH /v1/tenants/t-00042/settings failed`);
      out.push(`Traceback (most recent call last):\n  File "/app/tenant_settings/store.py", line 73, in append_audit\n    self.table.update_item(\n  File "/usr/local/lib/python3.12/site-packages/boto3/resources/factory.py", line 581, in do_action\n    response = action(self, *args, **kwargs)\n  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call\n    raise error_class(parsed_response, operation_name)\nbotocore.exceptions.ClientError: An error occurred (ValidationException) when calling the UpdateItem operation: Item size has exceeded the maximum allowed size`);
      out.push(`${pyTime(t - 0.01)} INFO [uvicorn.access] 10.0.140.${50 + k}:0 - "PATCH /v1/tenants/t-00042/settings HTTP/1.1" 500`);
      out.push(`${pyTime(t - 0.5)} INFO [uvicorn.access] 10.0.140.${60 + i}:0 - "PATCH /v1/tenants/t-0${1100 + i * 7}/settings HTTP/1.1" 200`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout81-dynamodb-item-size-exceeded',
    class: 'config',
    truth: 'Revision 12 (tenant-settings 2.4.0, six days ago) added an audit trail that appends every settings change to a list attribute "audit" of the tenant\'s own item (UpdateItem SET audit = list_append(audit, :e)). The largest tenant, t-00042, whose integrations change settings every few seconds, has grown its item to DynamoDB\'s 400 KB limit: since about an hour every UpdateItem on it fails with ValidationException "Item size has exceeded the maximum allowed size", its settings PATCHes return 500. Other tenants are fine; yesterday\'s throttling retry is unrelated. Fix: move the audit entries to their own items (tenant_id + timestamp) or trim the list, and clear t-00042\'s list.',
    ask: { service: 'tenant-settings', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tenant-settings', selector: { app: 'tenant-settings' }, pods: app.pods, endpointPort: 8000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/Item size has exceeded|maximum allowed size|item size|400 ?KB/i],
      facts: [/UpdateItem|ValidationException/, /t-00042/, /12|2\.4\.0|audit|list/i],
      never: [/\bOOM/, /crash ?loop/i, /(increase|raise)[^\n]*(capacity|WCU|write units|throughput)/i],
    },
  };
}

// ---- 5. Secrets Manager secret renamed -------------------------------------------------------------

function secretRenamed(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '171', '8']);
  const image = (v: string) => `${ECR}/checkout/payment-gateway:${v}`;
  const secretId = 'prod/checkout/stripe-api-key';
  const tpl = (v: string) => ({ serviceAccountName: 'payment-gateway', containers: [container({ image: image(v), ports: [8080], memory: '256Mi', env: [{ name: 'STRIPE_SECRET_ID', value: secretId }, { name: 'AWS_REGION', value: 'eu-west-1' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'payment-gateway', replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 17 * DAYS, changeCause: 'argocd: payment-gateway 1.31.0', template: tpl('1.31.0') },
      { revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: payment-gateway 1.31.1', template: tpl('1.31.1') },
    ],
    pods: [
      { revision: 27, node: names[0] ?? '', createdAgo: 8 * DAYS },
      { revision: 27, node: names[1] ?? '', createdAgo: 8 * DAYS - 1 },
      { revision: 27, node: names[0] ?? '', createdAgo: 38, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 1 }, 12) } },
      { revision: 27, node: names[2] ?? '', createdAgo: 37, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 1 }, 12) } },
    ],
  });
  const other = bystander(ns, 'cart-api', names, 70, { revisions: [88, 89], versions: ['6.4.0', '6.4.1'], olderAgo: 12 * DAYS });
  const bad = [podOf(app, 2), podOf(app, 3)];
  const crash = (i: number) => lines(
    `{"time":"${at(2.5 - i)}","level":"INFO","msg":"payment-gateway starting","version":"1.31.1"}`,
    `{"time":"${at(2.5 - i)}","level":"ERROR","msg":"load stripe credentials","secret_id":"${secretId}","error":"operation error Secrets Manager: GetSecretValue, https response error StatusCode: 400, RequestID: 7c1e${i}4b2a-9d3f-4e61-b8a0-2f5d6c7e8a9${i}, ResourceNotFoundException: Secrets Manager can't find the specified secret."}`,
    `{"time":"${at(2.5 - i)}","level":"ERROR","msg":"fatal: cannot start without payment provider credentials"}`,
  );
  return {
    id: 'heldout81-secrets-manager-secret-renamed',
    class: 'config',
    truth: `A Terraform refactor of the checkout secrets (applied about 40 minutes ago) renamed the AWS Secrets Manager secret ${secretId} to prod/checkout/stripe (destroy and re-create). The two payment-gateway pods started 8 days ago read the key at start and keep running; the two pods the node rebalancing re-created 38 minutes ago call GetSecretValue for ${secretId} at start, get ResourceNotFoundException and exit 1 (CrashLoopBackOff). The Deployment did not change (revision 27 is 8 days old). Fix: point STRIPE_SECRET_ID at the new name (or restore the old secret name); do not restart the healthy pods meanwhile.`,
    ask: { service: 'payment-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'payment-gateway', selector: { app: 'payment-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...bad.flatMap((p, i) => [scheduled(p, 38 - i), ...restartedAgain(p, 'app', image('1.31.1'), { count: 12, firstAgo: 37.8 - i, lastAgo: 2.5 - i * 1.3 }), backOff(p, 'app', { count: 160 - i * 3, firstAgo: 37 - i })]),
    ],
    logs: [
      ...bad.map((p, i) => logsFor(p, 'app', { previous: crash(i), current: crash(i) })),
      ...[0, 1].map((i) => logsFor(podOf(app, i), 'app', { current: lines(`{"time":"${at(0.9)}","level":"INFO","msg":"charge created","provider":"stripe","amount_minor":${4599 + i * 1000},"currency":"EUR","duration_ms":${212 + i}}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ResourceNotFoundException|can't find the specified secret|secret[^\n]*(not found|missing|renamed|deleted)|stripe-api-key/i],
      facts: [lit(secretId), /GetSecretValue|Secrets Manager/i, /CrashLoopBackOff|exit(ed)?( with)?( code)? 1/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /AccessDenied/],
    },
  };
}

// ---- 6. Rails 6 HostAuthorization blocks the kubelet's probes ----------------------------------------

function railsBlockedHost(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.210', ['19', '77', '143']);
  const image = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const tpl = (v: string) => ({ containers: [container({ name: 'web', image: image(v), command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], ports: [3000], memory: '768Mi', env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 30, failureThreshold: 6 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 142, createdAgo: 5 * DAYS, changeCause: 'argocd: shop-web 2026.11.16 (rails 5.2.8)', template: tpl('2026.11.16') },
      { revision: 143, createdAgo: 34, changeCause: 'argocd: shop-web 2026.11.21 (rails 6.1.7)', template: tpl('2026.11.21') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 142, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      { revision: 143, node: names[2] ?? '', createdAgo: 33, ready: false, containers: { web: running({ sinceAgo: 20, ready: false, restarts: 2, last: { exitCode: 143, finishedAgo: 20, ranSeconds: 90 } }) } },
    ],
  });
  const other = bystander(ns, 'shop-assets', names, 6 * HOURS, { revisions: [9, 10], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const bad = podOf(app, 3);
  const ip = ipOfPod(bad);
  const railsLog = lines(
    `=> Booting Puma`, `=> Rails 6.1.7.8 application starting in production`, `Puma starting in single mode...`, `* Puma version: 5.6.8 (ruby 3.0.6-p216) ("Birdie's Version")`, `* Listening on http://0.0.0.0:3000`, `Use Ctrl-C to stop`,
    ...[6, 5, 4, 3, 2, 1].flatMap((m) => [
      `I, [${at(m)} #1]  INFO -- : [${(m * 7919).toString(16)}-probe] Started GET "/healthz" for ${ip.replace(/\.\d+$/, '.1')} at ${at(m).replace('T', ' ').slice(0, 19)} +0000`,
      `E, [${at(m)} #1] ERROR -- : [ActionDispatch::HostAuthorization::DefaultResponseApp] Blocked host: ${ip}`,
    ]),
  );
  return {
    id: 'heldout81-rails-host-authorization-probes',
    class: 'probes',
    truth: `Revision 143 upgraded shop-web from Rails 5.2 to 6.1 and, following the upgrade guide, set config.hosts = ["shop.acme.com", ".acme.com"] in production.rb. ActionDispatch::HostAuthorization now answers every request whose Host is not listed with 403; the kubelet's HTTP probes send Host: <pod IP>:3000 (${ip}), so /healthz returns 403 ("Blocked host: ${ip}"), the new pod never turns ready, the liveness probe restarts it, and the rollout is stuck while the three revision-142 pods serve. Fix: exclude the health path (config.host_authorization = { exclude: ->(r) { r.path == "/healthz" } }) or allow the pod IP range, or roll back to revision 142.`,
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 143), 1, 0, 34),
      scheduled(bad, 33),
      ...restartedAgain(bad, 'web', image('2026.11.21'), { count: 3, firstAgo: 32.8, lastAgo: 20 }),
      probeFailed(bad, 'web', 'Readiness', 'HTTP probe failed with statuscode: 403', { count: 196, firstAgo: 32.5 }),
      probeFailed(bad, 'web', 'Liveness', 'HTTP probe failed with statuscode: 403', { count: 18, firstAgo: 32, lastAgo: 20.2 }),
      event({ on: bad, type: 'Normal', reason: 'Killing', message: 'Container web failed liveness probe, will be restarted', count: 2, firstAgo: 26.5, lastAgo: 20.1, fieldPath: 'spec.containers{web}' }),
    ],
    logs: [
      logsFor(bad, 'web', { current: railsLog }),
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'web', { current: lines(`I, [${at(0.7)} #1]  INFO -- : [a1b2c3d${i}] Completed 200 OK in 41ms (Views: 28.3ms | ActiveRecord: 6.1ms)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Blocked host|HostAuthorization|config\.hosts|403/i],
      facts: [/403/, /143|rails 6|6\.1/i, /probe/i],
      never: [/\bOOM/, /ImagePull|image pull/i, /shop-assets/],
    },
  };
}

// ---- 7. healthy control: Node 18 fetch ExperimentalWarning -----------------------------------------

function healthyFetchExperimentalWarning(): CorpusScenario {
  const ns = 'content';
  const { nodes, names } = threeEksNodes('10.0.52', ['61', '118', '230']);
  const image = (v: string) => `${ECR}/content/cms-preview:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'cms-preview', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: cms-preview 3.2.0', template: tpl('3.2.0') },
      { revision: 15, createdAgo: 3 * DAYS, changeCause: 'argocd: cms-preview 3.2.1', template: tpl('3.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
    settled: { available: true, availableSince: 3 * DAYS - 3, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 3 },
  });
  const other = bystander(ns, 'cms-api', names, 5 * HOURS, { revisions: [40, 41], versions: ['7.7.0', '7.7.1'], olderAgo: 11 * DAYS });
  const log = (k: number) => lines(
    `> cms-preview@3.2.1 start`, `> node server.js`, ``,
    `(node:1) ExperimentalWarning: The Fetch API is an experimental feature. This feature could change at any time`,
    `(Use \`node --trace-warnings ...\` to show where the warning was created)`,
    `{"level":"info","time":"${at(3 * DAYS - k - 0.5)}","msg":"cms-preview listening on :3000 (node v18.20.4)"}`,
    `{"level":"info","time":"${at(1.1)}","msg":"GET /preview/articles/winter-sale-2026 200 87ms"}`,
    `{"level":"info","time":"${at(0.3)}","msg":"GET /api/health 200 1ms"}`,
  );
  return {
    id: 'heldout81-healthy-node18-fetch-experimental-warning',
    class: 'healthy',
    truth: 'cms-preview runs three ready pods of revision 15 (3.2.1, rolled out three days ago) with no restarts; each pod printed Node 18\'s one-time "ExperimentalWarning: The Fetch API is an experimental feature" at startup, which is harmless (global fetch is stable and used as intended). Requests and health checks succeed. Nothing to fix.',
    ask: { service: 'cms-preview', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cms-preview', selector: { app: 'cms-preview' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cms-api', selector: { app: 'cms-api' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|fine/i],
      facts: [/3\/3|3 of 3|three|all 3/i],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  newNodeGroupNoRoute(),
  javaMainClassMissing(),
  serviceBusLockLost(),
  dynamoItemTooLarge(),
  secretRenamed(),
  railsBlockedHost(),
  healthyFetchExperimentalWarning(),
];
