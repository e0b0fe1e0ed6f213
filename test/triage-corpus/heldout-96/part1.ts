// Held-out stories, ninety-sixth round, part one: an on-prem CRI-O cluster pulling from ECR with
// an imagePullSecret whose static token expired because the CronJob that refreshes it fails on a
// deactivated IAM key; a RabbitMQ consumer whose revision raised its prefetch to 1000, so
// deliveries wait past the broker's 30-minute consumer_timeout and the channel is closed (and
// the messages redelivered) again and again; a legacy Python 3.6 worker moved to a hardened base
// image without LANG / PYTHONIOENCODING, so it dies on UnicodeEncodeError 'ascii'; a Spring Boot
// client scaled out by its HPA until replicas × Hikari pool exceed MySQL's max_connections (ERROR
// 1040); a Go gRPC server whose revision ties its health status to a slow dependency, so the
// kubelet's native gRPC liveness probe gets NOT_SERVING and restarts healthy pods; a Vault pod
// that came back sealed after its node rebooted, so an app's vault-agent init container cannot
// log in; and a healthy control: a Java 11 service printing "illegal reflective access" warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, hpa, jobEvent, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, waiting, nodeEvent,
  execProbe, uidOf, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A node of another flavour than EKS: its labels, provider and runtime rewritten. */
function reflavour(n: k8s.V1Node, o: { labels: Record<string, string>; providerID?: string; runtime: string; kubelet: string; kernel: string; osImage: string }): k8s.V1Node {
  const name = nameOf(n);
  const zone = n.metadata?.labels?.['topology.kubernetes.io/zone'] ?? '';
  n.metadata = {
    ...n.metadata,
    labels: {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
      ...(zone === '' ? {} : { 'topology.kubernetes.io/zone': zone }),
      ...o.labels,
    },
  };
  if (n.spec) {
    if (o.providerID === undefined) delete n.spec.providerID;
    else n.spec.providerID = o.providerID;
  }
  if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { containerRuntimeVersion: o.runtime, kubeletVersion: o.kubelet, kubeProxyVersion: o.kubelet, kernelVersion: o.kernel, osImage: o.osImage });
  return n;
}

/** A bare-metal kubeadm node running CRI-O. */
function onPremNode(name: string, rack: string): k8s.V1Node {
  return reflavour(node({ name, zone: rack, createdAgo: 200 * DAYS }), {
    labels: { 'node-role.kubernetes.io/worker': '', 'topology.kubernetes.io/region': 'dc2', 'topology.kubernetes.io/zone': rack },
    runtime: 'cri-o://1.30.6', kubelet: 'v1.30.6', kernel: '5.14.0-427.42.1.el9_4.x86_64', osImage: 'Rocky Linux 9.4 (Blue Onyx)',
  });
}

/** A GKE node of a pool. */
function gkeNode(pool: string, suffix: string, zone: string, extra: { ready?: 'True'; readySince?: number } = {}): k8s.V1Node {
  const name = `gke-prod-eu-${pool}-7f3a9c1e-${suffix}`;
  return reflavour(node({ name, zone, createdAgo: 23 * DAYS, ...(extra.readySince === undefined ? {} : { readySince: extra.readySince }) }), {
    labels: { 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': 'n2', 'node.kubernetes.io/instance-type': 'n2-standard-4', 'topology.kubernetes.io/region': 'europe-west1', 'topology.kubernetes.io/zone': zone },
    providerID: `gce://acme-prod-eu/${zone}/${name}`,
    runtime: 'containerd://1.7.24', kubelet: 'v1.31.4-gke.1256000', kernel: '6.1.112+', osImage: 'Container-Optimized OS from Google',
  });
}

/** An AKS node of a pool. */
function aksNode(pool: string, index: number, zone: string): k8s.V1Node {
  const name = `aks-${pool}-41729856-vmss00000${index}`;
  return reflavour(node({ name, zone, createdAgo: 34 * DAYS }), {
    labels: { agentpool: pool, 'kubernetes.azure.com/agentpool': pool, 'node.kubernetes.io/instance-type': 'Standard_D4s_v5', 'topology.kubernetes.io/region': 'westeurope', 'topology.kubernetes.io/zone': zone },
    providerID: `azure:///subscriptions/5d1c2e7f-0000-4000-a000-3f2b8c1e9a10/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${pool}-41729856-vmss/virtualMachines/${index}`,
    runtime: 'containerd://1.7.23-1', kubelet: 'v1.30.7', kernel: '5.15.0-1075-azure', osImage: 'Ubuntu 22.04.5 LTS',
  });
}

const fieldApp = (c = 'app') => `spec.containers{${c}}`;

// ---- 1. an ECR pull secret whose token expired: its refresh CronJob fails on a deactivated key ----

function ecrTokenExpired(): CorpusScenario {
  const ns = 'billing';
  const nodes = [onPremNode('k8s-wk-04.dc2.corp.internal', 'dc2-r07'), onPremNode('k8s-wk-09.dc2.corp.internal', 'dc2-r08'), onPremNode('k8s-wk-13.dc2.corp.internal', 'dc2-r09')];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    imagePullSecrets: ['ecr-pull'],
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [{ name: 'LISTEN_ADDR', value: ':8080' }, { name: 'PG_DSN', value: 'postgres://invoice@pg-billing.billing.svc:5432/invoices?sslmode=require' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'flux: invoice-api 2.7.4', template: tpl('2.7.4') },
      { revision: 42, createdAgo: 24, changeCause: 'flux: invoice-api 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 42, node: names[1] ?? '', createdAgo: 23.8, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${image('2.8.0')}"`) } },
    ],
  });
  const fresh = podOf(app, 3);
  // The refresher: every six hours, a fresh ECR token into the docker-registry secret ecr-pull.
  const script = [
    'set -euo pipefail',
    'TOKEN=$(aws ecr get-login-password --region eu-west-1)',
    `kubectl -n billing create secret docker-registry ecr-pull --docker-server=${ECR} --docker-username=AWS --docker-password="$TOKEN" --dry-run=client -o yaml | kubectl apply -f -`,
    'echo "ecr-pull refreshed at $(date -u +%FT%TZ)"',
  ].join('\n');
  const refresher = batchContainer({
    name: 'refresh',
    image: 'harbor.dc2.corp.internal/platform/aws-kubectl:2.17.52-1.30.6',
    command: ['/bin/bash', '-c', script],
    cpu: '50m',
    memory: '128Mi',
    env: [
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'ecr-refresher-aws', key: 'access-key-id' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'ecr-refresher-aws', key: 'secret-access-key' } } },
    ],
  });
  const done = (t: number) => ({ createdAgo: t, pods: [{ node: names[(t / 360) % 3 | 0] ?? '', phase: 'Succeeded' as const, createdAgo: t, containers: { refresh: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(t - 0.05), finishedAt: ago(t - 0.1), containerID: `cri-o://${uidOf(`ok/${t}`).replace(/-/g, '')}` } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true as const, ago: t - 0.1 } });
  const failedRun = (t: number, k: number) => ({ node: names[k] ?? '', phase: 'Failed' as const, createdAgo: t, containers: { refresh: { state: { terminated: { exitCode: 254, reason: 'Error', startedAt: ago(t - 0.05), finishedAt: ago(t - 0.07), containerID: `cri-o://${uidOf(`ko/${t}`).replace(/-/g, '')}` } }, ready: false, restartCount: 0, started: false } } });
  const cron = cronJob({
    namespace: ns,
    name: 'ecr-credentials-refresh',
    schedule: '0 */6 * * *',
    backoffLimit: 2,
    template: { containers: [refresher], serviceAccountName: 'ecr-refresher' },
    createdAgo: 290 * DAYS,
    lastSuccessfulAgo: 914 - 0.1,
    jobs: [
      done(1634), done(1274), done(914),
      // 00:00 — the 18:00 run failed the same way; failedJobsHistoryLimit 1 keeps only this one.
      { createdAgo: 194, pods: [failedRun(194, 0), failedRun(193.8, 2), failedRun(193.2, 1)], outcome: { failed: 'BackoffLimitExceeded', ago: 193 } },
    ],
  });
  const failedJob = cron.jobs[3];
  const cronObj = cron.objects[0];
  const other = deploymentApp({
    namespace: ns,
    name: 'dunning-mailer',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'flux: dunning-mailer 1.4.1', template: { containers: [container({ image: 'harbor.dc2.corp.internal/billing/dunning-mailer:1.4.1', ports: [8080] })] } }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const denied = `reading manifest 2.8.0 in ${ECR}/billing/invoice-api: denied: Your authorization token has expired. Reauthenticate and try again.`;
  const awsErr = 'An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid.';
  const fp = fieldApp();
  // CRI-O nodes: the runtime's prefix on every container ID.
  for (const p of [...app.pods, ...other.pods]) for (const c of p.status?.containerStatuses ?? []) if (c.containerID) c.containerID = c.containerID.replace('containerd://', 'cri-o://');
  return {
    id: 'heldout96-ecr-pull-token-expired-refresher-failing',
    class: 'containers',
    truth: 'invoice-api (an on-prem CRI-O cluster) pulls from a private ECR registry with the imagePullSecret ecr-pull, a static ECR token valid 12 hours that the CronJob ecr-credentials-refresh rewrites every six hours. The IAM access key in the refresher\'s secret was deactivated yesterday afternoon, so since the 18:00 run every Job fails (aws ecr get-login-password: UnrecognizedClientException, the security token included in the request is invalid; exit 254, BackoffLimitExceeded); the last good token, from the 12:00 run, expired at 00:00. The three revision-41 pods keep running on their cached image, but revision 42 (2.8.0, 24 minutes ago) must pull and ECR answers "Your authorization token has expired", so its pod sits in ImagePullBackOff and the rollout is stuck. Fix: give the refresher a valid access key (or move the nodes to a kubelet ECR credential provider) and run the CronJob again; the image and the revision are fine.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dunning-mailer', selector: { app: 'dunning-mailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 24),
      scheduled(fresh, 23.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.8.0')}"`, count: 8, firstAgo: 23.7, lastAgo: 2.1, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: `Failed to pull image "${image('2.8.0')}": rpc error: code = Unknown desc = ${denied}`, count: 8, firstAgo: 23.7, lastAgo: 2.1, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: 'Error: ErrImagePull', count: 8, firstAgo: 23.7, lastAgo: 2.1, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image('2.8.0')}"`, count: 97, firstAgo: 23.5, lastAgo: 0.3, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 97, firstAgo: 23.5, lastAgo: 0.3, fieldPath: fp }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(failedJob?.objects[0])}`, 194),
      jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedJob?.pods[0])}`, 194),
      jobEvent(failedJob?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 193, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob?.objects[0])}, status: Failed`, 193),
      // Noise: the mailer's SMTP relay hiccup an hour ago.
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 58, lastAgo: 57.5, fieldPath: fp }),
    ],
    logs: [
      ...(failedJob?.pods ?? []).map((p) => logsFor(p, 'refresh', { current: lines(`+ aws ecr get-login-password --region eu-west-1`, '', awsErr) })),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.4 - i * 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/INV-2026-${88120 + i}","status":200,"dur_ms":${12 + i}}`, `{"time":"${at(0.6)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices","status":201,"dur_ms":41}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/expired|ecr-credentials-refresh|ecr-pull|authori[sz]ation token|credential/i],
      facts: [/ecr-credentials-refresh/, /UnrecognizedClientException|security token included in the request is invalid|GetAuthorizationToken|BackoffLimitExceeded|backoff limit/i, /ecr-pull|imagePullSecret|pull secret/i],
      never: [ADVISES_ROLLBACK, /(tag|image)[^\n]*(does not exist|not found|typo)|not found[^\n]*2\.8\.0/i, /\bOOM/],
    },
  };
}

// ---- 2. RabbitMQ consumer_timeout: a revision raised the prefetch to 1000 -----------------------

function rabbitConsumerTimeout(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.40.12', ['58', '141', '203']);
  const mqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const mqConf = configMap({
    namespace: 'messaging', name: 'rabbitmq-config', createdAgo: 180 * DAYS,
    data: {
      'rabbitmq.conf': ['listeners.tcp.default = 5672', 'management.tcp.port = 15672', 'vm_memory_high_watermark.relative = 0.6', 'disk_free_limit.absolute = 2GB', 'consumer_timeout = 1800000', 'log.console = true', 'log.console.level = info'].join('\n'),
      enabled_plugins: '[rabbitmq_management,rabbitmq_prometheus].',
    },
  });
  const mq = statefulSetApp({
    namespace: 'messaging', name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-nodes', createdAgo: 180 * DAYS,
    revisions: [{ revision: 3, createdAgo: 64 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: mqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '1', memory: '2Gi', readiness: tcpProbe('amqp', { periodSeconds: 10 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'ping'], { periodSeconds: 60, timeoutSeconds: 15 }), volumeMounts: [{ name: 'config', mountPath: '/etc/rabbitmq/conf.d/10-defaults.conf', subPath: 'rabbitmq.conf' }] })], volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config' } }] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 64 * DAYS }],
  });
  const image = (v: string) => `${ECR}/fulfilment/label-printer:${v}`;
  const tpl = (v: string, prefetch: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9464 }], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'AMQP_URL', value: 'amqp://label-printer@rabbitmq.messaging.svc.cluster.local:5672/fulfilment' },
        { name: 'AMQP_QUEUE', value: 'shipments.label-requested' },
        { name: 'PREFETCH_COUNT', value: prefetch },
        { name: 'WORKER_CONCURRENCY', value: '4' },
        { name: 'CARRIER_API_URL', value: 'https://api.parcel-carrier.example/v3' },
      ],
      readiness: httpProbe('/health', 'metrics'), liveness: httpProbe('/health', 'metrics', { initialDelaySeconds: 15 }),
    })],
  });
  const restarts = [6, 5, 6];
  const app = deploymentApp({
    namespace: ns,
    name: 'label-printer',
    replicas: 3,
    revisions: [
      { revision: 35, createdAgo: 12 * DAYS, changeCause: 'argocd: label-printer 3.9.2', template: tpl('3.9.2', '20') },
      { revision: 36, createdAgo: 3 * HOURS + 35, changeCause: 'argocd: label-printer 3.10.0 (batch label throughput)', template: tpl('3.10.0', '1000') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 36, node: names[k] ?? '', createdAgo: 3 * HOURS + 34 - k, containers: { app: running({ sinceAgo: 11 + k * 7, restarts: restarts[k] ?? 5, last: { exitCode: 1, finishedAgo: 11.1 + k * 7, ranSeconds: 1812 + k * 9 } }) } })),
    settled: { available: true, availableSince: 3 * HOURS + 31, progressingSince: 3 * HOURS + 35, progressingUpdatedAgo: 3 * HOURS + 31 },
  });
  const other = deploymentApp({
    namespace: ns,
    name: 'shipment-tracker',
    replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 5 * DAYS, template: { containers: [container({ image: `${ECR}/fulfilment/shipment-tracker:2.2.0` })] } },
      { revision: 58, createdAgo: 16, changeCause: 'argocd: shipment-tracker 2.2.1', template: { containers: [container({ image: `${ECR}/fulfilment/shipment-tracker:2.2.1` })] } },
    ],
    pods: [{ revision: 58, node: names[0] ?? '', createdAgo: 16 }, { revision: 58, node: names[1] ?? '', createdAgo: 15 }],
  });
  const mqPod = podOf(mq, 0);
  const ctag = (k: number) => `amq.ctag-${uidOf(`ctag/${k}`).replace(/-/g, '').slice(0, 22)}`;
  const closed = 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more';
  const run = (start: number, end: number, k: number, crashed: boolean) => {
    const out = [
      `{"level":30,"time":"${at(start)}","pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"label-printer 3.10.0 starting","prefetch":1000,"concurrency":4}`,
      `{"level":30,"time":"${at(start - 0.01)}","pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"connected to amqp","vhost":"fulfilment","queue":"shipments.label-requested","consumerTag":"${ctag(k)}"}`,
    ];
    for (let t = start - 0.15, i = 0; t > end; t -= 1.3, i++) {
      out.push(`{"level":30,"time":"${at(t)}","pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"label created","shipmentId":"SHP-${7731200 + k * 9000 + i}","carrier":"dpd","redelivered":${i < 40},"durationMs":${8400 + ((i * 977) % 2600)}}`);
    }
    if (crashed) {
      out.push(
        `{"level":50,"time":"${at(end)}","pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"amqp channel closed by server","err":{"type":"Error","message":"Channel closed by server: 406 (PRECONDITION-FAILED) with message \\"${closed}\\"","stack":"Error: Channel closed by server: 406 (PRECONDITION-FAILED) with message \\"${closed}\\"\\n    at ConfirmChannel.C.accept (/app/node_modules/amqplib/lib/channel.js:422:17)\\n    at Connection.mainAccept [as accept] (/app/node_modules/amqplib/lib/connection.js:63:33)\\n    at Socket.go (/app/node_modules/amqplib/lib/connection.js:486:48)","code":406,"classId":60,"methodId":80}}`,
        `{"level":50,"time":"${at(end - 0.001)}","pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"in-flight labels lost: 4 (will be redelivered); exiting"}`,
      );
    }
    return lines(...out);
  };
  const mqLog = lines(
    `${at(64 * DAYS - 0.5).replace('T', ' ').replace('Z', '+00:00')} [info] <0.254.0> Server startup complete; 5 plugins started.`,
    ...[0, 1, 2].flatMap((k) => {
      const t = 11.1 + k * 7;
      const ip = app.pods[k]?.status?.podIP ?? '';
      const ts = at(t).replace('T', ' ').replace('Z', '+00:00');
      return [
        `${ts} [warning] <0.${31240 + k * 17}.0> Consumer ${ctag(k)} on channel 1 has timed out waiting for a consumer acknowledgement of a delivery with delivery tag = 37. Timeout used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
        `${ts} [error] <0.${31240 + k * 17}.0> Channel error on connection <0.${31210 + k * 17}.0> (${ip}:4${k}812 -> ${mqPod.status?.podIP ?? ''}:5672, vhost: 'fulfilment', user: 'label-printer'), channel 1:`,
        `${ts} [error] <0.${31240 + k * 17}.0> operation none caused a channel exception precondition_failed: delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more`,
      ];
    }),
  );
  return {
    id: 'heldout96-rabbitmq-consumer-timeout-prefetch',
    class: 'config',
    truth: 'Revision 36 of label-printer (3.10.0, 3h35 ago, "batch label throughput") raised PREFETCH_COUNT from 20 to 1000 while each label still takes 8–11 s with 4 workers, so prefetched deliveries wait far past RabbitMQ\'s consumer_timeout of 1800000 ms (30 minutes): the broker closes channel 1 with PRECONDITION_FAILED "delivery acknowledgement on channel 1 timed out", the process exits, every unacked message is redelivered and the loop starts again (each pod restarted about every 31 minutes, the same shipments redelivered, the queue not draining). RabbitMQ itself is healthy. Fix: lower the prefetch back (or ack per message within the timeout); raising consumer_timeout only hides it.',
    ask: { service: 'label-printer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mq.objects, mqConf, ...other.objects,
      service({ namespace: ns, name: 'label-printer-metrics', selector: { app: 'label-printer' }, ports: [{ name: 'metrics', port: 9464, targetPort: 'metrics' }] }),
      endpointSliceFor(service({ namespace: ns, name: 'label-printer-metrics', selector: { app: 'label-printer' }, ports: [{ name: 'metrics', port: 9464, targetPort: 'metrics' }] }), app.pods, 9464),
      ...exposed({ namespace: 'messaging', name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: mq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 58), 2, 0, 16),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'app', image('3.10.0'), { count: restarts[k] ?? 5, firstAgo: 3 * HOURS + 2 - k * 7, lastAgo: 11 + k * 7 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: run(41.4 + k * 7, 11.1 + k * 7, k, true), current: run(11 + k * 7, 0.2, k, false) })),
      logsFor(mqPod, 'rabbitmq', { current: mqLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/consumer.?timeout|acknowledge?ment[^\n]*timed out|PRECONDITION.FAILED|prefetch|unacked|ack timeout/i],
      facts: [/prefetch/i, /1000/, /1800000|30 ?min/i],
      never: [/\bOOM/, /rabbitmq (broker |server |pod )?(is |was )?(down|unavailable|unreachable|crash)/i, /connection refused/i],
    },
  };
}

// ---- 3. Python 3.6 on a hardened base without a UTF-8 locale: UnicodeEncodeError 'ascii' ----------

function pythonAsciiLocale(): CorpusScenario {
  const ns = 'statements';
  const aks = [aksNode('batch', 0, 'westeurope-1'), aksNode('batch', 1, 'westeurope-2'), aksNode('batch', 2, 'westeurope-3')];
  const names = aks.map(nameOf);
  const oldImage = 'acmecr.azurecr.io/statements/statement-export:5.3.2-py36-slim';
  const newImage = 'acmecr.azurecr.io/statements/statement-export:5.3.3-py36-ubi8-hardened';
  const common = [
    { name: 'EXPORT_BUCKET', value: 'https://acmestatements.blob.core.windows.net/exports' },
    { name: 'JOBS_QUEUE_URL', value: 'redis://statements-redis.statements.svc:6379/2' },
  ];
  const tpl = (img: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: img, ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '250m', memory: '384Mi', env, readiness: null, liveness: httpProbe('/metrics', 'metrics', { initialDelaySeconds: 20, periodSeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-export',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 27 * DAYS, changeCause: 'helm upgrade statement-export 5.3.2', template: tpl(oldImage, [...common, { name: 'LANG', value: 'C.UTF-8' }, { name: 'PYTHONIOENCODING', value: 'utf-8' }]) },
      { revision: 15, createdAgo: 47, changeCause: 'helm upgrade statement-export 5.3.3 (hardened base image, env moved to chart defaults)', template: tpl(newImage, common) },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 46.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 4 }, 13) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 45.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 5 }, 13) } },
    ],
  });
  const redis = deploymentApp({
    namespace: ns, name: 'statements-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 5 }) })] } }],
    pods: [{ revision: 2, node: names[1] ?? '', createdAgo: 19 * DAYS }],
  });
  const trace = (k: number, t: number) => lines(
    `${pyTime(t)} INFO statement_export.worker: statement-export 5.3.3 (Python 3.6.8) starting, queue=statements:exports`,
    `${pyTime(t - 0.01)} INFO statement_export.worker: picked export job ${88211 + k} account=ACC-${30118 + k} period=2026-10 rows=412`,
    'Traceback (most recent call last):',
    '  File "/opt/app-root/lib/statement_export/worker.py", line 112, in <module>',
    '    main()',
    '  File "/opt/app-root/lib/statement_export/worker.py", line 104, in main',
    '    run_job(job)',
    '  File "/opt/app-root/lib/statement_export/worker.py", line 77, in run_job',
    '    writer.writerow(row)',
    `UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position ${18 + k}: ordinal not in range(128)`,
  );
  const fp = fieldApp();
  return {
    id: 'heldout96-python-ascii-locale-hardened-base',
    class: 'containers',
    truth: 'Revision 15 of statement-export (47 minutes ago) moved the legacy Python 3.6 worker from the python:3.6-slim based image, whose chart also set LANG=C.UTF-8 and PYTHONIOENCODING=utf-8, to a hardened UBI8 base image and dropped both variables ("env moved to chart defaults", which do not set them). Without a UTF-8 locale Python 3.6 falls back to ASCII, so writing the first statement row with a non-ASCII name (é) raises UnicodeEncodeError: \'ascii\' codec can\'t encode character \'\\xe9\' and the worker exits 1 in a crash loop. Fix: set LANG=C.UTF-8 (and PYTHONIOENCODING=utf-8) again, or roll back to revision 14.',
    ask: { service: 'statement-export', namespace: ns },
    objects: [
      ...aks, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'statements-redis', selector: { app: 'statements-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 2, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 2, 45.5),
      ...app.pods.flatMap((p, k) => [
        scheduled(p, 46.5 - k * 0.7),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${newImage}"`, firstAgo: 46.4 - k * 0.7, lastAgo: 46.4 - k * 0.7, fieldPath: fp }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${newImage}" in 7.204s (7.204s including waiting). Image size: 148226107 bytes.`, firstAgo: 46.3 - k * 0.7, lastAgo: 46.3 - k * 0.7, fieldPath: fp }),
        ...restartedAgain(p, 'app', newImage, { count: 13, firstAgo: 46.2 - k * 0.7, lastAgo: 2.3 - k * 1.2 }),
        backOff(p, 'app', { count: 190, firstAgo: 45.9 - k * 0.7 }),
      ]),
      // Noise: the redis pod's memory warning from this morning's big month-end batch.
      event({ on: podOf(redis, 0), reason: 'Unhealthy', message: 'Readiness probe failed: dial tcp ' + (podOf(redis, 0).status?.podIP ?? '') + ':6379: i/o timeout', count: 1, firstAgo: 52, lastAgo: 52, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: trace(k, 2.4 - k * 1.2), current: trace(k, 0.1) })),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M 21 Nov 2026 02:31:07.118 * 10000 changes in 60 seconds. Saving...`, `1:M 21 Nov 2026 02:31:07.124 * Background saving started by pid 2211`, `2211:C 21 Nov 2026 02:31:07.503 * DB saved on disk`, `1:M 21 Nov 2026 02:31:07.525 * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnicodeEncodeError|ascii|locale|LANG|PYTHONIOENCODING|UTF-?8|encoding/i],
      facts: [/PYTHONIOENCODING|LANG/, /revision 15|ubi8|hardened/i, /UnicodeEncodeError|'ascii' codec/i],
      never: [/\bOOM/, /statements-redis[^\n]*(down|cause|fail)/i, /no space|disk (is )?full/i],
    },
  };
}

// ---- 4. MySQL ERROR 1040: the HPA scaled the client out past max_connections ----------------------

function mysqlTooManyConnections(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.22.64', ['19', '142', '230']);
  const myCnf = configMap({
    namespace: ns, name: 'orders-mysql-config', createdAgo: 310 * DAYS, updatedAgo: 95 * DAYS,
    data: { 'my.cnf': ['[mysqld]', 'max_connections = 300', 'max_connect_errors = 100000', 'innodb_buffer_pool_size = 6G', 'wait_timeout = 600', 'thread_cache_size = 64', 'log_error_verbosity = 2', 'skip_name_resolve = ON'].join('\n') },
  });
  const mysql = statefulSetApp({
    namespace: ns, name: 'orders-mysql', replicas: 1, serviceName: 'orders-mysql', createdAgo: 310 * DAYS,
    revisions: [{ revision: 7, createdAgo: 95 * DAYS, template: { containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.40', ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi', readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'config', mountPath: '/etc/mysql/conf.d' }, { name: 'data', mountPath: '/var/lib/mysql' }] })], volumes: [{ name: 'config', configMap: { name: 'orders-mysql-config' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 7, ordinal: 0, node: names[2] ?? '', createdAgo: 41 * DAYS }],
  });
  const image = `${ECR}/orders/order-service:7.14.1`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://orders-mysql.orders.svc.cluster.local:3306/orders?useSSL=true' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '25' },
        { name: 'SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE', value: '25' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const crashed = [11, 12, 13];
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 14,
    revisions: [{ revision: 52, createdAgo: 4 * DAYS, changeCause: 'argocd: order-service 7.14.1', template: tpl }],
    pods: Array.from({ length: 14 }, (_, k) => {
      const createdAgo = k < 6 ? 4 * DAYS - k : k < 8 ? 2 * HOURS + 8 : k < 11 ? 21.5 : 21.4;
      const crash = crashed.includes(k);
      return {
        revision: 52, node: names[k % 3] ?? '', createdAgo,
        ...(crash ? { containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5 + (k - 11) * 0.8, ranSeconds: 14 }, 6) } } : k === 2 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS, ranSeconds: 86000 } }) } } : {}),
      };
    }),
    settled: { available: true, availableSince: 4 * DAYS - 5, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 5 },
  });
  const scaler = hpa({ namespace: ns, name: 'order-service', target: { kind: 'Deployment', name: 'order-service' }, min: 6, max: 20, current: 14, desired: 14, cpu: { current: 71, target: 60, averageValue: '712m' }, lastScaleAgo: 21.5 });
  const other = deploymentApp({
    namespace: ns, name: 'order-events-relay', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/orders/order-events-relay:1.9.0` })] } },
      { revision: 19, createdAgo: 34, changeCause: 'argocd: order-events-relay 1.9.1', template: { containers: [container({ image: `${ECR}/orders/order-events-relay:1.9.1` })] } },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 34 }, { revision: 19, node: names[1] ?? '', createdAgo: 33 }],
  });
  const mysqlPod = podOf(mysql, 0);
  const springFail = (t: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75',
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    `${at(t)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication      : Starting OrderServiceApplication v7.14.1 using Java 21.0.5 with PID 1`,
    `${at(t - 0.12)}  INFO 1 --- [order-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
    `${at(t - 0.13)} ERROR 1 --- [order-service] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.`,
    '',
    'java.sql.SQLNonTransientConnectionException: Data source rejected establishment of connection,  message from server: "Too many connections"',
    '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111) ~[mysql-connector-j-8.4.0.jar!/:8.4.0]',
    '\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:114) ~[mysql-connector-j-8.4.0.jar!/:8.4.0]',
    '\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:819) ~[mysql-connector-j-8.4.0.jar!/:8.4.0]',
    '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360) ~[HikariCP-5.1.0.jar!/:na]',
    '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:554) ~[HikariCP-5.1.0.jar!/:na]',
    'Caused by: com.mysql.cj.exceptions.CJException: Data source rejected establishment of connection,  message from server: "Too many connections"',
    '\t... 62 common frames omitted',
    '',
    `${at(t - 0.2)}  WARN 1 --- [order-service] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory': Failed to initialize dependency 'flywayInitializer'`,
    `${at(t - 0.21)} ERROR 1 --- [order-service] [           main] o.s.boot.SpringApplication               : Application run failed`,
  );
  const okLog = (k: number) => lines(
    `${at(6 - k * 0.1)}  WARN 1 --- [order-service] [nection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Cannot acquire connection from data source`,
    `${at(5.9 - k * 0.1)}  WARN 1 --- [order-service] [nection adder] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to create connection: Data source rejected establishment of connection,  message from server: "Too many connections"`,
    `${at(1.1)}  INFO 1 --- [order-service] [nio-8080-exec-7] c.a.orders.web.OrderController           : POST /v2/orders 201 in 84 ms`,
  );
  return {
    id: 'heldout96-mysql-too-many-connections-hpa',
    class: 'capacity',
    truth: 'The HPA order-service scaled the Deployment from 8 to 14 replicas 21 minutes ago (CPU above its 60 % target during the morning peak). Each pod opens a fixed Hikari pool of 25 connections (SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE = MINIMUM_IDLE = 25), so 14 × 25 = 350 plus the other clients exceed orders-mysql\'s max_connections = 300 (my.cnf in ConfigMap orders-mysql-config): MySQL answers ERROR 1040 "Too many connections", the three newest pods fail at pool initialization and crash-loop, and the older pods log failed connection attempts. The MySQL server itself is healthy. Fix: shrink the per-pod pool (or cap the HPA at 11 / raise max_connections, or put ProxySQL in front).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mysql.objects, myCnf, scaler, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-mysql', selector: { app: 'orders-mysql' }, pods: mysql.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'order-events-relay', selector: { app: 'order-events-relay' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-service', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 2 * HOURS + 8, lastAgo: 2 * HOURS + 8, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-service', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 21.5, lastAgo: 21.5, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 52), 14, 8, 21.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 34),
      ...crashed.flatMap((k) => {
        const p = podOf(app, k);
        return [scheduled(p, 21.4), ...restartedAgain(p, 'app', image, { count: 7, firstAgo: 21.3, lastAgo: 2.5 - (k - 11) * 0.8 }), backOff(p, 'app', { count: 74, firstAgo: 20 })];
      }),
      event({ on: podOf(app, 9), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 9).status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 20.5, lastAgo: 19.8, fieldPath: fieldApp() }),
    ],
    logs: [
      ...crashed.map((k) => logsFor(podOf(app, k), 'app', { previous: springFail(1.8 + (k - 11) * 0.8), current: springFail(0.2) })),
      ...[0, 5, 9].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
      logsFor(mysqlPod, 'mysql', { current: lines(
        `${at(41 * DAYS - 0.4)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${at(41 * DAYS - 0.4)} 8 [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many connections|max_connections|1040|connection (limit|pool)/i],
      facts: [/max_connections|\b300\b/, /\b14\b|HPA|autoscal/i, /\b25\b|pool size|MAXIMUM_POOL_SIZE/i],
      never: [/(orders-)?mysql (server |pod )?(is |was )?(down|crash|unavailable|not ready|OOM)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. native gRPC liveness probe: health tied to a slow dependency answers NOT_SERVING ----------

function grpcHealthNotServing(): CorpusScenario {
  const ns = 'pricing';
  const nodes = [gkeNode('general', 'q8zt', 'europe-west1-b'), gkeNode('general', 'm2kd', 'europe-west1-c'), gkeNode('general', 'x7wp', 'europe-west1-d')];
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod-eu/pricing/quote-engine:${v}`;
  const grpcProbe = (extra: Partial<k8s.V1Probe>): k8s.V1Probe => ({ grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra });
  const tpl = (v: string, extraArgs: string[]) => ({
    containers: [container({
      image: image(v), args: ['--grpc-addr=:9090', '--fx-rates-addr=fx-rates.pricing.svc.cluster.local:9000', ...extraArgs],
      ports: [{ name: 'grpc', containerPort: 9090 }], cpu: '500m', memory: '512Mi',
      readiness: grpcProbe({ periodSeconds: 5 }), liveness: grpcProbe({ initialDelaySeconds: 10 }),
    })],
  });
  const restarts = [9, 7, 8, 6];
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 10 * DAYS, changeCause: 'argocd: quote-engine v1.31.0', template: tpl('v1.31.0', []) },
      { revision: 23, createdAgo: 2 * HOURS + 40, changeCause: 'argocd: quote-engine v1.32.0 (health reflects dependencies)', template: tpl('v1.32.0', ['--health-check-dependencies=fx-rates', '--health-dependency-timeout=250ms']) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 23, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 38 - k, containers: { app: running({ sinceAgo: 2.5 + k * 3.1, ready: k % 2 === 1, restarts: restarts[k] ?? 6, last: { exitCode: 0, reason: 'Completed', finishedAgo: 2.6 + k * 3.1, ranSeconds: 540 + k * 70 } }) } })),
    settled: { available: true, availableSince: 2 * HOURS + 30, progressingSince: 2 * HOURS + 40, progressingUpdatedAgo: 2 * HOURS + 30 },
  });
  const fx = deploymentApp({
    namespace: ns, name: 'fx-rates', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 31 * DAYS, changeCause: 'argocd: fx-rates v0.18.2', template: { containers: [container({ image: 'europe-west1-docker.pkg.dev/acme-prod-eu/pricing/fx-rates:v0.18.2', ports: [{ name: 'grpc', containerPort: 9000 }], readiness: tcpProbe('grpc'), liveness: tcpProbe('grpc', { initialDelaySeconds: 5 }) })] } }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 31 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 31 * DAYS - 1 }],
  });
  const notServing = 'service unhealthy (responded with "NOT_SERVING")';
  const goLog = (k: number, from: number, to: number, killed: boolean) => {
    const host = nameOf(app.pods[k]);
    const out = [
      `{"level":"info","ts":"${at(from)}","caller":"cmd/quote-engine/main.go:71","msg":"starting quote-engine","version":"v1.32.0","grpc_addr":":9090","pod":"${host}"}`,
      `{"level":"info","ts":"${at(from - 0.01)}","caller":"health/deps.go:44","msg":"dependency health checks enabled","dependencies":["fx-rates"],"timeout":"250ms","interval":"5s"}`,
    ];
    for (let t = from - 0.2, i = 0; t > to; t -= 0.9, i++) {
      const slow = i % 3 !== 2;
      out.push(`{"level":"info","ts":"${at(t)}","caller":"server/quote.go:118","msg":"quote served","method":"/pricing.v2.QuoteService/GetQuote","code":"OK","duration_ms":${slow ? 640 + i * 13 : 95 + i}}`);
      if (slow) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","caller":"health/deps.go:87","msg":"dependency check failed, reporting NOT_SERVING","dependency":"fx-rates","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","took_ms":${251 + i}}`);
      else out.push(`{"level":"info","ts":"${at(t - 0.02)}","caller":"health/deps.go:93","msg":"health status changed","service":"","status":"SERVING"}`);
    }
    if (killed) out.push(`{"level":"info","ts":"${at(to)}","caller":"cmd/quote-engine/main.go:109","msg":"received signal, stopping gracefully","signal":"terminated"}`, `{"level":"info","ts":"${at(to - 0.01)}","caller":"cmd/quote-engine/main.go:118","msg":"grpc server stopped"}`);
    return lines(...out);
  };
  return {
    id: 'heldout96-grpc-liveness-not-serving-dependency',
    class: 'probes',
    truth: 'Revision 23 of quote-engine (v1.32.0, 2h40 ago) added --health-check-dependencies=fx-rates with a 250 ms timeout, so the gRPC health service now reports NOT_SERVING whenever fx-rates answers slowly (it does, 600+ ms, though it serves every request). The pods use the native gRPC liveness probe on port 9090, so the kubelet sees "service unhealthy (responded with \\"NOT_SERVING\\")" three times in a row and restarts quote-engine containers that are serving quotes fine (exit 0 on SIGTERM, 6–9 restarts each). Fix: keep dependency checks out of the liveness health (liveness on a separate health service name or serving status independent of fx-rates), or roll back to revision 22.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods, ports: [{ name: 'grpc', port: 9000, targetPort: 'grpc' }], endpointPort: 9000 }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', notServing, { count: 3 * (restarts[k] ?? 6) + 2, firstAgo: 2 * HOURS + 20 - k * 3, lastAgo: 0.4 + k * 0.3 }),
        probeFailed(p, 'app', 'Readiness', notServing, { count: 14 * (restarts[k] ?? 6), firstAgo: 2 * HOURS + 22 - k * 3, lastAgo: 0.2 + k * 0.2 }),
        probeKilling(p, 'app', 'liveness', { count: restarts[k] ?? 6, firstAgo: 2 * HOURS + 19 - k * 3, lastAgo: 2.6 + k * 3.1 }),
        ...restartedAgain(p, 'app', image('v1.32.0'), { count: restarts[k] ?? 6, firstAgo: 2 * HOURS + 18.9 - k * 3, lastAgo: 2.5 + k * 3.1 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: goLog(k, 12.5 + k * 3.1, 2.6 + k * 3.1, true), current: goLog(k, 2.5 + k * 3.1, 0.1, false) })),
      ...fx.pods.map((p, i) => logsFor(p, 'app', { current: lines(`time=${at(1.2 - i * 0.1)} level=INFO msg="rates refreshed" source=ecb-feed pairs=168 took=4.91s`, `time=${at(0.5)} level=INFO msg="GetRate stats" window=60s p50=212ms p99=884ms rps=431 errors=0`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOT_SERVING|liveness|health[^\n]*(dependenc|fx-rates)/i],
      facts: [/NOT_SERVING/, /fx-rates|dependenc/i, /revision 23|health-check-dependencies|v1\.32\.0/i],
      never: [/\bOOM/, /connection refused/i, /(wrong|mismatch(ed)?) port|port[^\n]*mismatch/i],
    },
  };
}

// ---- 6. Vault came back sealed after its node rebooted: vault-agent init cannot log in -------------

function vaultSealedAfterReboot(): CorpusScenario {
  const rebooted = gkeNode('platform', 'b7x2', 'europe-west1-c', { readySince: 36 });
  const nodes = [gkeNode('platform', 'h4nc', 'europe-west1-b'), rebooted, gkeNode('platform', 'r9lf', 'europe-west1-d')];
  const names = nodes.map(nameOf);
  const vaultImage = 'docker.io/hashicorp/vault:1.17.6';
  const vault = statefulSetApp({
    namespace: 'vault', name: 'vault', replicas: 1, serviceName: 'vault-internal', createdAgo: 400 * DAYS,
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: { serviceAccountName: 'vault', containers: [container({ name: 'vault', image: vaultImage, command: ['/bin/sh', '-ec'], args: ['/usr/local/bin/docker-entrypoint.sh vault server -config=/vault/config/extraconfig-from-values.hcl'], ports: [{ name: 'http', containerPort: 8200 }, { name: 'https-internal', containerPort: 8201 }], cpu: '250m', memory: '256Mi', readiness: execProbe(['/bin/sh', '-ec', 'vault status -tls-skip-verify'], { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 }), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/vault/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'standard-rwo' }],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 70 * DAYS, containers: { vault: running({ sinceAgo: 35, ready: false, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 38, ranSeconds: 70 * DAYS * 60 } }) } }],
  });
  const vaultPod = podOf(vault, 0);
  const ns = 'claims';
  const appImage = 'europe-west1-docker.pkg.dev/acme-prod-eu/claims/claims-api:4.2.0';
  const agentConf = configMap({
    namespace: ns, name: 'claims-api-vault-agent', createdAgo: 150 * DAYS,
    data: { 'agent.hcl': ['exit_after_auth = true', 'pid_file = "/home/vault/.pid"', 'vault {', '  address = "http://vault.vault.svc:8200"', '}', 'auto_auth {', '  method "kubernetes" {', '    mount_path = "auth/kubernetes"', '    exit_on_err = true', '    config = {', '      role = "claims-api"', '    }', '  }', '  sink "file" {', '    config = {', '      path = "/home/vault/.token"', '    }', '  }', '}', 'template {', '  destination = "/vault/secrets/app.env"', '  contents = "{{ with secret \\"kv/data/claims/claims-api\\" }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\\n{{ end }}{{ end }}"', '}'].join('\n') },
  });
  const agent = batchContainer({ name: 'vault-agent-init', image: vaultImage, command: ['vault', 'agent', '-config=/etc/vault/agent.hcl'], cpu: '50m', memory: '64Mi', volumeMounts: [{ name: 'agent-config', mountPath: '/etc/vault' }, { name: 'vault-secrets', mountPath: '/vault/secrets' }] });
  const tpl = {
    serviceAccountName: 'claims-api',
    initContainers: [agent],
    containers: [container({ image: appImage, command: ['/bin/sh', '-c', 'set -a && . /vault/secrets/app.env && exec bundle exec puma -C config/puma.rb'], ports: [3000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }] })],
    volumes: [{ name: 'agent-config', configMap: { name: 'claims-api-vault-agent' } }, { name: 'vault-secrets', emptyDir: { medium: 'Memory' } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-api',
    replicas: 3,
    revisions: [{ revision: 61, createdAgo: 5 * DAYS, changeCause: 'argocd: claims-api 4.2.0', template: tpl }],
    pods: [
      { revision: 61, node: names[0] ?? '', createdAgo: 5 * DAYS },
      { revision: 61, node: names[2] ?? '', createdAgo: 5 * DAYS - 1 },
      // On the rebooted node: the kubelet re-runs the init container after the reboot.
      {
        revision: 61, node: names[1] ?? '', createdAgo: 5 * DAYS - 2,
        initContainers: { 'vault-agent-init': crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 1 }, 11) },
        containers: { app: { ...waiting('PodInitializing'), restartCount: 1, lastState: { terminated: { exitCode: 255, reason: 'Unknown', startedAt: ago(5 * DAYS - 2.5), finishedAt: ago(38), containerID: 'containerd://' + uidOf('claims-old').replace(/-/g, '') } } } },
      },
    ],
  });
  const stuck = podOf(app, 2);
  const other = deploymentApp({
    namespace: ns, name: 'claims-ui', replicas: 2,
    revisions: [{ revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: claims-ui 2.11.3', template: { containers: [container({ image: 'europe-west1-docker.pkg.dev/acme-prod-eu/claims/claims-ui:2.11.3', ports: [8080] })] } }],
    pods: [{ revision: 30, node: names[0] ?? '', createdAgo: 36 }, { revision: 30, node: names[2] ?? '', createdAgo: 8 * DAYS }],
  });
  // The chart's client Service publishes not-ready addresses: a sealed Vault still answers (503).
  const vaultSvc = service({ namespace: 'vault', name: 'vault', selector: { app: 'vault' }, ports: [{ name: 'http', port: 8200, targetPort: 8200 }, { name: 'https-internal', port: 8201, targetPort: 8201 }] });
  if (vaultSvc.spec) vaultSvc.spec.publishNotReadyAddresses = true;
  const sealed = 'Key                Value\n---                -----\nSeal Type          shamir\nInitialized        true\nSealed             true\nTotal Shares       5\nThreshold          3\nUnseal Progress    0/3\nUnseal Nonce       n/a\nVersion            1.17.6\nBuild Date         2024-09-24T19:48:40Z\nStorage Type       raft\nHA Enabled         true';
  const agentLog = (t: number) => lines(
    '==> Vault Agent started! Log data will stream in below:',
    '',
    '==> Vault Agent configuration:',
    '',
    '           Api Address 1: http://bufconn',
    '                     Cgo: disabled',
    '               Log Level: info',
    '                 Version: Vault v1.17.6, built 2024-09-24T19:48:40Z',
    '             Version Sha: 0a8b7a2d2d9b2d64b3f4d1c2e7f9a10b3c4d5e6f',
    '',
    `${at(t)} [INFO]  agent.sink.file: creating file sink`,
    `${at(t)} [INFO]  agent.sink.file: file sink configured: path=/home/vault/.token mode=-rw-r-----`,
    `${at(t)} [INFO]  agent.auth.handler: starting auth handler`,
    `${at(t)} [INFO]  agent.auth.handler: authenticating`,
    `${at(t - 0.005)} [ERROR] agent.auth.handler: error authenticating:`,
    '  error=',
    '  | Error making API request.',
    '  | ',
    '  | URL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login',
    '  | Code: 503. Errors:',
    '  | ',
    '  | * Vault is sealed',
    '   backoff=1s',
    `${at(t - 0.006)} [INFO]  agent: (runner) stopping`,
    `${at(t - 0.006)} [ERROR] agent: error encountered during auth: exit_on_err is set, shutting down`,
  );
  const vaultLog = lines(
    '==> Vault server configuration:',
    '',
    'Administrative Namespace: ',
    '             Api Address: http://' + (vaultPod.status?.podIP ?? '') + ':8200',
    '                     Cgo: disabled',
    '         Cluster Address: https://vault-0.vault-internal:8201',
    '              Listener 1: tcp (addr: "[::]:8200", cluster address: "[::]:8201", max_request_duration: "1m30s", max_request_size: "33554432", tls: "disabled")',
    '               Log Level: info',
    '                 Storage: raft (HA available)',
    '                 Version: Vault v1.17.6, built 2024-09-24T19:48:40Z',
    '',
    '==> Vault server started! Log data will stream in below:',
    '',
    `${at(35)} [INFO]  proxy environment: http_proxy="" https_proxy="" no_proxy=""`,
    `${at(35)} [INFO]  incrementing seal generation: generation=1`,
    `${at(34.99)} [INFO]  core: Initializing version history cache for core`,
    `${at(34.99)} [INFO]  events: Starting event system`,
    ...[34.9, 34.8, 20, 10, 0.1].map((t) => `${at(t)} [INFO]  core: stored unseal keys supported, attempting fetch\n${at(t)} [WARN]  failed to unseal core: error="stored unseal keys are supported, but none were found"`),
  );
  return {
    id: 'heldout96-vault-sealed-after-node-reboot',
    class: 'config',
    truth: `The GKE node ${names[1] ?? ''} rebooted 38 minutes ago. Vault (StatefulSet vault, one replica, Shamir seal, manual unseal) came back on it sealed ("stored unseal keys are supported, but none were found"; vault status: Sealed true, unseal progress 0/3), so nobody has unsealed it. The claims-api pod on the same node re-ran its vault-agent-init init container after the reboot: its Kubernetes-auth login gets 503 "Vault is sealed" and, with exit_on_err, exits 1, so the pod sits in Init:CrashLoopBackOff; the two claims-api pods started five days ago keep running with the secrets they fetched then. Fix: unseal Vault (3 of 5 key holders), or move it to auto-unseal; claims-api and its role are fine.`,
    ask: { service: 'claims-api', namespace: ns },
    objects: [
      ...nodes, ...vault.objects, ...app.objects, agentConf, ...other.objects,
      vaultSvc, endpointSliceFor(vaultSvc, vault.pods, 8200),
      service({ namespace: 'vault', name: 'vault-internal', selector: { app: 'vault' }, headless: true, ports: [{ name: 'http', port: 8200, targetPort: 8200 }, { name: 'https-internal', port: 8201, targetPort: 8201 }] }),
      ...exposed({ namespace: ns, name: 'claims-api', selector: { app: 'claims-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'claims-ui', selector: { app: 'claims-ui' }, pods: other.pods }),
      nodeEvent(names[1] ?? '', 'NodeNotReady', `Node ${names[1] ?? ''} status is now: NodeNotReady`, { firstAgo: 38.5, component: 'node-controller' }),
      nodeEvent(names[1] ?? '', 'Starting', 'Starting kubelet.', { firstAgo: 36.4 }),
      nodeEvent(names[1] ?? '', 'Rebooted', `Node ${names[1] ?? ''} has been rebooted, boot id: ${uidOf(`boot2/${names[1] ?? ''}`)}`, { type: 'Warning', firstAgo: 36.3 }),
      nodeEvent(names[1] ?? '', 'NodeReady', `Node ${names[1] ?? ''} status is now: NodeReady`, { firstAgo: 36 }),
      event({ on: vaultPod, reason: 'Unhealthy', message: `Readiness probe failed: ${sealed}`, count: 410, firstAgo: 34.8, lastAgo: 0.1, fieldPath: 'spec.containers{vault}' }),
      event({ on: vaultPod, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 35.6, lastAgo: 35.6 }),
      ...restartedAgain(vaultPod, 'vault', vaultImage, { count: 1, firstAgo: 35.2, lastAgo: 35.2 }),
      event({ on: stuck, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 35.7, lastAgo: 35.7 }),
      event({ on: stuck, type: 'Normal', reason: 'Pulled', message: `Container image "${vaultImage}" already present on machine`, count: 12, firstAgo: 35.4, lastAgo: 1.7, fieldPath: 'spec.initContainers{vault-agent-init}' }),
      event({ on: stuck, type: 'Normal', reason: 'Created', message: 'Created container vault-agent-init', count: 12, firstAgo: 35.4, lastAgo: 1.7, fieldPath: 'spec.initContainers{vault-agent-init}' }),
      event({ on: stuck, type: 'Normal', reason: 'Started', message: 'Started container vault-agent-init', count: 12, firstAgo: 35.4, lastAgo: 1.7, fieldPath: 'spec.initContainers{vault-agent-init}' }),
      backOff(stuck, 'vault-agent-init', { count: 160, firstAgo: 35, init: true }),
      // Noise: a claims-ui pod replaced 36 minutes ago.
      ...startedNormally(podOf(other, 0), 'app', 'europe-west1-docker.pkg.dev/acme-prod-eu/claims/claims-ui:2.11.3', 36),
    ],
    logs: [
      logsFor(stuck, 'vault-agent-init', { previous: agentLog(1.6), current: agentLog(0.2) }),
      ...app.pods.slice(0, 2).map((p, i) => logsFor(p, 'app', { current: lines(`I, [${at(1.3 - i * 0.1).replace('Z', '')} #1]  INFO -- : [${uidOf(`req/${i}`)}] Started GET "/api/v1/claims/CLM-20${3311 + i}" for 10.64.3.${12 + i} at ${at(1.3 - i * 0.1).slice(0, 19).replace('T', ' ')} +0000`, `I, [${at(1.29 - i * 0.1).replace('Z', '')} #1]  INFO -- : [${uidOf(`req/${i}`)}] Completed 200 OK in 38ms (Views: 0.4ms | ActiveRecord: 9.1ms | Allocations: 5120)`) })),
      logsFor(vaultPod, 'vault', { current: vaultLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/seal/i],
      facts: [/vault-0|\bvault\b/i, /sealed/i, /vault-agent-init/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /(role|policy|service ?account) [^\n]{0,30}(wrong|missing|not bound)|permission denied/i],
    },
  };
}

// ---- 7. healthy control: a Java 11 service warning about illegal reflective access -----------------

function healthyIllegalReflectiveAccess(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.51.8', ['36', '117', '250']);
  const image = (v: string) => `${ECR}/risk/fraud-scorer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080, { name: 'admin', containerPort: 8081 }], cpu: '1', memory: '2Gi', env: [{ name: 'JAVA_OPTS', value: '-Xms1g -Xmx1536m -XX:+UseG1GC' }], readiness: httpProbe('/healthcheck', 'admin', { initialDelaySeconds: 20 }), liveness: httpProbe('/ping', 'admin', { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: fraud-scorer 12.4.0', template: tpl('12.4.0') },
      { revision: 89, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: fraud-scorer 12.4.1', template: tpl('12.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k * 1.5 })),
  });
  const other = deploymentApp({
    namespace: ns, name: 'rules-admin', replicas: 1,
    revisions: [{ revision: 14, createdAgo: 17 * DAYS, template: { containers: [container({ image: `${ECR}/risk/rules-admin:3.0.7` })] } }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 17 * DAYS }],
  });
  const start = (k: number) => 2 * HOURS + 3.8 - k * 1.5;
  const logLine = (t: number, lvl: string, logger: string, msg: string) => `${lvl.padEnd(5)} [${pyTime(t)}] ${logger}: ${msg}`;
  const javaLog = (k: number) => lines(
    'WARNING: An illegal reflective access operation has occurred',
    'WARNING: Illegal reflective access by com.google.inject.internal.cglib.core.$ReflectUtils$1 (file:/app/lib/guice-4.2.2.jar) to method java.lang.ClassLoader.defineClass(java.lang.String,byte[],int,int,java.security.ProtectionDomain)',
    'WARNING: Please consider reporting this to the maintainers of com.google.inject.internal.cglib.core.$ReflectUtils$1',
    'WARNING: Use --illegal-access=warn to enable warnings of further illegal reflective access operations',
    'WARNING: All illegal access operations will be denied in a future release',
    logLine(start(k), 'INFO', 'io.dropwizard.server.DefaultServerFactory', 'Registering jersey handler with root path prefix: /'),
    logLine(start(k) - 0.01, 'WARN', 'org.glassfish.jersey.internal.Errors', 'The following warnings have been detected: WARNING: The (sub)resource method score in com.acme.risk.api.ScoreResource contains empty path annotation.'),
    logLine(start(k) - 0.02, 'WARN', 'com.acme.risk.model.ModelCache', `Model cache warm-up took ${4812 + k * 131} ms (threshold 3000 ms)`),
    logLine(start(k) - 0.05, 'INFO', 'org.eclipse.jetty.server.AbstractConnector', 'Started application@6f2cb653{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}'),
    logLine(start(k) - 0.05, 'INFO', 'org.eclipse.jetty.server.AbstractConnector', 'Started admin@1a1da881{HTTP/1.1, (http/1.1)}{0.0.0.0:8081}'),
    logLine(start(k) - 0.06, 'INFO', 'org.eclipse.jetty.server.Server', 'Started @21337ms'),
    `10.51.8.${40 + k} - - [${clfTime(0.8)}] "POST /v3/score HTTP/1.1" 200 212 "-" "checkout-api/5.2.0" 23`,
    `10.51.8.${41 + k} - - [${clfTime(0.3)}] "POST /v3/score HTTP/1.1" 200 198 "-" "checkout-api/5.2.0" 19`,
  );
  return {
    id: 'heldout96-healthy-java-illegal-reflective-access',
    class: 'healthy',
    truth: 'Nothing is wrong. fraud-scorer 12.4.1 (revision 89, rolled out two hours ago) runs on Java 11 and, like every release for years, prints the JDK\'s "WARNING: An illegal reflective access operation has occurred" block for Guice\'s cglib at start, plus a slow model warm-up warning; all three pods are Ready with no restarts and serve POST /v3/score with 200s.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rules-admin', selector: { app: 'rules-admin' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 89), 3, 0, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 0, 3, 2 * HOURS),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('12.4.1'), 2 * HOURS + 4 - k * 1.5)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: javaLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally/i],
      facts: [/fraud-scorer/, /ready|3\/3/i],
      never: [/\bOOM/, /crash ?loop/i, /illegal reflective access[^\n]*(caus(es|ed|ing) (the |a )?(failure|crash|outage)|broke)/i, /rules-admin/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  ecrTokenExpired(),
  rabbitConsumerTimeout(),
  pythonAsciiLocale(),
  mysqlTooManyConnections(),
  grpcHealthNotServing(),
  vaultSealedAfterReboot(),
  healthyIllegalReflectiveAccess(),
];

