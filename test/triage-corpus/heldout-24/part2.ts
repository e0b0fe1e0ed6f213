// Held-out stories, twenty-fourth round, part two: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general.
//
// Pods on a newly added node group whose host MTU went from 1500 to 9001 (Calico autodetects an
// 8951-byte pod MTU there) so large uploads and TLS handshakes to an on-prem dependency behind a
// 1500-byte VPN hang while small requests and the same revision's pods on the old group work; a
// low-priority indexer preempted again and again by a high-priority API its HPA scaled up, its
// replacements Pending on a node group at its maximum size; a revision that mounts a ConfigMap
// where an init container used to fill an emptyDir the app also writes to (Errno 30, Read-only
// file system); a `kubectl rollout undo --to-revision=12` to a release older than the schema's
// column rename; a revision whose schedulerName names a scheduler that no longer runs (Pending,
// no scheduling events at all); a StatefulSet's new pod that no node can take because every node
// has reached its EBS attachment limit; and a healthy control: an hourly CronJob whose current run
// is progressing, two days after one failed run.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, cronJobEvent, daemonSetApp,
  deploymentApp, event, exposed, failedScheduling, hpa, httpProbe, jobEvent, nameOf, networkPolicy, node, notTriggerScaleUp,
  probeFailed, pulledFresh, pvc, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally,
  statefulSetApp, terminated, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes, bystander } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};
/** Calico's and Postgres' log time: `2026-11-21 03:12:41.563`. */
const spaceTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Gunicorn's log time: `[2026-11-21 03:12:41 +0000]`. */
const gunicornTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. a new node group with jumbo-frame MTU: big packets to on-prem vanish ---------------------

function newNodeGroupMtuMismatch(): CorpusScenario {
  const ns = 'payouts';
  const old = threeEksNodes('10.0.40', ['23', '118', '201']);
  const v2 = [
    node({ name: eksNodeName('10.0.97.14'), zone: 'eu-west-1a', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 11 * HOURS, labels: { 'node.acme.io/launch-template': 'lt-general-v2', 'node.acme.io/bootstrap': 'nodeadm-al2023' } }),
    node({ name: eksNodeName('10.0.112.203'), zone: 'eu-west-1b', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 11 * HOURS, labels: { 'node.acme.io/launch-template': 'lt-general-v2', 'node.acme.io/bootstrap': 'nodeadm-al2023' } }),
  ];
  for (const n of old.nodes) n.metadata = { ...n.metadata, labels: { ...n.metadata?.labels, 'node.acme.io/launch-template': 'lt-general-v1', 'node.acme.io/bootstrap': 'bootstrap.sh-al2' } };
  const newNames = v2.map(nameOf);
  const image = (v: string) => `${ECR}/payouts/payout-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '256Mi', env: [{ name: 'SETTLEMENT_GW_URL', value: 'http://settlement-gw.corp.acme.net:8080' }, { name: 'FX_RATES_URL', value: 'https://fx-rates.corp.acme.net' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-gateway',
    replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, changeCause: 'argocd: payout-gateway 4.11.0', template: tpl('4.11.0') },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: payout-gateway 4.12.1', template: tpl('4.12.1') },
    ],
    pods: [
      { revision: 22, node: old.names[0] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 3 * DAYS, ranSeconds: 250000 } }) } },
      { revision: 22, node: old.names[2] ?? '', createdAgo: 6 * DAYS - 2 },
      // Drained off ip-10-0-40-118 when the node group migration began, 10½ hours ago.
      { revision: 22, node: newNames[0] ?? '', createdAgo: 10.5 * HOURS },
      { revision: 22, node: newNames[1] ?? '', createdAgo: 10.5 * HOURS - 1 },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS - 3 },
  });
  // The old node being drained out of the old group.
  const draining = old.nodes[1];
  if (draining?.spec) {
    draining.spec.unschedulable = true;
    draining.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(10.6 * HOURS) }];
  }
  const allNodes = [...old.nodes, ...v2];
  const calicoImage = 'docker.io/calico/node:v3.28.2';
  const calico = daemonSetApp({
    namespace: 'kube-system',
    name: 'calico-node',
    selector: { 'k8s-app': 'calico-node' },
    revisions: [{ revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'calico-node', image: calicoImage, ports: [], cpu: '250m', memory: '256Mi', memoryLimit: null, readiness: { exec: { command: ['/bin/calico-node', '-felix-ready'] }, periodSeconds: 10, timeoutSeconds: 10, successThreshold: 1, failureThreshold: 3 }, liveness: { exec: { command: ['/bin/calico-node', '-felix-live'] }, periodSeconds: 10, timeoutSeconds: 10, successThreshold: 1, failureThreshold: 6, initialDelaySeconds: 10 } })], priorityClassName: 'system-node-critical', serviceAccountName: 'calico-node' } }],
    pods: allNodes.map((n, i) => ({ revision: 4, node: nameOf(n), createdAgo: i < 3 ? 80 * DAYS : 11 * HOURS - 1 })),
  });
  const calicoLog = (host: string, startAgo: number, hostMtu: number, podMtu: number) =>
    lines(
      `${spaceTime(startAgo)} [INFO][1] startup/startup.go 427: Early log level set to info`,
      `${spaceTime(startAgo)} [INFO][1] startup/utils.go 126: Using NODENAME environment for node name ${host}`,
      `${spaceTime(startAgo)} [INFO][1] startup/autodetection_methods.go 103: Using autodetected IPv4 address on interface ens5: ${host.replace(/^ip-/, '').replace(/\..*$/, '').replace(/-/g, '.')}/19`,
      `${spaceTime(startAgo - 0.1)} [INFO][74] felix/config_params.go 695: Parsed value for VXLANMTU: 0 (from datastore (global))`,
      `${spaceTime(startAgo - 0.1)} [INFO][74] felix/int_dataplane.go 1043: Detected host MTU mtu=${hostMtu} iface="ens5"`,
      `${spaceTime(startAgo - 0.1)} [INFO][74] felix/int_dataplane.go 1061: Determined MTU for VXLAN and workload interfaces vxlanMTU=${podMtu} workloadMTU=${podMtu}`,
      `${spaceTime(startAgo - 0.1)} [INFO][74] felix/int_dataplane.go 1070: Writing MTU file for CNI plugin path="/var/lib/calico/mtu" mtu=${podMtu}`,
      `${spaceTime(1.1)} [INFO][74] felix/summary.go 100: Summarising 11 dataplane reconciliation loops over 1m2.4s: avg=6ms longest=21ms (resync-routes-v4)`,
    );
  const other = bystander(ns, 'payout-scheduler', old.names.filter((n) => n !== nameOf(draining)), 35, { revisions: [8, 9], versions: ['2.3.4', '2.4.0'], olderAgo: 12 * DAYS });
  const [onOld0, onOld2, onNew0, onNew1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const gw = 'settlement-gw.corp.acme.net';
  const healthy = (p: k8s.V1Pod, k: number) =>
    lines(
      `{"time":"${at(4.2)}","level":"INFO","msg":"settlement batch uploaded","batch_id":"b-20261121-0309-${k}1","bytes":191488,"status":201,"dur_ms":412}`,
      `{"time":"${at(3.1)}","level":"INFO","msg":"fx rates refreshed","source":"https://fx-rates.corp.acme.net/v1/rates","pairs":164,"dur_ms":88}`,
      `{"time":"${at(2.0)}","level":"INFO","msg":"GET /v2/batches/{id}/status","upstream":"${gw}","status":200,"bytes":212,"dur_ms":27}`,
      `{"time":"${at(0.6)}","level":"INFO","msg":"settlement batch uploaded","batch_id":"b-20261121-0313-${k}4","bytes":176128,"status":201,"dur_ms":388,"pod":"${nameOf(p)}"}`,
    );
  const broken = (p: k8s.V1Pod, k: number) =>
    lines(
      `{"time":"${at(10.2 * HOURS)}","level":"INFO","msg":"payout-gateway starting","version":"4.12.1","addr":":8080"}`,
      `{"time":"${at(10.2 * HOURS)}","level":"INFO","msg":"postgres pool ready","host":"payouts.cluster-c8f2.eu-west-1.rds.amazonaws.com","max_conns":16}`,
      `{"time":"${at(9.4)}","level":"INFO","msg":"GET /v2/health","upstream":"${gw}","status":200,"bytes":68,"dur_ms":31}`,
      `{"time":"${at(8.8)}","level":"ERROR","msg":"fx rates refresh failed","err":"Get \\"https://fx-rates.corp.acme.net/v1/rates\\": net/http: TLS handshake timeout","attempt":3}`,
      `{"time":"${at(7.5)}","level":"ERROR","msg":"settlement batch upload failed","batch_id":"b-20261121-0306-${k}2","bytes":184320,"err":"Post \\"http://${gw}:8080/v2/batches\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","timeout":"30s","attempt":1}`,
      `{"time":"${at(6.9)}","level":"INFO","msg":"GET /v2/batches/{id}/status","upstream":"${gw}","status":200,"bytes":212,"dur_ms":29}`,
      `{"time":"${at(5.0)}","level":"ERROR","msg":"settlement batch upload failed","batch_id":"b-20261121-0306-${k}2","bytes":184320,"err":"Post \\"http://${gw}:8080/v2/batches\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","timeout":"30s","attempt":2}`,
      `{"time":"${at(3.8)}","level":"ERROR","msg":"fx rates refresh failed","err":"Get \\"https://fx-rates.corp.acme.net/v1/rates\\": net/http: TLS handshake timeout","attempt":3}`,
      `{"time":"${at(2.4)}","level":"INFO","msg":"GET /v2/health","upstream":"${gw}","status":200,"bytes":68,"dur_ms":30}`,
      `{"time":"${at(1.6)}","level":"ERROR","msg":"settlement batch upload failed","batch_id":"b-20261121-0306-${k}2","bytes":184320,"err":"Post \\"http://${gw}:8080/v2/batches\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)","timeout":"30s","attempt":3}`,
      `{"time":"${at(1.6)}","level":"WARN","msg":"batch parked for retry","batch_id":"b-20261121-0306-${k}2","parked_total":${41 + k},"pod":"${nameOf(p)}"}`,
      `{"time":"${at(0.3)}","level":"INFO","msg":"POST /v1/payouts","status":202,"dur_ms":9}`,
    );
  const calicoOn = (n: string) => calico.pods.find((p) => p.spec?.nodeName === n);
  return {
    id: 'heldout24-new-node-group-mtu-blackholes-large-packets',
    class: 'network',
    truth: 'The platform team is migrating nodes to a new node group, general-v2 (launch template lt-general-v2, AL2023/nodeadm), added 11 hours ago. The old launch template pinned the primary interface ens5 to MTU 1500 because the on-prem network behind the site-to-site VPN only carries 1500-byte packets; the new one dropped that step, so general-v2 hosts run at the VPC default 9001 and Calico (veth_mtu 0, autodetect) gives their pods an 8951-byte MTU. ICMP fragmentation-needed is filtered on-prem, so every packet larger than the VPN path is silently dropped: the two payout-gateway pods drained onto general-v2 (same revision 22 as the healthy pods on the old group) can make small requests to settlement-gw.corp.acme.net (health, status: 200) but their 180 KB batch uploads time out and TLS handshakes to fx-rates.corp.acme.net time out, while the pods on the old nodes upload fine. Not the code, not the rollout, not the NetworkPolicy. Fix: pin ens5 to MTU 1500 in the general-v2 launch template (or set Calico\'s MTU explicitly to 1450); meanwhile cordon and drain general-v2 so the pods go back to the old group.',
    ask: { service: 'payout-gateway', namespace: ns },
    objects: [
      ...allNodes, ...app.objects, ...other.objects, ...calico.objects,
      configMap({ namespace: 'kube-system', name: 'calico-config', createdAgo: 80 * DAYS, data: { calico_backend: 'vxlan', cluster_type: 'k8s,bgp', typha_service_name: 'none', veth_mtu: '0' } }),
      ...exposed({ namespace: ns, name: 'payout-gateway', selector: { app: 'payout-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payout-scheduler', selector: { app: 'payout-scheduler' }, pods: other.pods }),
      networkPolicy({
        namespace: ns,
        name: 'payout-gateway-egress',
        createdAgo: 140 * DAYS,
        podSelector: { app: 'payout-gateway' },
        policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '172.16.0.0/12' } }], ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 443 }] },
          { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        ],
      }),
      event({ on: { kind: 'Node', name: nameOf(draining) }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${nameOf(draining)} status is now: NodeNotSchedulable`, firstAgo: 10.6 * HOURS, lastAgo: 10.6 * HOURS, component: 'kubelet' }),
      ...v2.map((n) => event({ on: { kind: 'Node', name: nameOf(n) }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, firstAgo: 11 * HOURS, lastAgo: 11 * HOURS, component: 'node-controller' })),
      probeFailed(onOld2, 'app', 'Readiness', `Get "http://${onOld2.status?.podIP ?? ''}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 23 * HOURS, lastAgo: 23 * HOURS - 0.2 }),
      ...startedAt(onNew0, 'app', image('4.12.1'), 10.5 * HOURS),
      ...startedAt(onNew1, 'app', image('4.12.1'), 10.5 * HOURS - 1),
    ],
    logs: [
      logsFor(onOld0, 'app', { current: healthy(onOld0, 1), previous: lines(`{"time":"${at(3 * DAYS + 0.1)}","level":"ERROR","msg":"postgres pool exhausted","waiters":64}`, 'panic: runtime error: invalid memory address or nil pointer dereference', '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9c41d2]') }),
      logsFor(onOld2, 'app', { current: healthy(onOld2, 2) }),
      logsFor(onNew0, 'app', { current: broken(onNew0, 3) }),
      logsFor(onNew1, 'app', { current: broken(onNew1, 4) }),
      logsFor(calicoOn(old.names[0] ?? ''), 'calico-node', { current: calicoLog(old.names[0] ?? '', 80 * DAYS, 1500, 1450) }),
      logsFor(calicoOn(newNames[0] ?? ''), 'calico-node', { current: calicoLog(newNames[0] ?? '', 11 * HOURS - 1, 9001, 8951) }),
      logsFor(calicoOn(newNames[1] ?? ''), 'calico-node', { current: calicoLog(newNames[1] ?? '', 11 * HOURS - 1, 9001, 8951) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MTU|jumbo|packet size|fragmentation/i, /general-v2|ip-10-0-97-14|ip-10-0-112-203|new(ly added)? (node ?group|nodes)/i],
      facts: [/TLS handshake timeout/, /general-v2/, /8951|9001/, /cordon|drain|MTU[^\n]*(1500|1450)|(1500|1450)[^\n]*MTU/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /payout-scheduler/, /NetworkPolicy[^\n]*(blocks|denies|blocking|denying)/i, /(DNS|CoreDNS) (failure|resolution fail|timeout)|DNS (is|was) the cause/i, /nil pointer|SIGSEGV/],
    },
  };
}

// ---- 2. a low-priority indexer preempted by a high-priority API its HPA scaled up ----------------

function preemptedByScaledUpApi(): CorpusScenario {
  const ns = 'discovery';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '77', '140']);
  const fourth = node({ name: eksNodeName('10.0.64.203'), zone: 'eu-west-1a', createdAgo: 25 * DAYS });
  const allNodes = [...nodes, fourth];
  const [n0, n1, n2, n3] = [names[0] ?? '', names[1] ?? '', names[2] ?? '', nameOf(fourth)];
  const idxImage = `${ECR}/discovery/catalog-indexer:7.4.2`;
  const indexer = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 4,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 30, createdAgo: 16 * DAYS, changeCause: 'argocd: catalog-indexer 7.4.1', template: { containers: [batchContainer({ name: 'indexer', image: `${ECR}/discovery/catalog-indexer:7.4.1`, cpu: '2', memory: '3Gi' })], priorityClassName: 'batch-low', terminationGracePeriodSeconds: 120 } },
      { revision: 31, createdAgo: 3 * DAYS, changeCause: 'argocd: catalog-indexer 7.4.2', template: { containers: [batchContainer({ name: 'indexer', image: idxImage, cpu: '2', memory: '3Gi' })], priorityClassName: 'batch-low', terminationGracePeriodSeconds: 120 } },
    ],
    pods: [
      { revision: 31, node: n2, createdAgo: 3 * DAYS, containers: { indexer: running({ sinceAgo: 30 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 30 * HOURS, ranSeconds: 150000 } }) } },
      { revision: 31, node: null, createdAgo: 37, unschedulable: '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.' },
      { revision: 31, node: null, createdAgo: 36.9, unschedulable: '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.' },
      { revision: 31, node: null, createdAgo: 9, unschedulable: '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.' },
    ],
    settled: { available: false, availableSince: 37, progressingSince: 3 * DAYS - 4 },
  });
  for (const p of indexer.pods) if (p.spec) p.spec.priority = 1000;
  const apiImage = `${ECR}/discovery/ranking-api:12.0.3`;
  const apiTpl = { containers: [container({ image: apiImage, ports: [8080], cpu: '800m', memory: '1536Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })], priorityClassName: 'online-critical' };
  // Six pods for days; HPA 6 → 10 at 37 min, 10 → 14 at 9 min. Room on n0/n1 and n3 came from the indexers.
  const placement: [string, number][] = [
    [n0, 5 * DAYS], [n1, 5 * DAYS], [n2, 5 * DAYS], [n3, 5 * DAYS], [n0, 5 * DAYS - 1], [n1, 5 * DAYS - 1],
    [n0, 37.2], [n0, 37.2], [n1, 37.2], [n1, 37.2],
    [n2, 9.2], [n3, 9.2], [n3, 9.2], [n3, 9.2],
  ];
  const api = deploymentApp({
    namespace: ns,
    name: 'ranking-api',
    replicas: 14,
    revisions: [{ revision: 57, createdAgo: 5 * DAYS + 2, changeCause: 'argocd: ranking-api 12.0.3', template: apiTpl }],
    pods: placement.map(([n, a]) => ({ revision: 57, node: n, createdAgo: a })),
    settled: { available: true, availableSince: 5 * DAYS, progressingSince: 5 * DAYS },
  });
  for (const p of api.pods) if (p.spec) p.spec.priority = 1000000;
  const other = bystander(ns, 'catalog-web', [n0, n1], 28, { revisions: [14, 15], versions: ['3.9.0', '3.9.1'], olderAgo: 9 * DAYS });
  const hp = hpa({
    namespace: ns, name: 'ranking-api', target: { kind: 'Deployment', name: 'ranking-api' }, min: 6, max: 20, current: 14, desired: 14, lastScaleAgo: 9,
    cpu: { current: 74, target: 60, averageValue: '592m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation', lastTransitionTime: ago(9) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(37) },
    ],
  });
  const rs31 = rsOf(indexer, 31);
  const victims = [
    { name: `${rs31}-k9v2q`, node: n0, at: 37.1, by: podOf(api, 6) },
    { name: `${rs31}-t5wz8`, node: n1, at: 37.1, by: podOf(api, 8) },
    { name: `${rs31}-m2rh7`, node: n3, at: 9.1, by: podOf(api, 11) },
  ];
  const idxRs = replicaSetOf(indexer, 31);
  const pending = [podOf(indexer, 1), podOf(indexer, 2), podOf(indexer, 3)];
  const fsMsg = '0/4 nodes are available: 4 Insufficient cpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.';
  const running0 = podOf(indexer, 0);
  const apiRs = replicaSetOf(api, 57);
  const dep = deploymentOf(api);
  return {
    id: 'heldout24-indexer-preempted-by-scaled-up-ranking-api',
    class: 'capacity',
    truth: 'catalog-indexer runs with PriorityClass batch-low (priority 1000) and ranking-api with online-critical (priority 1000000) on the same four-node group, which is at its maximum size. Tonight\'s traffic made ranking-api\'s HPA scale it 6 → 10 (37 minutes ago) and 10 → 14 (9 minutes ago); each time the scheduler preempted catalog-indexer pods to make room for the new ranking-api pods ("Preempted by pod <ranking-api pod uid> on node …"), three in all. Their replacements stay Pending: Insufficient cpu everywhere, no lower-priority victims left, and the cluster autoscaler cannot add a node (max node group size reached). catalog-indexer\'s code and its revision 31 are fine. Fix: raise the node group\'s maximum size (or add capacity), or give the indexer a higher priority / reserved capacity; cap ranking-api\'s HPA if the indexer must keep running.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...allNodes, ...indexer.objects, ...api.objects, ...other.objects, hp,
      ...exposed({ namespace: ns, name: 'ranking-api', selector: { app: 'ranking-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ranking-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: 37.3, lastAgo: 37.3, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ranking-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 9.3, lastAgo: 9.3, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, nameOf(apiRs), 10, 6, 37.3),
      scaledReplicaSet(dep, nameOf(apiRs), 14, 10, 9.3),
      ...victims.flatMap((v) => [
        event({ on: { kind: 'Pod', name: v.name, namespace: ns }, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${v.by.metadata?.uid ?? ''} on node ${v.node}`, firstAgo: v.at, lastAgo: v.at, component: 'default-scheduler' }),
        event({ on: { kind: 'Pod', name: v.name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container indexer', firstAgo: v.at, lastAgo: v.at, fieldPath: 'spec.containers{indexer}' }),
      ]),
      ...pending.map((p, i) => event({ on: idxRs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: i < 2 ? 37 : 9, lastAgo: i < 2 ? 37 : 9, component: 'replicaset-controller' })),
      ...pending.map((p, i) => failedScheduling(p, fsMsg, { count: i < 2 ? 14 : 5, firstAgo: i < 2 ? 37 : 9, lastAgo: 0.4 })),
      ...pending.map((p, i) => notTriggerScaleUp(p, '1 max node group size reached', { count: i < 2 ? 21 : 6, firstAgo: i < 2 ? 36.8 : 8.8, lastAgo: 0.6 })),
      ...api.pods.slice(6).map((p, i) => scheduled(p, (placement[i + 6]?.[1] ?? 1) - 0.1)),
      event({ on: { kind: 'Node', name: n3 }, type: 'Normal', reason: 'NodeHasSufficientMemory', message: `Node ${n3} status is now: NodeHasSufficientMemory`, firstAgo: 25 * DAYS, lastAgo: 25 * DAYS }),
    ],
    logs: [
      logsFor(running0, 'indexer', {
        current: lines(
          `${pyTime(3.4)} INFO catalog_indexer.worker: indexed batch 88412 docs=5000 took=4.81s lag_s=412`,
          `${pyTime(2.1)} WARNING catalog_indexer.worker: consumer lag growing lag_s=488 active_workers=1/4`,
          `${pyTime(0.8)} INFO catalog_indexer.worker: indexed batch 88413 docs=5000 took=4.92s lag_s=531`,
        ),
        previous: lines(`${pyTime(30 * HOURS + 0.1)} ERROR catalog_indexer.es: ConnectionTimeout caused by - ReadTimeoutError(HTTPSConnectionPool(host='search-es.discovery.svc', port=9200): Read timed out. (read timeout=30))`, `${pyTime(30 * HOURS)} CRITICAL catalog_indexer.main: giving up after 5 retries`),
      }),
      logsFor(podOf(api, 13), 'app', { current: lines(`{"level":"info","ts":"${at(8.6)}","msg":"ranking model loaded","model":"ltr-2026-11-18","features":212}`, `{"level":"info","ts":"${at(0.5)}","msg":"GET /rank","status":200,"p99_ms":38}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/preempt/i, /ranking-api|higher[- ]priority/i],
      facts: [/ranking-api/, /priority/i, /Insufficient cpu/, /max(imum)? node group size|add (nodes|capacity)|node group|capacity|priorit(y|ies)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /catalog-web/, /crash ?loop/i, /ConnectionTimeout|search-es/],
    },
  };
}

// ---- 3. a revision mounts a ConfigMap where the app writes: Errno 30 ----------------------------

function configMapMountReadOnly(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '134', '230']);
  const image = (v: string) => `${ECR}/insurance/quote-engine:${v}`;
  const app0 = (v: string) => container({ image: image(v), ports: [8000], cpu: '500m', memory: '768Mi', command: ['gunicorn', 'quote_engine.asgi:app', '-k', 'uvicorn.workers.UvicornWorker', '-b', '0.0.0.0:8000', '-w', '3'], readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'tariffs', mountPath: '/srv/tariffs' }] });
  const old = {
    initContainers: [batchContainer({ name: 'fetch-tariffs', image: 'public.ecr.aws/aws-cli/aws-cli:2.22.10', command: ['aws', 's3', 'sync', 's3://acme-insurance-tariffs/prod/2026-11/', '/srv/tariffs/'], cpu: '100m', memory: '128Mi', volumeMounts: [{ name: 'tariffs', mountPath: '/srv/tariffs' }] })],
    containers: [app0('3.7.4')],
    volumes: [{ name: 'tariffs', emptyDir: {} }],
    serviceAccountName: 'quote-engine',
  };
  const neu = {
    containers: [app0('3.8.0')],
    volumes: [{ name: 'tariffs', configMap: { name: 'quote-engine-tariffs', defaultMode: 420 } }],
    serviceAccountName: 'quote-engine',
  };
  const crash = crashLoop({ exitCode: 3, finishedAgo: 1.4, ranSeconds: 2 }, 7);
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'helm: quote-engine 3.7.4', template: old },
      { revision: 42, createdAgo: 18, changeCause: 'helm: quote-engine 3.8.0', template: neu },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 41, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 42, node: names[0] ?? '', createdAgo: 17.8, containers: { app: crash } },
      { revision: 42, node: names[2] ?? '', createdAgo: 17.8, containers: { app: crash } },
    ],
  });
  const other = bystander(ns, 'policy-admin', names, 42, { revisions: [19, 20], versions: ['1.30.2', '1.31.0'], olderAgo: 20 * DAYS });
  const [fresh1, fresh2] = [podOf(app, 3), podOf(app, 4)];
  const dep = deploymentOf(app);
  const crashed = (m: number) =>
    lines(
      `${gunicornTime(m)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gunicornTime(m)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(m)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
      `${gunicornTime(m)} [7] [INFO] Booting worker with pid: 7`,
      `${gunicornTime(m)} [8] [INFO] Booting worker with pid: 8`,
      `${gunicornTime(m)} [9] [INFO] Booting worker with pid: 9`,
      `${gunicornTime(m)} [7] [INFO] quote_engine.tariffs: loading 214 tariff tables from /srv/tariffs`,
      `${gunicornTime(m)} [7] [ERROR] Exception in worker process`,
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
      '    worker.init_process()',
      '  File "/usr/local/lib/python3.12/site-packages/uvicorn/workers.py", line 75, in init_process',
      '    super().init_process()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process',
      '    self.load_wsgi()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi',
      '    self.wsgi = self.app.wsgi()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app',
      '    mod = importlib.import_module(module)',
      '  File "/app/quote_engine/asgi.py", line 14, in <module>',
      '    tariffs = TariffStore.open(settings.TARIFF_DIR)',
      '  File "/app/quote_engine/tariffs.py", line 57, in open',
      '    os.makedirs(index_dir, exist_ok=True)',
      '  File "<frozen os>", line 225, in makedirs',
      "OSError: [Errno 30] Read-only file system: '/srv/tariffs/.index'",
      `${gunicornTime(m)} [7] [INFO] Worker exiting (pid: 7)`,
      `${gunicornTime(m)} [1] [ERROR] Worker (pid:7) exited with code 3`,
      `${gunicornTime(m)} [1] [ERROR] Shutting down: Master`,
      `${gunicornTime(m)} [1] [ERROR] Reason: Worker failed to boot.`,
    );
  return {
    id: 'heldout24-configmap-mounted-over-writable-tariff-dir',
    class: 'containers',
    truth: 'quote-engine revision 42 (helm chart 3.8.0, 18 minutes ago) replaced the fetch-tariffs init container and the emptyDir it filled at /srv/tariffs with the new ConfigMap quote-engine-tariffs mounted directly at /srv/tariffs. The app builds its tariff index in /srv/tariffs/.index at startup; ConfigMap volumes are mounted read-only, so os.makedirs fails with OSError: [Errno 30] Read-only file system, the gunicorn worker fails to boot and the master exits with code 3: both new pods crash-loop and the rollout is stuck, with the three revision-41 pods still serving. Fix: roll back to revision 41, then mount the ConfigMap elsewhere (e.g. /srv/tariffs-src, copied into an emptyDir) or point the index at a writable emptyDir.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      configMap({ namespace: ns, name: 'quote-engine-tariffs', createdAgo: 18.5, data: { 'motor-2026-11.csv': 'band,region,base_premium_cents\nA,north,41200\nA,south,39800\n', 'home-2026-11.csv': 'band,region,base_premium_cents\nH1,north,23900\n', 'manifest.json': '{"tables":214,"effective":"2026-11-01"}' } }),
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'policy-admin', selector: { app: 'policy-admin' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 18),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 4, 18),
      scaledReplicaSet(dep, rsOf(app, 42), 2, 1, 18),
      ...[fresh1, fresh2].flatMap((p) => [
        ...pulledFresh(p, 'app', image('3.8.0'), { atAgo: 17.8, bytes: 187_440_112, seconds: 6.204 }),
        ...restartedAgain(p, 'app', image('3.8.0'), { count: 8, firstAgo: 17.6, lastAgo: 1.45 }),
        backOff(p, 'app', { count: 74, firstAgo: 17.5, lastAgo: 0.3 }),
      ]),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:8000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 0.3 }),
    ],
    logs: [
      logsFor(fresh1, 'app', { previous: crashed(1.45) }),
      logsFor(fresh2, 'app', { previous: crashed(1.5) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`INFO:     10.0.88.45:51234 - "POST /v1/quotes HTTP/1.1" 200 OK`, `INFO:     10.0.88.45:51240 - "GET /health/ready HTTP/1.1" 200 OK`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-only|EROFS|Errno 30/i, /revision 42|\/srv\/tariffs|quote-engine-tariffs|ConfigMap/i],
      facts: [lit('/srv/tariffs'), /quote-engine-tariffs|ConfigMap/, /revision 41|roll ?back|rollout undo|emptyDir|writable/i],
      never: [/\bOOM/, /policy-admin/, /liveness probe (fail|kill)/i, /permission denied|runAsUser|fsGroup/i, /ImagePull|image[^\n]*(not found|pull (error|fail))/i],
    },
  };
}

// ---- 4. `rollout undo --to-revision=12`: code older than the schema's column rename -------------

function rollbackBeforeSchemaRename(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.24', ['44', '91', '187']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-c1x9.eu-west-1.rds.amazonaws.com:5432/billing' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })],
    serviceAccountName: 'invoice-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 13, createdAgo: 35 * DAYS, changeCause: 'deploy: invoice-api 2.4.0 (pipeline #4519)', template: tpl('2.4.0') },
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'deploy: invoice-api 2.5.2 (pipeline #4633)', template: tpl('2.5.2') },
      { revision: 15, createdAgo: 9 * DAYS, changeCause: 'deploy: invoice-api 2.6.0 (pipeline #4702)', template: tpl('2.6.0') },
      { revision: 16, createdAgo: 3 * DAYS, changeCause: 'deploy: invoice-api 2.7.1 (pipeline #4766)', template: tpl('2.7.1') },
      // The ReplicaSet of revision 12, re-used by `kubectl rollout undo --to-revision=12`: it becomes revision 17.
      { revision: 17, createdAgo: 41 * DAYS, changeCause: 'deploy: invoice-api 2.3.0 (pipeline #4410)', template: tpl('2.3.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 22.6 - k * 0.7 })),
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 20.5 },
  });
  const rs17 = replicaSetOf(app, 17);
  rs17.metadata = { ...rs17.metadata, annotations: { ...rs17.metadata?.annotations, 'deployment.kubernetes.io/revision-history': '12' } };
  const dep = deploymentOf(app);
  const other = bystander(ns, 'invoice-pdf', names, 55, { revisions: [30, 31], versions: ['1.18.0', '1.18.1'], olderAgo: 15 * DAYS });
  const h17 = rsOf(app, 17);
  const h16 = rsOf(app, 16);
  const jt = (m: number) => at(m);
  const boot = (m: number) =>
    [
      `${jt(m)}  INFO 1 --- [           main] c.a.billing.invoice.InvoiceApiApplication : Starting InvoiceApiApplication v2.3.0 using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)`,
      `${jt(m - 0.05)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
      `${jt(m - 0.06)}  INFO 1 --- [           main] o.f.c.internal.license.VersionPrinter    : Flyway Community Edition 9.22.3 by Redgate`,
      `${jt(m - 0.06)}  INFO 1 --- [           main] o.f.core.internal.command.DbValidate     : Successfully validated 49 migrations (execution time 00:00.094s)`,
      `${jt(m - 0.06)}  INFO 1 --- [           main] o.f.core.internal.command.DbMigrate      : Current version of schema "public": 58`,
      `${jt(m - 0.06)}  WARN 1 --- [           main] o.f.core.internal.command.DbMigrate      : Schema "public" has a version (58) that is newer than the latest available migration (49) !`,
      `${jt(m - 0.06)}  INFO 1 --- [           main] o.f.core.internal.command.DbMigrate      : Schema "public" is up to date. No migration necessary.`,
      `${jt(m - 0.15)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http) with context path ''`,
      `${jt(m - 0.15)}  INFO 1 --- [           main] c.a.billing.invoice.InvoiceApiApplication : Started InvoiceApiApplication in 9.412 seconds (process running for 10.187)`,
    ];
  const failure = (m: number, thread: number) => [
    `${jt(m)} ERROR 1 --- [nio-8080-exec-${thread}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.jdbc.BadSqlGrammarException: PreparedStatementCallback; bad SQL grammar [select i.id, i.customer_id, i.amount_cents, i.currency, i.status, i.issued_at from invoices i where i.customer_id = ? order by i.issued_at desc limit ?]] with root cause`,
    '',
    'org.postgresql.util.PSQLException: ERROR: column i.customer_id does not exist',
    '  Hint: Perhaps you meant to reference the column "i.account_id".',
    '  Position: 15',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2401)',
    '\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)',
    '\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)',
    '\tat org.springframework.jdbc.core.JdbcTemplate$1.doInPreparedStatement(JdbcTemplate.java:732)',
    '\tat com.acme.billing.invoice.repo.InvoiceRepository.findByCustomer(InvoiceRepository.java:61)',
    '\tat com.acme.billing.invoice.web.InvoiceController.list(InvoiceController.java:44)',
    '',
  ];
  const logFor = (i: number) => lines(...boot(22.3 - i * 0.7), ...failure(3.2 - i * 0.1, 3 + i), ...failure(1.1 - i * 0.1, 7 + i), `${jt(0.4)} ERROR 1 --- [nio-8080-exec-${2 + i}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.jdbc.BadSqlGrammarException: PreparedStatementCallback; bad SQL grammar [update invoices set status = ? where id = ? and customer_id = ?]] with root cause`);
  return {
    id: 'heldout24-rollout-undo-to-revision-before-schema-rename',
    class: 'rollout',
    truth: 'At 02:51 the on-call, chasing a p99 latency alert on invoice-api (later traced to a month-end report on the database), ran `kubectl rollout undo deployment/invoice-api --to-revision=12` instead of undoing only the last release. Revision 12 is invoice-api 2.3.0, from 41 days ago; its ReplicaSet was re-used as revision 17 (revision-history 12). Since then, release 2.6.0 (revision 15) shipped Flyway migration V57, which renamed invoices.customer_id to account_id, and the schema is now at version 58. The 2.3.0 pods start (Flyway only warns that the schema is newer than its 49 migrations) and pass their probes, but every query fails with PSQLException: column i.customer_id does not exist, so every request returns 500. Revision 16 (2.7.1) was fine. Fix: roll forward to revision 16 (`kubectl rollout undo deployment/invoice-api --to-revision=16`, or redeploy 2.7.1); never to anything older than 2.6.0.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      scaledReplicaSet(dep, h17, 1, 0, 22.6),
      scaledReplicaSet(dep, h16, 2, 3, 22.0),
      scaledReplicaSet(dep, h17, 2, 1, 22.0),
      scaledReplicaSet(dep, h16, 1, 2, 21.3),
      scaledReplicaSet(dep, h17, 3, 2, 21.3),
      scaledReplicaSet(dep, h16, 0, 1, 20.5),
      ...app.pods.flatMap((p, i) => [
        ...pulledFresh(p, 'app', image('2.3.0'), { atAgo: 22.6 - i * 0.7, bytes: 231_904_118, seconds: 5.877 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 22.5 - i * 0.7, lastAgo: 22.5 - i * 0.7, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 22.5 - i * 0.7, lastAgo: 22.5 - i * 0.7, fieldPath: 'spec.containers{app}' }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, { count: 1, firstAgo: 22.4 - i * 0.7, lastAgo: 22.4 - i * 0.7 }),
      ]),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', { current: logFor(i) })),
    expect: {
      verdict: 'problems',
      headline: [/customer_id|schema|column|migration/i, /2\.3\.0|revision (12|17)|roll(ed)? ?back|rollout undo/i],
      facts: [/customer_id/, /2\.7\.1|revision 16/, /revision[- ]history|revision 12|--to-revision/i, /does not exist/],
      never: [/\bOOM/, /invoice-pdf/, /(roll(ing)? ?back|undo|revert) to (revision 1[34]\b|2\.[45]\.\d)|--to-revision=1[34]\b/i, /(database|postgres|rds)[^\n]*(is down|unreachable|connection refused)/i],
    },
  };
}

// ---- 5. a revision names a scheduler that does not run: Pending, silence ------------------------

function schedulerNameThatDoesNotExist(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes, names } = threeEksNodes('10.0.130', ['8', '66', '212']);
  const image = (v: string) => `${ECR}/ml/embedding-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi', env: [{ name: 'MODEL_PATH', value: '/models/e5-small-v2' }], readiness: httpProbe('/v1/ready', 8080, { initialDelaySeconds: 10 }), liveness: httpProbe('/v1/live', 8080, { initialDelaySeconds: 30 }) })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'embedding-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 8, createdAgo: 14 * DAYS, changeCause: 'argocd: embedding-api 0.19.2', template: tpl('0.19.2') },
      { revision: 9, createdAgo: 26, changeCause: 'argocd: embedding-api 0.20.0', template: tpl('0.20.0') },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 14 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 14 * DAYS - 1 },
      { revision: 8, node: names[2] ?? '', createdAgo: 14 * DAYS - 2 },
      { revision: 9, node: null, createdAgo: 26 },
      { revision: 9, node: null, createdAgo: 26 },
    ],
  });
  const scheduler = 'binpack-scheduler';
  // Revision 9's template, its ReplicaSet and the Deployment name a scheduler that no longer runs.
  const rs9 = replicaSetOf(app, 9) as k8s.V1ReplicaSet;
  if (rs9.spec?.template?.spec) rs9.spec.template.spec.schedulerName = scheduler;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.spec?.template.spec) dep.spec.template.spec.schedulerName = scheduler;
  const fresh = [podOf(app, 3), podOf(app, 4)];
  for (const p of fresh) {
    if (p.spec) p.spec.schedulerName = scheduler;
    // No scheduler has ever looked at them: no PodScheduled condition, only the phase.
    if (p.status) p.status = { phase: 'Pending', qosClass: p.status.qosClass ?? 'Burstable' };
  }
  const other = bystander(ns, 'reranker', names, 31, { revisions: [11, 12], versions: ['2.2.0', '2.2.1'], olderAgo: 10 * DAYS });
  const stale = other.pods[0];
  return {
    id: 'heldout24-scheduler-name-of-removed-scheduler',
    class: 'scheduling',
    truth: 'embedding-api revision 9 (0.20.0, 26 minutes ago) came with Helm values copied from the staging cluster that set schedulerName: binpack-scheduler. That custom scheduler was decommissioned in this cluster last month; no scheduler watches pods addressed to it, so the two new pods sit Pending with no PodScheduled condition and not a single scheduling event (neither Scheduled nor FailedScheduling), and the rollout has exceeded its progress deadline with three revision-8 pods serving. Capacity, taints and quotas are not involved. Fix: remove schedulerName (default-scheduler) from the chart values and redeploy, or roll back to revision 8.',
    ask: { service: 'embedding-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'embedding-api', selector: { app: 'embedding-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 9), 1, 0, 26),
      scaledReplicaSet(dep, rsOf(app, 8), 3, 4, 26),
      scaledReplicaSet(dep, rsOf(app, 9), 2, 1, 26),
      ...fresh.map((p) => event({ on: replicaSetOf(app, 9), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 26, lastAgo: 26, component: 'replicaset-controller' })),
      event({ on: replicaSetOf(app, 8), type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${rsOf(app, 8)}-x7bqd`, firstAgo: 26, lastAgo: 26, component: 'replicaset-controller' }),
      // Yesterday, the bystander's rollout waited a minute for room: a warning a careless reader blames.
      failedScheduling({ kind: 'Pod', metadata: { name: `${rsOf(other, 11)}-f9kq2`, namespace: ns } }, '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 3, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS - 1 }),
      ...(stale ? startedAt(stale, 'app', `${ECR}/${ns}/reranker:2.2.1`, 31) : []),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(2.2)}","level":"info","msg":"embed","batch":32,"dur_ms":41}`, `{"ts":"${at(0.7)}","level":"info","msg":"embed","batch":16,"dur_ms":23}`) })),
    expect: {
      verdict: 'problems',
      headline: [/binpack-scheduler|schedulerName|scheduler/i, /binpack-scheduler|revision 9/],
      facts: [lit('binpack-scheduler'), /revision 9/, /default-scheduler|remove[^\n]*schedulerName|roll ?back|revision 8/i, /no (such )?scheduler|does not exist|not (running|deployed|installed)|no scheduling events|never (been )?scheduled|unknown scheduler/i],
      never: [/\bOOM/, /reranker/, /Insufficient (cpu|memory)/i, /exceeded quota/i, /ImagePull|image[^\n]*(not found|pull (error|fail))/i],
    },
  };
}

// ---- 6. a StatefulSet's new pod: every node at its EBS attachment limit --------------------------

function volumeAttachLimitEveryNode(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.150', ['21', '97', '176']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  // Each m6i.xlarge takes 25 EBS volumes here (28 Nitro attachments less the root volume and two ENIs); all are in use.
  nodes.forEach((n, i) => {
    const handles = Array.from({ length: 25 }, (_, k) => `kubernetes.io/csi/ebs.csi.aws.com^vol-0${uidOf(`ebs/${i}/${k}`).replace(/-/g, '').slice(0, 16)}`);
    if (n.status) {
      n.status.volumesAttached = handles.map((name) => ({ name, devicePath: '' }));
      n.status.volumesInUse = handles;
    }
  });
  const image = 'docker.io/victoriametrics/vmstorage:v1.106.1-cluster';
  const tpl = { containers: [container({ name: 'vmstorage', image, ports: [{ name: 'http', containerPort: 8482 }, { name: 'vminsert', containerPort: 8400 }, { name: 'vmselect', containerPort: 8401 }], args: ['-retentionPeriod=90d', '-storageDataPath=/storage', '-dedup.minScrapeInterval=30s'], cpu: '1', memory: '4Gi', readiness: httpProbe('/health', 'http'), liveness: { tcpSocket: { port: 'http' }, periodSeconds: 30, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 10, initialDelaySeconds: 30 }, volumeMounts: [{ name: 'vmstorage-db', mountPath: '/storage' }] })], serviceAccountName: 'vmstorage', terminationGracePeriodSeconds: 60 };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'vmstorage',
    replicas: 4,
    serviceName: 'vmstorage',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 3, createdAgo: 47 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'vmstorage-db', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 47 * DAYS, containers: { vmstorage: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 3_900_000 } }) } },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 47 * DAYS },
      { revision: 3, ordinal: 2, node: names[2] ?? '', createdAgo: 47 * DAYS },
      { revision: 3, ordinal: 3, node: null, createdAgo: 34, unschedulable: '0/3 nodes are available: 3 node(s) exceed max volume count. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `vmstorage-db-vmstorage-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 47 * DAYS, labels: { app: 'vmstorage' } }));
  const newClaim = pvc({ namespace: ns, name: 'vmstorage-db-vmstorage-3', storage: '500Gi', phase: 'Pending', createdAgo: 34, labels: { app: 'vmstorage' } });
  const pending = podOf(sts, 3);
  const stsRef = { kind: 'StatefulSet', name: 'vmstorage', namespace: ns };
  const other = deploymentApp({
    namespace: ns,
    name: 'vmselect',
    replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'docker.io/victoriametrics/vmselect:v1.106.0-cluster', ports: [8481] })] } },
      { revision: 7, createdAgo: 50, changeCause: 'argocd: vmselect v1.106.1', template: { containers: [container({ image: 'docker.io/victoriametrics/vmselect:v1.106.1-cluster', ports: [8481] })] } },
    ],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 50 }, { revision: 7, node: names[1] ?? '', createdAgo: 49 }],
  });
  const vmLog = (i: number) =>
    lines(
      `${at(4.1)}\tinfo\tVictoriaMetrics/lib/storage/partition.go:1012\tpartition "2026_11" has been merged: ${8 + i} small parts (${1_210_000 + i * 3_000} rows) in 1.842 seconds`,
      `${at(1.9)}\tinfo\tVictoriaMetrics/lib/storage/storage.go:1061\tnextDayMetricIDs: created new cache for date 2026-11-21`,
    );
  return {
    id: 'heldout24-statefulset-pod-every-node-at-ebs-attach-limit',
    class: 'storage',
    truth: 'vmstorage was scaled from 3 to 4 replicas 34 minutes ago. Its new pod vmstorage-3 (with a new 500Gi gp3 claim, WaitForFirstConsumer) cannot be scheduled: the node group is three m6i.xlarge nodes, each of which already has 25 EBS volumes attached — the most the EBS CSI driver allows on that instance (28 Nitro attachments less root volume and ENIs) — because dozens of small stateful workloads share them. The scheduler says "3 node(s) exceed max volume count"; CPU and memory are not short, and the three existing vmstorage pods are fine. The claim is Pending only because it waits for its pod. Fix: add nodes (or larger instance types with more attachment slots) to the node group, or consolidate volumes so fewer land per node.',
    ask: { service: 'vmstorage', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, newClaim, ...other.objects,
      ...exposed({ namespace: ns, name: 'vmstorage', selector: { app: 'vmstorage' }, pods: sts.pods, headless: true, ports: [{ name: 'http', port: 8482, targetPort: 8482 }], endpointPort: 8482 }),
      ...exposed({ namespace: ns, name: 'vmselect', selector: { app: 'vmselect' }, pods: other.pods, ports: [{ name: 'http', port: 8481, targetPort: 8481 }], endpointPort: 8481 }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim vmstorage-db-vmstorage-3 Pod vmstorage-3 in StatefulSet vmstorage success', firstAgo: 34, lastAgo: 34, component: 'statefulset-controller' }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod vmstorage-3 in StatefulSet vmstorage successful', firstAgo: 34, lastAgo: 34, component: 'statefulset-controller' }),
      event({ on: newClaim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 137, firstAgo: 34, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      failedScheduling(pending, '0/3 nodes are available: 3 node(s) exceed max volume count. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 12, firstAgo: 34, lastAgo: 1.8 }),
      ...startedNormally(podOf(other, 0), 'app', 'docker.io/victoriametrics/vmselect:v1.106.1-cluster', 50),
      event({ on: podOf(sts, 0), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(sts, 0).status?.podIP ?? ''}:8482/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 0.2, fieldPath: 'spec.containers{vmstorage}' }),
    ],
    logs: [0, 1, 2].map((i) => logsFor(podOf(sts, i), 'vmstorage', { current: vmLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [/max volume count|volume (attach(ment)? )?limit|attach(able|ment)? (volume )?limit|attachable volumes?/i],
      facts: [/vmstorage-3/, /exceed max volume count/, /(add|more|additional|bigger|larger)[^\n]*(node|instance)|instance type|fewer volumes|node group/i],
      never: [/\bOOM/, /vmselect/, ADVISES_ROLLBACK, /Insufficient (cpu|memory)/i, /Multi-Attach/i, /(storage ?class|provisioner)[^\n]*(broken|missing|misconfigured)/i],
    },
  };
}

// ---- 7. healthy control: an hourly CronJob mid-run, two days after one failure ------------------

function cronJobRunningAfterOldFailure(): CorpusScenario {
  const ns = 'metering';
  const { nodes, names } = threeEksNodes('10.0.72', ['15', '101', '222']);
  const image = `${ECR}/metering/usage-rollup:1.9.3`;
  const tpl = {
    containers: [batchContainer({ name: 'rollup', image, command: ['python', '-m', 'usage_rollup'], args: ['--window', 'previous-hour'], cpu: '1', memory: '1536Mi', env: [{ name: 'PGHOST', value: 'metering-db.cluster-c4k2.eu-west-1.rds.amazonaws.com' }] })],
    serviceAccountName: 'usage-rollup',
  };
  const ok = (createdAgo: number, node: string, minutes: number) => ({
    createdAgo,
    pods: [{ node, createdAgo, phase: 'Succeeded' as const, containers: { rollup: terminated({ exitCode: 0, finishedAgo: createdAgo - minutes, ranSeconds: minutes * 60 - 6 }) } }],
    outcome: { complete: true as const, ago: createdAgo - minutes },
  });
  const failedAgo = 2 * DAYS + 9;
  const cron = cronJob({
    namespace: ns,
    name: 'usage-rollup',
    schedule: '5 * * * *',
    template: tpl,
    backoffLimit: 0,
    activeDeadlineSeconds: 3000,
    jobs: [
      { createdAgo: failedAgo, pods: [{ node: names[1] ?? '', createdAgo: failedAgo, phase: 'Failed', containers: { rollup: terminated({ exitCode: 1, finishedAgo: failedAgo - 3.6, ranSeconds: 210 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: failedAgo - 3.6 } },
      ok(189, names[0] ?? '', 18.5),
      ok(129, names[2] ?? '', 19.2),
      ok(69, names[1] ?? '', 18.9),
      { createdAgo: 9, pods: [{ node: names[2] ?? '', createdAgo: 9, containers: { rollup: running({ sinceAgo: 8.9 }) } }] },
    ],
    lastSuccessfulAgo: 50,
  });
  const current = cron.jobs[4];
  const currentPod = current?.pods[0];
  const failedPod = cron.jobs[0]?.pods[0];
  const previousJob = cron.jobs[3];
  const cronObj = cron.objects[0];
  const other = bystander(ns, 'usage-api', names, 20, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 8 * DAYS });
  const total = 1_184_233;
  const progress: string[] = [];
  for (let t = 8.5; t >= 0.2; t -= 0.5) {
    const done = Math.min(total, Math.round((8.6 - t) * 60 * 1080));
    progress.push(`${pyTime(t)} INFO usage_rollup.aggregate: progress ${done}/${total} (${((done / total) * 100).toFixed(1)}%) rate=1.08k/s`);
  }
  return {
    id: 'heldout24-hourly-cronjob-mid-run-after-old-failure',
    class: 'healthy',
    truth: 'Nothing is wrong. usage-rollup is an hourly CronJob (5 * * * *, backoffLimit 0) that aggregates the previous hour of usage events; a run takes about 19 minutes. Its current run, created at 03:05, is 9 minutes in and progressing steadily (about 1.08k events/s, 48% done). The failed Job still listed is from two days ago, when the database was restarted for maintenance mid-run (FATAL: the database system is shutting down); every run since has completed, the last at 02:24. No action needed.',
    ask: { service: 'usage-rollup', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'usage-api', selector: { app: 'usage-api' }, pods: other.pods }),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(previousJob?.objects[0])}, condition: Complete`, 50),
      cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job usage-rollup-${Math.floor(ago(249).getTime() / 60_000)}`, 50),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(current?.objects[0])}`, 9),
      jobEvent(previousJob?.objects[0], 'Completed', 'Job completed', 50),
      jobEvent(current?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(currentPod)}`, 9),
      ...(currentPod ? startedNormally(currentPod, 'rollup', image, 9) : []),
    ],
    logs: [
      logsFor(currentPod, 'rollup', {
        current: lines(
          `${pyTime(8.8)} INFO usage_rollup.main: usage-rollup 1.9.3 starting window=2026-11-21T02:00:00Z/2026-11-21T03:00:00Z`,
          `${pyTime(8.7)} INFO usage_rollup.db: connected to metering-db.cluster-c4k2.eu-west-1.rds.amazonaws.com:5432/metering as usage_rollup`,
          `${pyTime(8.6)} INFO usage_rollup.reader: ${total} usage events to aggregate in 24 partitions`,
          ...progress,
        ),
      }),
      logsFor(failedPod, 'rollup', {
        current: lines(
          `${pyTime(failedAgo - 0.1)} INFO usage_rollup.main: usage-rollup 1.9.3 starting window=2026-11-19T02:00:00Z/2026-11-19T03:00:00Z`,
          `${pyTime(failedAgo - 3.6)} ERROR usage_rollup.main: aborting rollup, transaction rolled back`,
          'Traceback (most recent call last):',
          '  File "/app/usage_rollup/aggregate.py", line 88, in flush',
          '    cur.execute(UPSERT_SQL, rows)',
          '  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor.py", line 97, in execute',
          '    raise ex.with_traceback(None)',
          'psycopg.errors.AdminShutdown: terminating connection due to administrator command',
          '',
          'During handling of the above exception, another exception occurred:',
          '',
          'psycopg.OperationalError: connection failed: connection to server at "10.0.9.41", port 5432 failed: FATAL:  the database system is shutting down',
        ),
      }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|in progress|running|no (problems?|issues?)|succe(ss|ed)/i],
      facts: [/running|in progress|active/i],
      never: [/\bOOM/, /(is|looks|appears) (stuck|hung|hanging)|not progressing/i, /(current|latest|running) (run|job)[^\n]*(fail(ed|ing)|stuck)/i, ADVISES_ROLLBACK, /usage-api/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  newNodeGroupMtuMismatch(),
  preemptedByScaledUpApi(),
  configMapMountReadOnly(),
  rollbackBeforeSchemaRename(),
  schedulerNameThatDoesNotExist(),
  volumeAttachLimitEveryNode(),
  cronJobRunningAfterOldFailure(),
];
