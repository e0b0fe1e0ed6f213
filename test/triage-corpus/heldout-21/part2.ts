// Held-out stories, twenty-first round, part two: written without reading the analysis code.
//
// A CiliumNetworkPolicy that forgot the egress to the ledger database, the EBS CSI controller
// scaled to zero by a cost-cleanup script while Kafka scales out, a memory HPA whose target sits
// above the container's limit, a MongoDB replica set initiated with pod IPs after a node rotation,
// a deleted Service whose short name falls through to a wildcard corporate search domain, a
// local-path volume pinned to a node the autoscaler removed, and a healthy control: a batch Job
// fanning out while new nodes join.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, batchContainer, boundClaim, configMap, container, crashLoop, daemonSetApp, terminated, deploymentApp, epochMs,
  event, execProbe, exposed, failedScheduling, httpProbe, job, jobEvent, nameOf, node, nodeEvent, notTriggerScaleUp, pvc, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, uidOf, endpointSliceFor,
  coreDns, cronJob, volumeOf,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const LOOK = { revisions: [40, 41] as const, versions: ['3.8.0', '3.8.1'] as const, olderAgo: 9 * DAYS };

/** The object of `kind` named `name` among `objects`. */
function find<T extends KubeJson>(objects: readonly KubeJson[], kind: string, name: string): T {
  const o = objects.find((x) => x.kind === kind && x.metadata?.name === name);
  if (o === undefined) throw new Error(`no ${kind} ${name}`);
  return o as T;
}

// ---- 1. a CiliumNetworkPolicy without egress to the ledger database -----------------------------

function ciliumPolicyDropsLedgerEgress(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.44');
  const image = (v: string) => `${ECR}/payments/payments-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], memory: '256Mi', cpu: '200m', env: [{ name: 'LEDGER_DSN', value: 'postgres://payments@ledger-db.data.svc.cluster.local:5432/ledger?sslmode=require&connect_timeout=5' }], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payments-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: payments-api 2.31.0', template: tpl('2.31.0') },
      { revision: 58, createdAgo: 3 * DAYS, changeCause: 'argocd: payments-api 2.31.1', template: tpl('2.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const hooks = bystander(ns, 'payments-webhooks', names, 55, LOOK);
  // The database, in its own namespace, healthy.
  const pg = statefulSetApp({
    namespace: 'data',
    name: 'ledger-db',
    replicas: 1,
    serviceName: 'ledger-db-hl',
    revisions: [{ revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }], memory: '4Gi', cpu: '1', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe(5432, { initialDelaySeconds: 30 }) })] } }],
    volumeClaimTemplates: [{ name: 'pgdata', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const pgPod = podOf(pg, 0);
  const [pgClaim, pgVolume] = boundClaim({ namespace: 'data', name: 'pgdata-ledger-db-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 80 * DAYS });
  const pgSvc = exposed({ namespace: 'data', name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: pg.pods, endpointPort: 5432 });
  const dbIp = (pgSvc[0] as k8s.V1Service).spec?.clusterIP ?? '';
  // Cilium's agents (kube-system), one per node; they enforce the CiliumNetworkPolicy the API here does not serve.
  const cilium = daemonSetApp({
    namespace: 'kube-system',
    name: 'cilium',
    selector: { 'k8s-app': 'cilium' },
    pinnedToNodes: true,
    revisions: [{ revision: 6, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.16.4@sha256:d55ec38938854133e06739b1af237932b9c4dd4e75e9b7b2ca3acc72540a44bf', command: ['cilium-agent'], args: ['--config-dir=/tmp/cilium/config-map'], ports: [], cpu: '100m', memory: '512Mi', memoryLimit: null, readiness: httpProbe('/healthz', 9879), liveness: httpProbe('/healthz', 9879, { failureThreshold: 10 }) })], priorityClassName: 'system-node-critical', serviceAccountName: 'cilium' } }],
    pods: names.map((n) => ({ revision: 6, node: n, createdAgo: 34 * DAYS })),
  });
  const agentOn = (nodeName: string) => cilium.pods.find((p) => p.spec?.nodeName === nodeName);
  const flow = (p: k8s.V1Pod, t: number, port: number, kind: 'verdict' | 'drop') => {
    const nodeName = `prod-eu-west-1/${p.spec?.nodeName ?? ''}`;
    const base = `"verdict":"DROPPED","drop_reason":133,"IP":{"source":"${ipOfPod(p)}","destination":"${ipOfPod(pgPod)}","ipVersion":"IPv4"},"l4":{"TCP":{"source_port":${port},"destination_port":5432,"flags":{"SYN":true}}},"source":{"ID":${1200 + port % 97},"identity":48213,"cluster_name":"prod-eu-west-1","namespace":"payments","labels":["k8s:app=payments-api","k8s:io.cilium.k8s.policy.serviceaccount=default","k8s:io.kubernetes.pod.namespace=payments"],"pod_name":"${nameOf(p)}","workloads":[{"name":"payments-api","kind":"Deployment"}]},"destination":{"identity":30117,"cluster_name":"prod-eu-west-1","namespace":"data","labels":["k8s:app=ledger-db","k8s:io.kubernetes.pod.namespace=data"],"pod_name":"ledger-db-0","workloads":[{"name":"ledger-db","kind":"StatefulSet"}]},"Type":"L3_L4","node_name":"${nodeName}"`;
    const tail = kind === 'verdict'
      ? `,"event_type":{"type":5},"traffic_direction":"EGRESS","policy_match_type":0,"is_reply":false,"Summary":"TCP Flags: SYN"`
      : `,"event_type":{"type":1,"sub_type":133},"traffic_direction":"EGRESS","drop_reason_desc":"POLICY_DENIED","is_reply":false,"Summary":"TCP Flags: SYN"`;
    return `{"flow":{"time":"${at(t)}","uuid":"${uidOf(`flow/${nameOf(p)}/${t}/${kind}`)}",${base}${tail}},"node_name":"${nodeName}","time":"${at(t)}"}`;
  };
  const agentLogs = app.pods.map((p, i) => {
    const agent = agentOn(p.spec?.nodeName ?? '');
    const sport = 41822 + i * 311;
    return logsFor(agent, 'cilium-agent', {
      current: lines(
        `time="${at(27 * HOURS).slice(0, 19)}Z" level=info msg="Regenerating restored endpoints" numRestored=${14 + i} subsys=daemon`,
        `time="${at(20.4).slice(0, 19)}Z" level=info msg="Policy Add Request" ciliumNetworkPolicy="[&{EndpointSelector:{\\"matchLabels\\":{\\"any:app\\":\\"payments-api\\",\\"k8s:io.kubernetes.pod.namespace\\":\\"payments\\"}} NodeSelector:{} Ingress:[] IngressDeny:[] Egress:[{EgressCommonRule:{ToEndpoints:[{\\"matchLabels\\":{\\"k8s:io.kubernetes.pod.namespace\\":\\"kube-system\\",\\"k8s:k8s-app\\":\\"kube-dns\\"}}]} ToPorts:[{Ports:[{Port:53 EndPort:0 Protocol:UDP}]}]} {EgressCommonRule:{ToEndpoints:[{\\"matchLabels\\":{\\"k8s:io.kubernetes.pod.namespace\\":\\"payments\\"}}]}} {EgressCommonRule:{} ToFQDNs:[{MatchName:api.stripe.com}] ToPorts:[{Ports:[{Port:443 EndPort:0 Protocol:TCP}]}]}] EgressDeny:[] Labels:[k8s:io.cilium.k8s.policy.derived-from=CiliumNetworkPolicy k8s:io.cilium.k8s.policy.name=payments-egress k8s:io.cilium.k8s.policy.namespace=payments k8s:io.cilium.k8s.policy.uid=${uidOf('cnp/payments/payments-egress')}] Description:}]" policyAddRequest=${uidOf(`par/${i}`)} subsys=daemon`,
        `time="${at(20.4).slice(0, 19)}Z" level=info msg="Policy imported via API, recalculating..." policyAddRequest=${uidOf(`par/${i}`)} policyRevision=${412 + i} subsys=daemon`,
        `time="${at(20.4).slice(0, 19)}Z" level=info msg="Imported CiliumNetworkPolicy" ciliumNetworkPolicyName=payments-egress k8sApiVersion= k8sNamespace=payments subsys=k8s-watcher`,
        flow(p, 19.6, sport, 'verdict'),
        flow(p, 19.6, sport, 'drop'),
        flow(p, 9.2, sport + 7, 'verdict'),
        flow(p, 9.2, sport + 7, 'drop'),
        flow(p, 0.7, sport + 19, 'verdict'),
        flow(p, 0.7, sport + 19, 'drop'),
      ),
    });
  });
  const dialErr = `failed to connect to \`user=payments database=ledger\`: ${dbIp}:5432 (ledger-db.data.svc.cluster.local): dial error: dial tcp ${dbIp}:5432: i/o timeout`;
  const appLogs = app.pods.map((p, i) => logsFor(p, 'app', {
    current: lines(
      `{"time":"${at(22 + i)}","level":"INFO","msg":"request","method":"POST","path":"/v1/payments","status":201,"dur_ms":${38 + i}}`,
      `{"time":"${at(21.5)}","level":"INFO","msg":"request","method":"GET","path":"/v1/payments/pay_9Hc2${i}","status":200,"dur_ms":9}`,
      `{"time":"${at(19.5 - i / 10)}","level":"ERROR","msg":"ledger write failed","error":"${dialErr}","payment_id":"pay_Q7x${i}1"}`,
      `{"time":"${at(19.5 - i / 10)}","level":"INFO","msg":"request","method":"POST","path":"/v1/payments","status":503,"dur_ms":5004}`,
      `{"time":"${at(8 - i / 10)}","level":"WARN","msg":"pgxpool: acquire conn","error":"context deadline exceeded","pool":"ledger","total_conns":0,"idle_conns":0}`,
      `{"time":"${at(8 - i / 10)}","level":"ERROR","msg":"ledger write failed","error":"${dialErr}","payment_id":"pay_Zk4${i}p"}`,
      `{"time":"${at(1 - i / 10)}","level":"ERROR","msg":"ledger write failed","error":"${dialErr}","payment_id":"pay_Lm8${i}v"}`,
      `{"time":"${at(1 - i / 10)}","level":"INFO","msg":"request","method":"POST","path":"/v1/payments","status":503,"dur_ms":5003}`,
      `{"time":"${at(0.4)}","level":"INFO","msg":"request","method":"GET","path":"/healthz","status":200,"dur_ms":0}`,
    ),
  }));
  return {
    id: 'heldout21-cilium-policy-drops-ledger-egress',
    class: 'network',
    truth: 'Twenty minutes ago the payments team applied the CiliumNetworkPolicy payments-egress to namespace payments: it selects the payments-api pods and allows egress only to kube-dns, to pods of the payments namespace and to api.stripe.com:443, so it lacks egress to the ledger-db Postgres in namespace data. Cilium drops every SYN from payments-api to ledger-db:5432 (POLICY_DENIED, EGRESS); the pods stay Ready because their probe is local, but every ledger write fails with a connect i/o timeout and POST /v1/payments returns 503. No Kubernetes NetworkPolicy is involved and the database is healthy. Fix: add an egress rule to ledger-db (namespace data, port 5432) to payments-egress.',
    ask: { service: 'payments-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...hooks.objects, ...pg.objects, pgClaim, pgVolume, ...pgSvc, ...cilium.objects,
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payments-webhooks', selector: { app: 'payments-webhooks' }, pods: hooks.pods }),
      scaledReplicaSet(find(hooks.objects, 'Deployment', 'payments-webhooks'), rsOf(hooks, 41), 2, 0, 55),
      scaledReplicaSet(find(hooks.objects, 'Deployment', 'payments-webhooks'), rsOf(hooks, 40), 0, 2, 53),
      ...startedAt(podOf(hooks, 0), 'app', `${ECR}/${ns}/payments-webhooks:3.8.1`, 55),
      event({ on: podOf(hooks, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(hooks, 1))}:8080/ready": dial tcp ${ipOfPod(podOf(hooks, 1))}:8080: connect: connection refused`, count: 2, firstAgo: 53.8, lastAgo: 53.7, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [...appLogs, ...agentLogs],
    expect: {
      verdict: 'problems',
      headline: [/cilium|network ?polic|egress/i, /ledger-db|5432/i],
      facts: [/payments-egress/, /DROPPED|POLICY_DENIED|policy denied/i, /i\/o timeout|timed? ?out/i, /egress/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ledger-db[^\n]*(down|crash|not ready|unavailable|failing)/i, /payments-webhooks/, /readiness probe/i],
    },
  };
}

// ---- 2. the EBS CSI controller scaled to 0: Kafka's new claim never provisions -------------------

function ebsCsiControllerScaledToZero(): CorpusScenario {
  const ns = 'streaming';
  const nodes = [
    ...threeEksNodes('10.0.61', ['12', '140', '201']).nodes,
    node({ name: eksNodeName('10.0.62.19'), zone: 'eu-west-1a', pool: 'streaming', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63264148Ki', pods: '58' }, createdAgo: 12 * DAYS }),
    node({ name: eksNodeName('10.0.63.88'), zone: 'eu-west-1b', pool: 'streaming', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63264148Ki', pods: '58' }, createdAgo: 12 * DAYS }),
    node({ name: eksNodeName('10.0.64.140'), zone: 'eu-west-1c', pool: 'streaming', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63264148Ki', pods: '58' }, createdAgo: 12 * DAYS }),
  ];
  const general = nodes.slice(0, 3).map(nameOf);
  const streaming = nodes.slice(3).map(nameOf);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const kafkaImage = 'docker.io/bitnami/kafka:3.8.1-debian-12-r0';
  const tpl = {
    containers: [container({ name: 'kafka', image: kafkaImage, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '2', memory: '8Gi', readiness: tcpProbe('client'), liveness: tcpProbe('controller', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }] })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'streaming' },
  };
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 5,
    serviceName: 'kafka-headless',
    revisions: [{ revision: 9, createdAgo: 26 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: streaming[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 9, ordinal: 1, node: streaming[1] ?? '', createdAgo: 12 * DAYS, containers: { kafka: running({ sinceAgo: 19 * HOURS, last: { exitCode: 143, finishedAgo: 19 * HOURS, ranSeconds: 6 * DAYS } }) } },
      { revision: 9, ordinal: 2, node: streaming[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 9, ordinal: 3, node: null, createdAgo: 20, unschedulable: 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded' },
    ],
  });
  const pending = podOf(kafka, 3);
  // The scheduler's PreBind failure is an error, not "unschedulable".
  for (const c of pending.status?.conditions ?? []) if (c.type === 'PodScheduled') c.reason = 'SchedulerError';
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 26 * DAYS, labels: { app: 'kafka' } }));
  const newClaim = pvc({
    namespace: ns, name: 'data-kafka-3', storage: '500Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 20, labels: { app: 'kafka' },
    annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/selected-node': streaming[0] ?? '' },
  });
  const stsRef = find<k8s.V1StatefulSet>(kafka.objects, 'StatefulSet', 'kafka');
  // kube-system: the CSI controller at 0 replicas since the cost sweep; the node plugin is fine.
  const csiTpl = {
    containers: [
      container({ name: 'ebs-plugin', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.37.0', args: ['controller', '--endpoint=$(CSI_ENDPOINT)', '--batching=true', '--logging-format=text', '--v=2'], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 10, timeoutSeconds: 3, periodSeconds: 10, failureThreshold: 5 }) }),
      container({ name: 'csi-provisioner', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/csi-provisioner:v5.1.0-eks-1-31-7', args: ['--timeout=60s', '--csi-address=$(ADDRESS)', '--v=2', '--feature-gates=Topology=true', '--extra-create-metadata', '--leader-election=true', '--default-fstype=ext4'], ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: null }),
      container({ name: 'csi-attacher', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/csi-attacher:v4.7.0-eks-1-31-7', args: ['--timeout=60s', '--csi-address=$(ADDRESS)', '--v=2', '--leader-election=true'], ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: null }),
    ],
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'ebs-csi-controller-sa',
  };
  const csi = deploymentApp({
    namespace: 'kube-system',
    name: 'ebs-csi-controller',
    replicas: 0,
    selector: { app: 'ebs-csi-controller', 'app.kubernetes.io/name': 'aws-ebs-csi-driver' },
    revisions: [{ revision: 7, createdAgo: 34 * DAYS, changeCause: 'eks addon aws-ebs-csi-driver v1.37.0-eksbuild.1', template: csiTpl }],
    pods: [],
    settled: { available: true, availableSince: 34 * DAYS, progressingSince: 34 * DAYS },
  });
  const csiDeploy = find<k8s.V1Deployment>(csi.objects, 'Deployment', 'ebs-csi-controller');
  csiDeploy.metadata = {
    ...csiDeploy.metadata,
    managedFields: [
      { manager: 'eks', operation: 'Apply', apiVersion: 'apps/v1', time: ago(34 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'cost-sweeper', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale', time: ago(50), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    ],
  };
  const csiRs = find<k8s.V1ReplicaSet>(csi.objects, 'ReplicaSet', rsOf(csi, 7));
  if (csiRs.metadata?.annotations) csiRs.metadata.annotations['deployment.kubernetes.io/desired-replicas'] = '0';
  const csiNode = daemonSetApp({
    namespace: 'kube-system',
    name: 'ebs-csi-node',
    selector: { app: 'ebs-csi-node', 'app.kubernetes.io/name': 'aws-ebs-csi-driver' },
    revisions: [{ revision: 7, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'ebs-plugin', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.37.0', args: ['node', '--endpoint=$(CSI_ENDPOINT)', '--v=2'], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz') })], priorityClassName: 'system-node-critical' } }],
    pods: [...general, ...streaming].map((n) => ({ revision: 7, node: n, createdAgo: 12 * DAYS })),
  });
  // The sweep that did it: a CronJob in platform-ops, whose last run logged what it scaled down.
  const sweeper = cronJob({
    namespace: 'platform-ops',
    name: 'cost-sweeper',
    schedule: '0 * * * *',
    template: { containers: [batchContainer({ name: 'sweeper', image: `${ECR}/platform/cost-sweeper:0.9.2`, args: ['--mode=enforce', '--idle-days=7'], cpu: '100m', memory: '128Mi' })], serviceAccountName: 'cost-sweeper' },
    jobs: [
      { createdAgo: 134, pods: [{ node: general[1] ?? '', createdAgo: 134, phase: 'Succeeded', containers: { sweeper: terminated({ exitCode: 0, finishedAgo: 133.2, ranSeconds: 42 }) } }], outcome: { complete: true, ago: 133.2 } },
      { createdAgo: 74, pods: [{ node: general[2] ?? '', createdAgo: 74, phase: 'Succeeded', containers: { sweeper: terminated({ exitCode: 0, finishedAgo: 73.3, ranSeconds: 36 }) } }], outcome: { complete: true, ago: 73.3 } },
      { createdAgo: 51, pods: [{ node: general[0] ?? '', createdAgo: 51, phase: 'Succeeded', containers: { sweeper: terminated({ exitCode: 0, finishedAgo: 49.8, ranSeconds: 66 }) } }], outcome: { complete: true, ago: 49.8 } },
    ],
    lastSuccessfulAgo: 49.8,
  });
  const lastSweep = sweeper.jobs[2]?.pods[0];
  const ui = bystander(ns, 'kafka-ui', general, 62, LOOK);
  return {
    id: 'heldout21-ebs-csi-controller-scaled-to-zero',
    class: 'storage',
    truth: 'Fifty minutes ago the platform team\'s cost-sweeper CronJob (platform-ops) scaled kube-system/ebs-csi-controller to 0 replicas, judging it idle because no volume had been created for 7 days. Twenty minutes ago the kafka StatefulSet was scaled from 3 to 5: kafka-3\'s claim data-kafka-3 (StorageClass gp3, WaitForFirstConsumer, provisioner ebs.csi.aws.com) got its selected node but no provisioner is running to create the volume, so the claim stays Pending with ExternalProvisioning events and the scheduler\'s VolumeBinding PreBind times out; kafka-3 stays Pending and, OrderedReady, kafka-4 is never created. The three existing brokers are fine. Fix: scale ebs-csi-controller back to 2 replicas and exclude kube-system add-ons from the sweeper.',
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...claims, newClaim, ...csi.objects, ...csiNode.objects, ...sweeper.objects, ...ui.objects,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }] }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], pods: kafka.pods, endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'kafka-ui', selector: { app: 'kafka-ui' }, pods: ui.pods }),
      scaledReplicaSet(csiDeploy, rsOf(csi, 7), 0, 2, 50),
      jobEvent(sweeper.jobs[2]?.objects[0], 'Completed', 'Job completed', 49.8),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-kafka-3 Pod kafka-3 in StatefulSet kafka success', firstAgo: 20, lastAgo: 20, component: 'statefulset-controller' }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-3 in StatefulSet kafka successful', firstAgo: 20, lastAgo: 20, component: 'statefulset-controller' }),
      event({ on: newClaim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 20, lastAgo: 20, component: 'persistentvolume-controller' }),
      event({ on: newClaim, type: 'Normal', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", count: 82, firstAgo: 19.9, lastAgo: 0.1, component: 'persistentvolume-controller' }),
      failedScheduling(pending, 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded', { count: 2, firstAgo: 9.9, lastAgo: 0.1 }),
      scaledReplicaSet(find(ui.objects, 'Deployment', 'kafka-ui'), rsOf(ui, 41), 2, 0, 62),
      event({ on: podOf(kafka, 1), type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: dial tcp 10.0.63.41:9093: i/o timeout', count: 3, firstAgo: 19.2 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{kafka}' }),
    ],
    logs: [
      logsFor(lastSweep, 'sweeper', { current: lines(
        `${pyTime(50.9)} INFO cost_sweeper: run 2026-11-21T02:23 mode=enforce idle_days=7`,
        `${pyTime(50.6)} INFO cost_sweeper: candidate staging/report-builder replicas=1 cpu_util_7d=0.2% -> scale to 0`,
        `${pyTime(50.4)} INFO cost_sweeper: candidate kube-system/ebs-csi-controller replicas=2 cpu_util_7d=0.1% no CreateVolume in 7d -> scale to 0`,
        `${pyTime(50.1)} INFO cost_sweeper: scaled deployment kube-system/ebs-csi-controller 2 -> 0`,
        `${pyTime(50.0)} INFO cost_sweeper: scaled deployment staging/report-builder 1 -> 0`,
        `${pyTime(49.9)} INFO cost_sweeper: done: 2 workloads scaled down, est. savings $41.20/month`,
      ) }),
      ...[0, 1, 2].map((i) => logsFor(podOf(kafka, i), 'kafka', { current: lines(
        `[${pyTime(30)}] INFO [GroupCoordinator ${i}]: Stabilized group orders-enricher generation 412 (__consumer_offsets-${17 + i}) with 6 members (kafka.coordinator.group.GroupCoordinator)`,
        `[${pyTime(2)}] INFO [ProducerStateManager partition=orders-${i}] Wrote producer snapshot at offset 88124${i}31 with 0 producer ids in 3 ms. (org.apache.kafka.storage.internals.log.ProducerStateManager)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ebs-csi|CSI (controller|provisioner|driver)|ebs\.csi\.aws\.com|provisioner/i],
      facts: [/data-kafka-3/, /ebs-csi-controller/, /0 replicas|replicas:? ?0|to 0|scaled (down )?to (zero|0)|no (running )?(pods|replicas)/i, /kafka-3/, /scale[^\n]*(back|up)|restore/i],
      never: [/\bOOM/, /Insufficient (cpu|memory)/i, /kafka-ui/, /quota/i, ADVISES_ROLLBACK, /kafka-1[^\n]*(restart|liveness)/i],
    },
  };
}

// ---- 3. an HPA on memory that can never trigger before the OOM ---------------------------------

function memoryHpaAboveLimit(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.72', ['15', '133', '240']);
  const image = (v: string) => `${ECR}/media/image-resizer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '500m', memory: '512Mi', memoryLimit: '640Mi', env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=384' }, { name: 'SHARP_CONCURRENCY', value: '4' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'image-resizer',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 8 * DAYS, changeCause: 'argocd: image-resizer 4.2.0', template: tpl('4.2.0') },
      { revision: 23, createdAgo: 3 * DAYS, changeCause: 'argocd: image-resizer 4.2.1', template: tpl('4.2.1') },
    ],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 3.1, restarts: 6, last: oom(3.2, 270) }) } },
      { revision: 23, node: names[1] ?? '', createdAgo: 3 * DAYS - 1, containers: { app: crashLoop(oom(0.8, 240), 7) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 3 * DAYS - 2, containers: { app: running({ sinceAgo: 6.4, restarts: 5, last: oom(6.5, 300) }) } },
    ],
  });
  const h = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'image-resizer', namespace: ns, uid: uidOf(`hpa/${ns}/image-resizer`), creationTimestamp: ago(70 * DAYS) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'image-resizer' },
      minReplicas: 3,
      maxReplicas: 20,
      metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 150 } } }],
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 3,
      lastScaleTime: ago(2 * DAYS),
      currentMetrics: [{ type: 'Resource', resource: { name: 'memory', current: { averageUtilization: 118, averageValue: '633507840' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(2 * DAYS) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from memory resource utilization (percentage of request)', lastTransitionTime: ago(70 * DAYS) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(2 * DAYS) },
      ],
    },
  } as k8s.V2HorizontalPodAutoscaler;
  const gallery = bystander(ns, 'media-gallery', names, 58, LOOK);
  const stats = (t: number, rss: number, inflight: number, rps: number) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"HOST","msg":"stats","rss_mb":${rss},"heap_used_mb":${Math.round(rss * 0.31)},"external_mb":${Math.round(rss * 0.55)},"inflight":${inflight},"rps":${rps}}`;
  const resized = (t: number, id: string, ms: number) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"HOST","req":{"method":"POST","url":"/resize?w=1600&fmt=webp"},"res":{"statusCode":200},"responseTime":${ms},"image":"${id}","msg":"request completed"}`;
  const run = (end: number) => lines(
    `{"level":30,"time":${epochMs(end + 4.9)},"pid":1,"hostname":"HOST","msg":"image-resizer 4.2.1 listening on :3000","sharp":"0.33.5","libvips":"8.15.3","concurrency":4}`,
    stats(end + 3.5, 388, 9, 21),
    resized(end + 2.1, 'img_7Qp2e.heic', 812),
    stats(end + 1.5, 547, 14, 27),
    stats(end + 0.5, 611, 17, 29),
    resized(end + 0.1, 'img_bR41k.png', 1904),
  );
  const logs = app.pods.map((p, i) => {
    const end = [3.2, 0.8, 6.5][i] ?? 1;
    const host = nameOf(p);
    return logsFor(p, 'app', {
      previous: run(end).replace(/HOST/g, host),
      current: i === 1 ? undefined : lines(`{"level":30,"time":${epochMs(end - 0.05)},"pid":1,"hostname":"${host}","msg":"image-resizer 4.2.1 listening on :3000","sharp":"0.33.5","libvips":"8.15.3","concurrency":4}`, stats(0.5, 502, 13, 26).replace(/HOST/g, host)),
    });
  }).map((l) => (l.current === undefined ? { namespace: l.namespace, pod: l.pod, container: l.container, previous: l.previous ?? '' } : l));
  const crashing = podOf(app, 1);
  return {
    id: 'heldout21-memory-hpa-target-above-limit',
    class: 'capacity',
    truth: 'The image-resizer HPA scales on memory with a target of 150% average utilization of the 512Mi request (768Mi per pod), but the container\'s memory limit is 640Mi (125% of the request): a pod is OOMKilled (exit 137) long before the average can reach the target, so the HPA can never scale out. When upload traffic grew 30 minutes ago, per-pod memory rose with the in-flight resizes, the pods were OOMKilled over and over (one in CrashLoopBackOff) while the HPA sat at minReplicas 3 reading 118%. Revision 23 (3 days ago) is not the cause. Fix: lower the HPA memory target below the limit (e.g. 90%), or scale on CPU/requests per second, and give the pods headroom.',
    ask: { service: 'image-resizer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, h, ...gallery.objects,
      ...exposed({ namespace: ns, name: 'image-resizer', selector: { app: 'image-resizer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'media-gallery', selector: { app: 'media-gallery' }, pods: gallery.pods }),
      ...app.pods.flatMap((p, i) => restartedAgain(p, 'app', image('4.2.1'), { count: [6, 7, 5][i] ?? 5, firstAgo: 27 - i, lastAgo: [3.1, 5.5, 6.4][i] ?? 3 })),
      event({ on: crashing, type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(crashing)}_${ns}(${crashing.metadata?.uid ?? ''})`, count: 4, firstAgo: 5.2, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 14, lastAgo: 3.4, fieldPath: 'spec.containers{app}' }),
      scaledReplicaSet(find(gallery.objects, 'Deployment', 'media-gallery'), rsOf(gallery, 41), 2, 0, 58),
    ],
    logs,
    expect: {
      verdict: 'problems',
      headline: [/\bOOM|out of memory|memory limit|640Mi/i, /HPA|HorizontalPodAutoscaler|autoscal|150 ?%/i],
      facts: [/150 ?%/, /640Mi/, /512Mi/, /\b137\b|OOMKilled/],
      never: [ADVISES_ROLLBACK, /\bleak/i, /media-gallery/, /liveness probe/i, /metrics[- ]server|metrics (API )?unavailable/i],
    },
  };
}

// ---- 4. a MongoDB replica set initiated with pod IPs: no primary after a node rotation -----------

function mongoReplicaSetPodIps(): CorpusScenario {
  const ns = 'orders';
  // The nodes of the AMI rotation, 45 minutes old; the old ones are gone.
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = ['10.0.81.36', '10.0.82.119', '10.0.83.205'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: 46 - i, readySince: 45 - i }));
  const names = nodes.map(nameOf);
  const oldNodes = ['10.0.81.12', '10.0.82.77', '10.0.83.140'].map(eksNodeName);
  const mongoImage = 'docker.io/library/mongo:6.0.19';
  const mongoTpl = {
    containers: [container({
      name: 'mongod', image: mongoImage, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--keyFile', '/etc/mongo-keyfile/keyfile'],
      ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'const h = db.hello(); if (!(h.isWritablePrimary || h.secondary)) quit(1)'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping")'], { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
    })],
    volumes: [{ name: 'keyfile', secret: { secretName: 'orders-mongo-keyfile', defaultMode: 256 } }],
  };
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'orders-mongo',
    replicas: 3,
    serviceName: 'orders-mongo',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 3, createdAgo: 95 * DAYS, template: mongoTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 3, ordinal: k, node: names[k] ?? '', createdAgo: 40 - 2 * k, containers: { mongod: running({ sinceAgo: 39.5 - 2 * k, ready: false }) } })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-orders-mongo-${i}`, storage: '100Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' }));
  const oldIps = ['10.0.81.57', '10.0.82.143', '10.0.83.22'];
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], memory: '384Mi', env: [{ name: 'MONGO_URL', value: 'mongodb://orders-mongo-0.orders-mongo.orders.svc.cluster.local:27017,orders-mongo-1.orders-mongo.orders.svc.cluster.local:27017,orders-mongo-2.orders-mongo.orders.svc.cluster.local:27017/orders?replicaSet=rs0' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.12.0', template: apiTpl('5.12.0') },
      { revision: 89, createdAgo: 26 * HOURS, changeCause: 'argocd: orders-api 5.12.1', template: apiTpl('5.12.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 41 - k, ready: false, containers: { app: running({ sinceAgo: 40.5 - k, ready: false }) } })),
    settled: { available: false, availableSince: 40.5, progressingSince: 26 * HOURS - 4 },
  });
  const web = bystander(ns, 'orders-web', names, 50, LOOK);
  const mongoLog = (i: number) => {
    const p = podOf(mongo, i);
    const t0 = 39.5 - 2 * i;
    const d = (m: number) => `{"$date":"${at(m).replace('Z', '+00:00')}"}`;
    const members = oldIps.map((ip, k) => `{"_id":${k},"host":"${ip}:27017","arbiterOnly":false,"buildIndexes":true,"hidden":false,"priority":1,"tags":{},"secondaryDelaySecs":0,"votes":1}`).join(',');
    return logsFor(p, 'mongod', { current: lines(
      `{"t":${d(t0)},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`,
      `{"t":${d(t0)},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"${nameOf(p)}"}}`,
      `{"t":${d(t0 - 0.05)},"s":"I",  "c":"REPL",     "id":21311,   "ctx":"initandlisten","msg":"Did not find local initialized voted for document at startup"}`,
      `{"t":${d(t0 - 0.06)},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`,
      `{"t":${d(t0 - 0.07)},"s":"W",  "c":"REPL",     "id":21405,   "ctx":"ReplCoord-0","msg":"Locally stored replica set configuration does not have a valid entry for the current node; waiting for reconfig or remote heartbeat","attr":{"error":{"code":74,"codeName":"NodeNotFound","errmsg":"No host described in new configuration with {version: 7, term: 12} for replica set rs0 maps to this node"},"localConfig":{"_id":"rs0","version":7,"term":12,"members":[${members}],"protocolVersion":1,"writeConcernMajorityJournalDefault":true,"settings":{"chainingAllowed":true,"heartbeatIntervalMillis":2000,"heartbeatTimeoutSecs":10,"electionTimeoutMillis":10000}}}}`,
      `{"t":${d(t0 - 0.07)},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"REMOVED","oldState":"STARTUP"}}`,
      `{"t":${d(t0 - 0.3)},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-1","msg":"Heartbeat failed after max retries","attr":{"target":"${oldIps[(i + 1) % 3]}:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${oldIps[(i + 1) % 3]}:27017 :: caused by :: No route to host"}}}`,
      `{"t":${d(1.2)},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"${ipOfPod(podOf(api, i))}:51344","uuid":{"uuid":{"$uuid":"${uidOf(`conn/${i}`)}"}},"connectionId":${2210 + i},"connectionCount":7}}`,
      `{"t":${d(0.6)},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-3","msg":"Heartbeat failed after max retries","attr":{"target":"${oldIps[(i + 2) % 3]}:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to ${oldIps[(i + 2) % 3]}:27017 :: caused by :: No route to host"}}}`,
    ) });
  };
  const apiLog = (i: number) => logsFor(podOf(api, i), 'app', { current: lines(
    `{"level":"info","time":"${at(40.3 - i)}","msg":"orders-api 5.12.1 listening","port":8080}`,
    `{"level":"error","time":"${at(39.8 - i)}","msg":"mongo connect failed","err":{"name":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","reason":{"type":"ReplicaSetNoPrimary","setName":null,"maxElectionId":null,"maxSetVersion":null,"servers":{"orders-mongo-0.orders-mongo.orders.svc.cluster.local:27017":{"type":"RSGhost"},"orders-mongo-1.orders-mongo.orders.svc.cluster.local:27017":{"type":"RSGhost"},"orders-mongo-2.orders-mongo.orders.svc.cluster.local:27017":{"type":"RSGhost"}},"stale":false,"compatible":true,"heartbeatFrequencyMS":10000,"localThresholdMS":15},"code":null}}`,
    `{"level":"warn","time":"${at(12 - i)}","msg":"GET /health/ready 503","reason":"mongo not connected"}`,
    `{"level":"error","time":"${at(1.1 - i / 10)}","msg":"mongo connect failed","err":{"name":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","reason":{"type":"ReplicaSetNoPrimary","servers":{}},"code":null}}`,
  ) });
  const mongoSts = find<k8s.V1StatefulSet>(mongo.objects, 'StatefulSet', 'orders-mongo');
  return {
    id: 'heldout21-mongo-replica-set-pod-ips',
    class: 'storage',
    truth: 'The orders-mongo replica set rs0 was initiated with the members\' pod IPs (10.0.81.57, 10.0.82.143, 10.0.83.22) instead of their stable names (orders-mongo-N.orders-mongo.orders.svc.cluster.local). The AMI node rotation 40 minutes ago drained the old nodes and rescheduled all three members on new nodes with new pod IPs; each mongod starts with its data intact but finds no member of its stored config that maps to itself (NodeNotFound), goes to REMOVED and cannot reach the old IPs, so there is no primary: the mongo pods run but are not Ready, and orders-api fails with MongoServerSelectionError ReplicaSetNoPrimary and reports not ready. Fix: force-reconfigure rs0 (rs.reconfig with force on one member) using the stable DNS hostnames; the data on the volumes is fine.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...api.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'orders-mongo', selector: { app: 'orders-mongo' }, headless: true, ports: [{ name: 'mongo', port: 27017, targetPort: 27017 }], pods: mongo.pods, endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'orders-web', selector: { app: 'orders-web' }, pods: web.pods }),
      ...oldNodes.map((n, i) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 44 - i })),
      ...oldNodes.map((n, i) => nodeEvent(n, 'RemovingNode', `Node ${n} event: Removing Node ${n} from Controller`, { firstAgo: 37 - i, component: 'node-controller' })),
      ...names.map((n, i) => nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 45.5 - i, component: 'node-controller' })),
      ...[0, 1, 2].map((k) => event({ on: mongoSts, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod orders-mongo-${k} in StatefulSet orders-mongo successful`, firstAgo: 40 - 2 * k, lastAgo: 40 - 2 * k, component: 'statefulset-controller' })),
      ...mongo.pods.map((p, k) => probeReady(p, k)),
      ...api.pods.map((p) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 230, firstAgo: 40, lastAgo: 0.2, fieldPath: 'spec.containers{app}' })),
      ...mongo.pods.map((p, k) => event({ on: p, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, `data-orders-mongo-${k}`)}" `, firstAgo: 39.8 - 2 * k, lastAgo: 39.8 - 2 * k, component: 'attachdetach-controller' })),
    ],
    logs: [...[0, 1, 2].map(mongoLog), ...[0, 1, 2].map(apiLog)],
    expect: {
      verdict: 'problems',
      headline: [/mongo/i, /\bIPs?\b|host ?names?|replica set (config|configuration)|NodeNotFound|REMOVED|not a member|no primary|ReplicaSetNoPrimary/i],
      facts: [/rs0/, /NodeNotFound|does not have a valid entry|maps to this node|REMOVED/i, /ReplicaSetNoPrimary|no primary/i, /10\.0\.8[123]\.\d+/, /host ?names?|DNS|orders-mongo-\d\.orders-mongo/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /orders-web/, /(volume|disk|PVC)[^\n]*(full|lost|corrupt|missing)/i, /image/i],
    },
  };

  function probeReady(p: k8s.V1Pod, k: number): k8s.CoreV1Event {
    return event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: ', count: 220 - 12 * k, firstAgo: 39 - 2 * k, lastAgo: 0.3, fieldPath: 'spec.containers{mongod}' });
  }
}

// ---- 5. a deleted Service whose short name falls through to a wildcard search domain ------------

function deletedServiceWildcardSearchDomain(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.91', ['24', '167', '230']);
  const image = (v: string) => `${ECR}/catalog/catalog-worker:${v}`;
  const tpl = (v: string) => ({
    containers: [batchContainer({ name: 'worker', image: image(v), args: ['--queue=catalog-updates', '--redis=$(REDIS_ADDR)'], cpu: '250m', memory: '256Mi', envFrom: [{ configMapRef: { name: 'catalog-worker-config' } }] })],
  });
  const wildcard = '203.0.113.10';
  const fatal = `dial tcp ${wildcard}:6379: i/o timeout`;
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-worker',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: catalog-worker 1.9.3', template: tpl('1.9.3') },
      { revision: 15, createdAgo: 4 * DAYS, changeCause: 'argocd: catalog-worker 1.9.4', template: tpl('1.9.4') },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 4 * DAYS, containers: { worker: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 16 }, 7) } },
      { revision: 15, node: names[1] ?? '', createdAgo: 4 * DAYS - 1, containers: { worker: running({ sinceAgo: 0.2, ready: true, restarts: 8, last: { exitCode: 1, finishedAgo: 0.25, ranSeconds: 16 } }) } },
    ],
  });
  // The team added the corporate search domain so that short names like `vault` resolve.
  for (const p of app.pods) if (p.spec) p.spec.dnsConfig = { searches: ['corp.example.com'], options: [{ name: 'ndots', value: '5' }] };
  for (const o of app.objects) {
    const t = (o as k8s.V1ReplicaSet | k8s.V1Deployment).spec?.template?.spec;
    if (t && (o.kind === 'Deployment' || o.kind === 'ReplicaSet')) t.dnsConfig = { searches: ['corp.example.com'], options: [{ name: 'ndots', value: '5' }] };
  }
  const cfg = configMap({ namespace: ns, name: 'catalog-worker-config', createdAgo: 140 * DAYS, data: { REDIS_ADDR: 'cache.shared:6379', QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/catalog-updates', LOG_LEVEL: 'info' } });
  const catalogApi = bystander(ns, 'catalog-api', names, 60, LOOK);
  // shared: the Redis itself, still running, with its headless Service; the `cache` Service is gone.
  const redis = statefulSetApp({
    namespace: 'shared',
    name: 'cache-redis',
    replicas: 1,
    serviceName: 'cache-redis-headless',
    selector: { app: 'cache-redis' },
    revisions: [{ revision: 2, createdAgo: 150 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe(6379, { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const w0 = podOf(app, 0);
  const w1 = podOf(app, 1);
  const q = (t: number, from: string, id: number, name: string, rcode: string, size: number, dur: string) => `[INFO] ${from}:${40000 + id} - ${id} "A IN ${name}. udp 58 false 1232" ${rcode} qr,${rcode === 'NXDOMAIN' ? 'aa,' : ''}rd${rcode === 'NXDOMAIN' ? '' : ',ra'} ${size} ${dur}`;
  const walk = (t: number, p: k8s.V1Pod, id: number) => [
    q(t, ipOfPod(p), id, 'cache.shared.catalog.svc.cluster.local', 'NXDOMAIN', 151, '0.000108s'),
    q(t, ipOfPod(p), id + 1, 'cache.shared.svc.cluster.local', 'NXDOMAIN', 144, '0.000091s'),
    q(t, ipOfPod(p), id + 2, 'cache.shared.cluster.local', 'NXDOMAIN', 140, '0.000087s'),
    q(t, ipOfPod(p), id + 3, 'cache.shared.eu-west-1.compute.internal', 'NXDOMAIN', 157, '0.001903s'),
    q(t, ipOfPod(p), id + 4, 'cache.shared.corp.example.com', 'NOERROR', 96, '0.011420s'),
  ];
  const workerRun = (start: number, host: string) => lines(
    `{"level":"info","ts":"${at(start)}","caller":"cmd/worker.go:58","msg":"catalog-worker 1.9.4 starting","queue":"catalog-updates","redis":"cache.shared:6379","pod":"${host}"}`,
    `{"level":"warn","ts":"${at(start - 0.09)}","caller":"cache/redis.go:41","msg":"redis ping failed, retrying","addr":"cache.shared:6379","attempt":1,"error":"${fatal}"}`,
    `{"level":"warn","ts":"${at(start - 0.18)}","caller":"cache/redis.go:41","msg":"redis ping failed, retrying","addr":"cache.shared:6379","attempt":2,"error":"${fatal}"}`,
    `{"level":"fatal","ts":"${at(start - 0.26)}","caller":"cmd/worker.go:71","msg":"cannot reach cache","addr":"cache.shared:6379","error":"redis ping cache.shared:6379: ${fatal}"}`,
  );
  return {
    id: 'heldout21-deleted-service-wildcard-search-domain',
    class: 'network',
    truth: 'Twenty-five minutes ago a cleanup deleted the Service cache in namespace shared (the Redis pods and their headless Service remain). catalog-worker reaches Redis as cache.shared:6379; with ndots 5 the name walks the search list: cache.shared.svc.cluster.local is now NXDOMAIN, and the pods\' extra search domain corp.example.com has a wildcard record *.corp.example.com -> 203.0.113.10, so the name resolves to that external address instead of failing; the worker\'s Redis ping times out (dial tcp 203.0.113.10:6379: i/o timeout, not NXDOMAIN) and it exits 1 in a crash loop. Fix: restore the cache Service in shared (and address it by FQDN with a trailing dot, cache.shared.svc.cluster.local., or lower ndots).',
    ask: { service: 'catalog-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cfg, ...catalogApi.objects, ...redis.objects, ...dns.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: catalogApi.pods }),
      ...exposed({ namespace: 'shared', name: 'cache-redis-headless', selector: { app: 'cache-redis' }, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: 'shared', name: 'session-store', selector: { app: 'session-store' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: [], endpointPort: 6379 }),
      scaledReplicaSet(find(catalogApi.objects, 'Deployment', 'catalog-api'), rsOf(catalogApi, 41), 2, 0, 60),
      event({ on: w0, type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container worker in pod ${nameOf(w0)}_${ns}(${w0.metadata?.uid ?? ''})`, count: 61, firstAgo: 19, lastAgo: 0.3, fieldPath: 'spec.containers{worker}' }),
      event({ on: w1, type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container worker in pod ${nameOf(w1)}_${ns}(${w1.metadata?.uid ?? ''})`, count: 58, firstAgo: 18.5, lastAgo: 5.6, fieldPath: 'spec.containers{worker}' }),
      ...restartedAgain(w0, 'worker', image('1.9.4'), { count: 7, firstAgo: 24.5, lastAgo: 6.9 }),
      ...restartedAgain(w1, 'worker', image('1.9.4'), { count: 8, firstAgo: 24.4, lastAgo: 0.2 }),
      event({ on: podOf(catalogApi, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(catalogApi, 1))}:8080/ready": dial tcp ${ipOfPod(podOf(catalogApi, 1))}:8080: connect: connection refused`, count: 1, firstAgo: 58.8, lastAgo: 58.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(w0, 'worker', { previous: workerRun(1.65, nameOf(w0)), current: '' }),
      logsFor(w1, 'worker', {
        previous: workerRun(0.5, nameOf(w1)),
        current: lines(`{"level":"info","ts":"${at(0.2)}","caller":"cmd/worker.go:58","msg":"catalog-worker 1.9.4 starting","queue":"catalog-updates","redis":"cache.shared:6379","pod":"${nameOf(w1)}"}`, `{"level":"warn","ts":"${at(0.11)}","caller":"cache/redis.go:41","msg":"redis ping failed, retrying","addr":"cache.shared:6379","attempt":1,"error":"${fatal}"}`),
      }),
      logsFor(dns.pods[0], 'coredns', { current: lines(
        '.:53',
        '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dd409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
        'CoreDNS-1.11.3',
        q(26, ipOfPod(w0), 1201, 'cache.shared.catalog.svc.cluster.local', 'NXDOMAIN', 151, '0.000112s'),
        q(26, ipOfPod(w0), 1202, 'cache.shared.svc.cluster.local', 'NOERROR', 106, '0.000094s').replace('qr,rd,ra', 'qr,aa,rd'),
        ...walk(1.65, w0, 3317),
        ...walk(0.5, w1, 4410),
      ) }),
      logsFor(redis.pods[0], 'redis', { current: lines('1:M 21 Nov 2026 02:44:02.118 * 100 changes in 300 seconds. Saving...', '1:M 21 Nov 2026 02:44:02.121 * Background saving started by pid 4412', '4412:C 21 Nov 2026 02:44:02.914 * DB saved on disk', '1:M 21 Nov 2026 02:44:03.002 * Background saving terminated with success') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bcache\b/i, /deleted|missing|not found|does not exist|no (such )?Service|wildcard|corp\.example\.com|203\.0\.113\.10|search (domain|list)/i],
      facts: [/203\.0\.113\.10/, /corp\.example\.com/, /ndots|search (domain|list)/i, /cache\.shared/, /FQDN|trailing dot|restore|recreate|re-create/i],
      never: [/DNS (resolution )?fail|cannot resolve|could not resolve|no such host|does not resolve/i, /\bOOM/, /redis[^\n]*(down|crash|not ready|OOM)/i, /catalog-api/, /session-store/, /NetworkPolicy|network polic/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. a local-path volume bound to a node the autoscaler removed -------------------------------

function localPathVolumeOnRemovedNode(): CorpusScenario {
  const ns = 'monitoring';
  const gone = eksNodeName('10.0.9.14');
  const a = threeEksNodes('10.0.9', ['31', '88', '102']);
  const b = threeEksNodes('10.0.10', ['7', '150', '219']);
  const nodes = [...a.nodes, ...b.nodes];
  const names = nodes.map(nameOf);
  const image = 'docker.io/victoriametrics/vmstorage:v1.106.1-cluster';
  const tpl = {
    containers: [container({
      name: 'vmstorage', image, args: ['--retentionPeriod=90d', '--storageDataPath=/storage', '--dedup.minScrapeInterval=30s'],
      ports: [{ name: 'http', containerPort: 8482 }, { name: 'vminsert', containerPort: 8400 }, { name: 'vmselect', containerPort: 8401 }],
      cpu: '1', memory: '4Gi', readiness: httpProbe('/health', 'http', { initialDelaySeconds: 5 }), liveness: tcpProbe('http', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/storage' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'metrics-store',
    replicas: 3,
    serviceName: 'metrics-store',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 5, createdAgo: 41 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'local-path' }],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 5, ordinal: 1, node: null, createdAgo: 58, unschedulable: '0/6 nodes are available: 6 node(s) had volume node affinity conflict. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.' },
      { revision: 5, ordinal: 2, node: names[4] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const homes = [names[0] ?? '', gone, names[4] ?? ''];
  const volumes = [0, 1, 2].flatMap((i) => {
    const claim = `data-metrics-store-${i}`;
    const volumeName = volumeOf(ns, claim);
    const c = pvc({
      namespace: ns, name: claim, storage: '50Gi', storageClass: 'local-path', phase: 'Bound', volumeName, createdAgo: 41 * DAYS, labels: { app: 'metrics-store' },
      annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path', 'volume.kubernetes.io/selected-node': homes[i] ?? '' },
    });
    const v: k8s.V1PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: volumeName,
        uid: uidOf(`pv/${volumeName}`),
        creationTimestamp: ago(i === 1 ? 6 * DAYS : 41 * DAYS),
        annotations: { 'local.path.provisioner/selected-node': homes[i] ?? '', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
        finalizers: ['kubernetes.io/pv-protection'],
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '50Gi' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim, namespace: ns, uid: uidOf(`pvc/${ns}/${claim}`) },
        hostPath: { path: `/opt/local-path-provisioner/${volumeName}_${ns}_${claim}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [homes[i] ?? ''] }] }] } },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'local-path',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    };
    return [c, v];
  });
  const pending = podOf(sts, 1);
  const query = bystander(ns, 'metrics-query', names, 57, LOOK);
  const insert = deploymentApp({
    namespace: ns,
    name: 'metrics-ingest',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 41 * DAYS, template: { containers: [container({ name: 'vminsert', image: 'docker.io/victoriametrics/vminsert:v1.106.1-cluster', args: ['--storageNode=metrics-store-0.metrics-store.monitoring.svc:8400', '--storageNode=metrics-store-1.metrics-store.monitoring.svc:8400', '--storageNode=metrics-store-2.metrics-store.monitoring.svc:8400', '--replicationFactor=2'], ports: [8480], readiness: httpProbe('/health', 8480) })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 16 * DAYS }, { revision: 12, node: names[3] ?? '', createdAgo: 16 * DAYS }],
  });
  const ts = (m: number) => at(m);
  return {
    id: 'heldout21-local-path-volume-on-removed-node',
    class: 'storage',
    truth: 'metrics-store (vmstorage) keeps its data on the local-path StorageClass, so each PersistentVolume is a directory on one node, pinned by nodeAffinity kubernetes.io/hostname. About an hour ago the cluster autoscaler scaled down and terminated node ip-10-0-9-14 (it does not treat a local-path PV as local storage); metrics-store-1 was evicted, and its recreated pod stays Pending because its claim data-metrics-store-1 is still Bound to a PV whose node affinity names a node that no longer exists: 0/6 nodes are available: 6 node(s) had volume node affinity conflict. The data that was on that node is gone. Fix: delete the PVC data-metrics-store-1 (and its PV) so that a new volume is provisioned on a live node and the replica re-syncs, and stop using local-path on autoscaled nodes (or exclude those nodes from scale-down).',
    ask: { service: 'metrics-store', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...volumes, ...query.objects, ...insert.objects,
      service({ namespace: ns, name: 'metrics-store', selector: { app: 'metrics-store' }, headless: true, ports: [{ name: 'http', port: 8482, targetPort: 'http' }, { name: 'vminsert', port: 8400, targetPort: 'vminsert' }, { name: 'vmselect', port: 8401, targetPort: 'vmselect' }] }),
      endpointSliceFor(service({ namespace: ns, name: 'metrics-store', selector: { app: 'metrics-store' }, headless: true, ports: [{ name: 'http', port: 8482, targetPort: 'http' }] }), sts.pods, 8482),
      ...exposed({ namespace: ns, name: 'metrics-query', selector: { app: 'metrics-query' }, pods: query.pods }),
      ...exposed({ namespace: ns, name: 'metrics-ingest', selector: { app: 'metrics-ingest' }, pods: insert.pods, ports: [{ name: 'http', port: 8480, targetPort: 8480 }], endpointPort: 8480 }),
      nodeEvent(gone, 'ScaleDown', 'marked the node as toBeDeleted/unschedulable', { firstAgo: 59.6, component: 'cluster-autoscaler' }),
      event({ on: { kind: 'Pod', name: 'metrics-store-1', namespace: ns }, type: 'Normal', reason: 'ScaleDown', message: 'deleting pod for node scale down', firstAgo: 59.5, lastAgo: 59.5, component: 'cluster-autoscaler' }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 58.2, component: 'node-controller' }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 57.4, component: 'node-controller' }),
      event({ on: find(sts.objects, 'StatefulSet', 'metrics-store'), type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod metrics-store-1 in StatefulSet metrics-store successful', firstAgo: 58, lastAgo: 58, component: 'statefulset-controller' }),
      failedScheduling(pending, `0/7 nodes are available: 1 node(s) had untolerated taint {ToBeDeletedByClusterAutoscaler: ${Math.floor(ago(59.6).getTime() / 1000)}}, 6 node(s) had volume node affinity conflict. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling.`, { count: 2, firstAgo: 58, lastAgo: 57.5 }),
      failedScheduling(pending, '0/6 nodes are available: 6 node(s) had volume node affinity conflict. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.', { count: 41, firstAgo: 57.3, lastAgo: 0.9 }),
      notTriggerScaleUp(pending, '2 node(s) had volume node affinity conflict', { count: 340, firstAgo: 57.2, lastAgo: 0.2 }),
      scaledReplicaSet(find(query.objects, 'Deployment', 'metrics-query'), rsOf(query, 41), 2, 0, 57),
    ],
    logs: [
      ...[0, 2].map((k) => logsFor(podOf(sts, k), 'vmstorage', { current: lines(
        `${ts(30)}\tinfo\tVictoriaMetrics/lib/storage/partition.go:1347\tmerged (48 parts, 1904418 rows, 12034 blocks, 9.1MiB) into (1 part, 1904418 rows, 11872 blocks, 8.8MiB) in 0.612 seconds at 3111794 rows/sec to "/storage/data/small/2026_11/1879A64E81C2D0F1"`,
        `${ts(2)}\tinfo\tVictoriaMetrics/lib/storage/storage.go:1021\tnextDayMetricIDs: ${k === 0 ? 412233 : 409871} entries`,
      ) })),
      ...insert.pods.map((p) => logsFor(p, 'vminsert', { current: lines(
        `${ts(59.3)}\twarn\tVictoriaMetrics/app/vminsert/netstorage/netstorage.go:271\tcannot send 1838 rows to vmstorage "metrics-store-1.metrics-store.monitoring.svc:8400": cannot dial storageNode "metrics-store-1.metrics-store.monitoring.svc:8400": dial tcp: lookup metrics-store-1.metrics-store.monitoring.svc on 172.20.0.10:53: no such host; re-routing them to healthy vmstorage nodes`,
        `${ts(1.1)}\twarn\tVictoriaMetrics/app/vminsert/netstorage/netstorage.go:241\tcannot dial storageNode "metrics-store-1.metrics-store.monitoring.svc:8400": dial tcp: lookup metrics-store-1.metrics-store.monitoring.svc on 172.20.0.10:53: no such host`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-9-14/, /node affinity|local[- ]path|no longer exists|removed|terminated|gone|deleted|scaled down|does not exist/i],
      facts: [/metrics-store-1/, /data-metrics-store-1/, /local-path/, /volume node affinity conflict/i, /delet[^\n]*(PVC|claim|PersistentVolume|\bPV\b)|(PVC|claim)[^\n]*delet/i],
      never: [/Insufficient (cpu|memory)/i, /untolerated taint|toleration/i, ADVISES_ROLLBACK, /metrics-query/, /zone[^\n]*(mismatch|conflict)/i, /DNS/],
    },
  };
}

// ---- 7. healthy control: a batch Job fanning out while new nodes join ----------------------------

function healthyBackfillJobScalingOut(): CorpusScenario {
  const ns = 'media-batch';
  const general = threeEksNodes('10.0.100').nodes;
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const batchAlloc = { cpu: '3920m', 'ephemeral-storage': '76224326324', memory: '15136204Ki', pods: '58' };
  const batchNodes = ['10.0.101.11', '10.0.101.58', '10.0.102.9', '10.0.102.140', '10.0.103.33', '10.0.103.87', '10.0.101.203'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i % 3] ?? 'eu-west-1a', pool: 'batch', instanceType: 'c6i.xlarge', allocatable: batchAlloc, createdAgo: 3 * DAYS + i * 60 }));
  const fresh = ['10.0.102.61', '10.0.103.190'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[(i + 1) % 3] ?? 'eu-west-1b', pool: 'batch', instanceType: 'c6i.xlarge', allocatable: batchAlloc, createdAgo: 1.4 - i * 0.1, readySince: 0.4 - i * 0.05 }));
  const batchNames = batchNodes.map(nameOf);
  const image = `${ECR}/media/thumbnailer:2.7.0`;
  const template = {
    containers: [batchContainer({ name: 'thumbnailer', image, args: ['backfill', '--bucket=media-originals-prod', '--prefix=2019/', '--shard=$(JOB_COMPLETION_INDEX)'], cpu: '900m', memory: '1536Mi' })],
    nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch' },
    serviceAccountName: 'thumbnailer',
  };
  const unsched = '0/12 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 3 node(s) didn\'t match Pod\'s node affinity/selector, 7 Insufficient cpu. preemption: 0/12 nodes are available: 5 Preemption is not helpful for scheduling, 7 No preemption victims found for incoming pod.';
  const j = job({
    namespace: ns,
    name: 'thumbnail-backfill',
    template,
    parallelism: 40,
    completions: 400,
    backoffLimit: 20,
    createdAgo: 3,
    pods: Array.from({ length: 40 }, (_, i) => (i < 28
      ? { node: batchNames[i % 7] ?? '', createdAgo: 3 - i * 0.002, containers: { thumbnailer: running({ sinceAgo: 2.6 - (i % 7) * 0.02 }) } }
      : { node: null, createdAgo: 3 - i * 0.002, unschedulable: unsched })),
  });
  const jobObj = j.objects[0] as k8s.V1Job;
  if (jobObj.status) jobObj.status.ready = 28;
  const canary = job({
    namespace: ns,
    name: 'thumbnail-backfill-canary',
    template,
    completions: 4,
    parallelism: 4,
    createdAgo: 70,
    outcome: { complete: true, ago: 52 },
    pods: Array.from({ length: 4 }, (_, i) => ({ node: batchNames[i] ?? '', createdAgo: 70, phase: 'Succeeded' as const, containers: { thumbnailer: terminated({ exitCode: 0, finishedAgo: 52 + i * 0.4, ranSeconds: Math.round((69.6 - 52 - i * 0.4) * 60) }) } })),
  });
  const pendingPods = j.pods.slice(28);
  const runningPods = j.pods.slice(0, 28);
  const ng = 'eks-batch-20241103121502457900000007-b6c9a1f2-5e1f-4d6a-9c8b-3f2e1d0c9b8a';
  return {
    id: 'heldout21-healthy-backfill-job-scaling-out',
    class: 'healthy',
    truth: 'Nothing is wrong. The thumbnail-backfill Job (parallelism 40, 400 completions) started 3 minutes ago; 28 of its pods run on the 7 batch nodes, which are full, and the other 12 wait for capacity: the scheduler reports Insufficient cpu, the cluster autoscaler triggered a scale-up of the batch node group from 7 to 10 two minutes ago, and two of the new nodes registered and turned Ready in the last minute (the third is still booting). The pending pods will be scheduled as the nodes come up. Nothing to fix.',
    ask: { service: 'thumbnail-backfill', namespace: ns },
    objects: [
      ...general, ...batchNodes, ...fresh, ...j.objects, ...canary.objects,
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(j.pods[0])}`, 3),
      ...j.pods.slice(1).map((p, i) => jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 3 - (i + 1) * 0.002)),
      jobEvent(canary.objects[0], 'Completed', 'Job completed', 52),
      ...runningPods.slice(0, 4).flatMap((p) => [scheduled(p, 2.95), event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: 2.7, lastAgo: 2.7, fieldPath: 'spec.containers{thumbnailer}' })]),
      ...pendingPods.map((p) => failedScheduling(p, unsched, { count: 3, firstAgo: 2.95, lastAgo: 0.45 })),
      ...pendingPods.map((p) => event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: [{${ng} 7->10 (max: 30)}]`, firstAgo: 2.4, lastAgo: 2.4, component: 'cluster-autoscaler' })),
      ...fresh.flatMap((n, i) => {
        const name = nameOf(n);
        const t = 1.3 - i * 0.1;
        return [
          nodeEvent(name, 'Starting', 'Starting kubelet.', { firstAgo: t }),
          nodeEvent(name, 'NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`, { firstAgo: t }),
          nodeEvent(name, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: t }),
          nodeEvent(name, 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { firstAgo: t - 0.05, component: 'node-controller' }),
          nodeEvent(name, 'NodeReady', `Node ${name} status is now: NodeReady`, { firstAgo: 0.4 - i * 0.05 }),
        ];
      }),
      nodeEvent(batchNames[2] ?? '', 'NodeHasDiskPressure', `Node ${batchNames[2] ?? ''} status is now: NodeHasDiskPressure`, { type: 'Normal', firstAgo: 20 * HOURS }),
    ],
    logs: runningPods.slice(0, 3).map((p, i) => logsFor(p, 'thumbnailer', { current: lines(
      `${pyTime(2.55)} INFO thumbnailer.backfill: shard ${i} of 400: listing s3://media-originals-prod/2019/ (page size 1000)`,
      `${pyTime(1.2)} INFO thumbnailer.backfill: shard ${i}: 1000 objects listed, 412 need thumbnails`,
      `${pyTime(0.3)} INFO thumbnailer.backfill: shard ${i}: progress 188/412 (45.6%), 6.1 img/s, 0 errors`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (\d+ )?(pods )?(are )?ready|\d+\/\d+|scal(ing|e)[- ]up|in progress|progressing/i],
      facts: [/thumbnail-backfill/],
      never: [/\bOOM/, /BackoffLimit/i, /quota/i, /can(no|')t be scheduled|stuck/i, /disk ?pressure/i, /canary/, /(add|increase|raise)[^\n]*(nodes?|capacity|cpu)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [ciliumPolicyDropsLedgerEgress(), ebsCsiControllerScaledToZero(), memoryHpaAboveLimit(), mongoReplicaSetPodIps(), deletedServiceWildcardSearchDomain(), localPathVolumeOnRemovedNode(), healthyBackfillJobScalingOut()];
