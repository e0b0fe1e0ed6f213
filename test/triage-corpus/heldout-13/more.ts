// Held-out stories, thirteenth round, second part (see ./stories.ts for the round's header): an
// Istio AuthorizationPolicy denying the caller, CoreDNS scaled down to one throttled replica, a
// Job failed by its podFailurePolicy, a DaemonSet rollout held by a NotReady node, GOGC=off, and
// the two healthy controls.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, cronJob, cronJobEvent, daemonSetApp, deploymentApp,
  epochMs, event, exposed, httpProbe, jobEvent, nameOf, node, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, statefulSetApp, terminated, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [130, 131], versions: ['5.0.2', '5.1.0'], olderAgo: 11 * DAYS });

/** Spring Boot's console line: `2026-11-21T03:12:41.563Z ERROR 1 --- [checkout] [nio-8080-exec-3] c.a.Foo : msg`. */
const spring = (minutes: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(minutes)} ${level.padStart(5)} 1 --- [checkout-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** NATS server's log time: `[1] 2026/11/21 03:12:41.563104`. */
const natsTime = (minutes: number): string => `[1] ${at(minutes).slice(0, 10).replace(/-/g, '/')} ${at(minutes).slice(11, 23)}104`;

/** The tolerations the DaemonSet controller adds to its pods (no tolerationSeconds: never evicted). */
function daemonSetTolerations(p: k8s.V1Pod): void {
  if (p.spec === undefined) return;
  p.spec.tolerations = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
}

// ---- 8. an Istio AuthorizationPolicy denies the caller's service account ----------------------------

function istioAuthorizationPolicyDenies(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.28');
  const sidecar = (app: string) => ({
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"]}', 'istio.io/rev': 'default' },
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': app },
  });
  const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021), liveness: null });
  const image = `${ECR}/orders/checkout-api:12.4.0`;
  const app = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: checkout-api 12.4.0', template: { containers: [container({ image, ports: [8080], memory: '1536Mi', env: [{ name: 'PAYMENTS_URL', value: 'http://payment-gateway.payments.svc.cluster.local:8080' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080) }), proxy], serviceAccountName: 'checkout-api', ...sidecar('checkout-api') } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 2 * DAYS })),
    settled: { available: true, availableSince: 2 * DAYS, progressingSince: 2 * DAYS },
  });
  const gw = deploymentApp({
    namespace: 'payments', name: 'payment-gateway', replicas: 2,
    revisions: [{ revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: payment-gateway 6.2.0', template: { containers: [container({ image: `${ECR}/payments/payment-gateway:6.2.0`, ports: [8080] }), proxy], serviceAccountName: 'payment-gateway', ...sidecar('payment-gateway') } }],
    pods: [0, 1].map((k) => ({ revision: 41, node: names[k + 1] ?? '', createdAgo: 9 * DAYS })),
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const other = bystander(ns, 'checkout-web', names, 40);
  const log = (p: k8s.V1Pod, k: number) => lines(
    spring(35, 'INFO', 'nio-8080-exec-4', 'c.a.checkout.payment.PaymentClient', `charge ok order=ord_7Hq${k}2 amount=84.90 EUR status=201`),
    spring(31, 'ERROR', 'nio-8080-exec-7', 'c.a.checkout.payment.PaymentClient', `charge failed order=ord_7Hr${k}9: org.springframework.web.client.HttpClientErrorException$Forbidden: 403 Forbidden: "RBAC: access denied"`),
    spring(31, 'WARN', 'nio-8080-exec-7', 'c.a.checkout.api.CheckoutController', 'POST /v1/checkout -> 502 payment_unavailable'),
    spring(2, 'ERROR', 'nio-8080-exec-1', 'c.a.checkout.payment.PaymentClient', `charge failed order=ord_7Kz${k}4: org.springframework.web.client.HttpClientErrorException$Forbidden: 403 Forbidden: "RBAC: access denied"`),
    spring(0.5, 'INFO', 'nio-8080-exec-9', 'c.a.checkout.api.CartController', 'GET /v1/cart 200 (12 ms)'),
  );
  const access = (p: k8s.V1Pod, k: number) => lines(
    `[${at(36)}] "POST /v1/charges HTTP/1.1" 201 - via_upstream - "-" 412 388 61 60 "-" "Java-http-client/21.0.5" "6c1f0b2e-41a8-9d3e-a0f1-${k}7a2b3c4d5e6" "payment-gateway.payments.svc.cluster.local:8080" "${ipOfPod(p)}:8080" inbound|8080|| 127.0.0.6:41823 ${ipOfPod(p)}:8080 10.0.28.${60 + k}:51422 outbound_.8080_._.payment-gateway.payments.svc.cluster.local default`,
    `[${at(31)}] "POST /v1/charges HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-" 412 19 0 - "-" "Java-http-client/21.0.5" "0b9e77c2-5d1a-9f20-b3c4-${k}1d2e3f4a5b6" "payment-gateway.payments.svc.cluster.local:8080" "-" inbound|8080|| - ${ipOfPod(p)}:8080 10.0.28.${60 + k}:51431 outbound_.8080_._.payment-gateway.payments.svc.cluster.local default`,
    `[${at(1)}] "POST /v1/charges HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-" 412 19 0 - "-" "Java-http-client/21.0.5" "f3a1c9d0-7e2b-9c44-81aa-${k}9e8d7c6b5a4" "payment-gateway.payments.svc.cluster.local:8080" "-" inbound|8080|| - ${ipOfPod(p)}:8080 10.0.28.${61 + k}:40112 outbound_.8080_._.payment-gateway.payments.svc.cluster.local default`,
  );
  return {
    id: 'heldout13-istio-authorization-policy-denies-caller',
    class: 'network',
    truth: 'The security team applied an Istio AuthorizationPolicy, payment-gateway-allow, in namespace payments 31 minutes ago: ALLOW only from principal cluster.local/ns/orders/sa/checkout. checkout-api runs as service account checkout-api, so its mTLS identity is cluster.local/ns/orders/sa/checkout-api, matches no rule, and the payment-gateway sidecar answers every charge with 403 "RBAC: access denied" (rbac_access_denied_matched_policy[none]); checkouts fail with 502 since. All pods on both sides are Ready, payment-gateway is healthy, and neither checkout-api (2 days unchanged) nor the checkout-web rollout 40 minutes ago nor a Kubernetes NetworkPolicy is involved. Fix: add principal cluster.local/ns/orders/sa/checkout-api to the policy (kubectl get authorizationpolicy -n payments).',
    ask: { service: 'checkout-api' },
    objects: [
      ...nodes, ...app.objects, ...gw.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: other.pods }),
      ...exposed({ namespace: 'payments', name: 'payment-gateway', selector: { app: 'payment-gateway' }, pods: gw.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 131), 2, 0, 40),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
      ...gw.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: access(p, k) })),
      ...gw.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(33)}  INFO 1 --- [payment-gateway] [nio-8080-exec-2] c.a.p.ChargeController : charge created ch_3Q${nameOf(p).slice(-3)} 201`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/403|RBAC|access denied|AuthorizationPolicy|authoriz/i, /payment-gateway|payments/],
      facts: [/RBAC: access denied/i, /AuthorizationPolicy|service ?account|principal/i],
      never: [/network ?policy/i, BLAMES_ROLLOUT, /checkout-web/, /\bOOM/, /payment-gateway (is )?(down|crash|unhealthy|not ready)/i],
    },
  };
}

// ---- 9. CoreDNS scaled down to one CPU-limited replica: lookups time out ---------------------------

function coreDnsSingleThrottledReplica(): CorpusScenario {
  const ns = 'notify';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [0, 1, 2, 3, 4, 5].map((k) => node({ name: eksNodeName(`10.0.29.${20 + k * 31}`), zone: zones[k % 3] ?? 'eu-west-1a' }));
  const names = nodes.map(nameOf);
  const corednsImage = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.2';
  const dnsTemplate = { containers: [container({
    name: 'coredns', image: corednsImage, args: ['-conf', '/etc/coredns/Corefile'],
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
    cpu: '100m', cpuLimit: '100m', memory: '70Mi', memoryLimit: '170Mi',
    readiness: httpProbe('/ready', 8181), liveness: httpProbe('/health', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 }),
  })], priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns' };
  const dns = deploymentApp({
    namespace: 'kube-system', name: 'coredns', replicas: 1, selector: { 'k8s-app': 'kube-dns' },
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: dnsTemplate }],
    pods: [{ revision: 5, node: names[1] ?? '', createdAgo: 40 * DAYS }],
    settled: { available: true, availableSince: 40 * DAYS, progressingSince: 40 * DAYS },
  });
  const dnsPod = podOf(dns, 0);
  const autoscaler = deploymentApp({
    namespace: 'kube-system', name: 'coredns-autoscaler', replicas: 1, selector: { 'k8s-app': 'coredns-autoscaler' },
    revisions: [{ revision: 2, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'autoscaler', image: 'registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.8.9', command: ['/cluster-proportional-autoscaler', '--namespace=kube-system', '--configmap=coredns-autoscaler', '--target=Deployment/coredns', '--logtostderr=true', '--v=2'], ports: [], cpu: '20m', memory: '10Mi', readiness: null, liveness: null })], serviceAccountName: 'coredns-autoscaler' } }],
    pods: [{ revision: 2, node: names[0] ?? '', createdAgo: 60 * DAYS }],
    settled: { available: true, availableSince: 60 * DAYS, progressingSince: 200 * DAYS },
  });
  const image = `${ECR}/notify/notification-svc:4.1.2`;
  const app = deploymentApp({
    namespace: ns, name: 'notification-svc', replicas: 3,
    revisions: [{ revision: 52, createdAgo: 8 * DAYS, changeCause: 'argocd: notification-svc 4.1.2', template: { containers: [container({ image, ports: [8000], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k + 2] ?? '', createdAgo: 8 * DAYS })),
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const dnsIp = '172.20.0.10';
  const appLog = (p: k8s.V1Pod, k: number) => lines(
    `${pyTime(44)} INFO notify.digest: nightly digest started batch=2026-11-21 recipients=418220`,
    `${pyTime(38)} INFO notify.send: sent 1000 emails via api.sendgrid.com (p50 180 ms)`,
    `${pyTime(31)} ERROR notify.send: send failed msg=m-88${k}12: requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.sendgrid.com', port=443): Max retries exceeded with url: /v3/mail/send (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f3a1c2b5e10>: Failed to resolve 'api.sendgrid.com' ([Errno -3] Temporary failure in name resolution)"))`,
    `${pyTime(22)} ERROR notify.push: push failed: redis.exceptions.ConnectionError: Error -3 connecting to notify-redis.notify.svc.cluster.local:6379. Temporary failure in name resolution.`,
    `${pyTime(9)} INFO notify.send: sent 1000 emails via api.sendgrid.com (p50 210 ms, 61 retried)`,
    `${pyTime(2)} ERROR notify.send: send failed msg=m-91${k}40: requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.sendgrid.com', port=443): Max retries exceeded with url: /v3/mail/send (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f3a1c2b7a90>: Failed to resolve 'api.sendgrid.com' ([Errno -3] Temporary failure in name resolution)"))`,
    `${pyTime(1)} WARNING notify.health: dependency check slow: dns lookup of notify-redis took 5012 ms (pod ${nameOf(p)})`,
  );
  const dnsLog = lines(
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
    'CoreDNS-1.11.3',
    `[ERROR] plugin/errors: 2 api.sendgrid.com. A: read udp ${ipOfPod(dnsPod)}:39211->10.0.0.2:53: i/o timeout`,
    '[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: 1.482117835s',
    `[ERROR] plugin/errors: 2 api.sendgrid.com.notify.svc.cluster.local. AAAA: read udp ${ipOfPod(dnsPod)}:52270->10.0.0.2:53: i/o timeout`,
    `[ERROR] plugin/errors: 2 sqs.eu-west-1.amazonaws.com. A: read udp ${ipOfPod(dnsPod)}:40110->10.0.0.2:53: i/o timeout`,
    '[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: 2.90441762s',
  );
  return {
    id: 'heldout13-coredns-scaled-to-one-throttled',
    class: 'network',
    truth: `Two hours ago someone edited the ConfigMap kube-system/coredns-autoscaler (cluster-proportional-autoscaler) to "min":1 with nodesPerReplica 64, so with 6 nodes it scaled CoreDNS from 2 replicas to 1. The single CoreDNS pod has a 100m CPU limit; when the nightly digest started 44 minutes ago the DNS query rate rose and it is CPU-throttled: upstream forwards time out ("i/o timeout"), its health endpoint answers in >1 s and its readiness probe fails now and then, and clients across namespaces get intermittent "Temporary failure in name resolution" through ${dnsIp}. notification-svc (Ready, unchanged for 8 days) is a victim: about 1 in 20 sends fails. SendGrid and Redis are fine; no NetworkPolicy exists. Fix: restore the autoscaler parameters (min 2, or preventSinglePointFailure true) and remove the CoreDNS CPU limit (or raise it); consider NodeLocal DNSCache.`,
    ask: { service: 'notification-svc' },
    objects: [
      ...nodes, ...dns.objects, ...autoscaler.objects, ...app.objects,
      configMap({ namespace: 'kube-system', name: 'coredns-autoscaler', createdAgo: 200 * DAYS, updatedAgo: 122, data: { linear: '{"coresPerReplica":256,"nodesPerReplica":64,"min":1,"preventSinglePointFailure":false}' } }),
      ...exposed({ namespace: 'kube-system', name: 'kube-dns', clusterIP: dnsIp, selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }], pods: dns.pods, endpointPort: 53 }),
      ...exposed({ namespace: ns, name: 'notification-svc', selector: { app: 'notification-svc' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(dns.objects[0] ?? {}, rsOf(dns, 5), 1, 2, 120),
      event({ on: { kind: 'Pod', name: `${rsOf(dns, 5)}-x7kq2`, namespace: 'kube-system' }, type: 'Normal', reason: 'Killing', message: 'Stopping container coredns', firstAgo: 120, lastAgo: 120, fieldPath: 'spec.containers{coredns}' }),
      probeFailed(dnsPod, 'coredns', 'Readiness', `Get "http://${ipOfPod(dnsPod)}:8181/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 37, firstAgo: 41, lastAgo: 1.5 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(p, k) })),
      logsFor(dnsPod, 'coredns', { current: dnsLog }),
      logsFor(podOf(autoscaler, 0), 'autoscaler', { current: lines(
        `I1121 01:12:10.004113       1 autoscaler_server.go:157] ConfigMap version change (old: 40118 new: 91822) - rebuilding params`,
        `I1121 01:12:10.004190       1 autoscaler_server.go:161] Params from apiserver: \n{"coresPerReplica":256,"nodesPerReplica":64,"min":1,"preventSinglePointFailure":false}`,
        `I1121 01:12:10.004301       1 k8sclient.go:272] Cluster status: SchedulableNodes[6], TotalNodes[6], SchedulableCores[24], TotalCores[24]`,
        `I1121 01:12:10.004322       1 autoscaler_server.go:133] Replicas are not as expected : updating replicas from 2 to 1`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CoreDNS|kube-dns|DNS/i, /\b1 replica|one replica|single|only one|scaled|throttl|CPU|autoscaler/i],
      facts: [/coredns-autoscaler|from 2 to 1|scaled down|1 replica|one replica/i, /i\/o timeout|Temporary failure in name resolution/i, /100m|CPU limit|throttl/i],
      never: [/network ?policy/i, BLAMES_ROLLOUT, /ndots/i, /\bOOM/, /sendgrid[^\n]*(down|outage)/i],
    },
  };
}

// ---- 10. a Job failed at once by its podFailurePolicy (FailJob on exit 42) ---------------------------

function jobPodFailurePolicyFailJob(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.30');
  const image = `${ECR}/treasury/bank-statement-import:1.12.0`;
  const podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] };
  const cron = cronJob({
    namespace: ns, name: 'bank-statement-import', schedule: '15 2 * * *', backoffLimit: 6,
    template: { containers: [batchContainer({ name: 'main', image, cpu: '500m', memory: '1Gi', command: ['python', '-m', 'statement_import', '--date', 'yesterday'] })] },
    lastSuccessfulAgo: DAYS + 54,
    jobs: [
      { createdAgo: 2 * DAYS + 59, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 2 * DAYS + 59, containers: { main: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 55, ranSeconds: 230 }) } }], outcome: { complete: true, ago: 2 * DAYS + 55 } },
      { createdAgo: DAYS + 59, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: DAYS + 59, containers: { main: terminated({ exitCode: 0, finishedAgo: DAYS + 54, ranSeconds: 251 }) } }], outcome: { complete: true, ago: DAYS + 54 } },
      { createdAgo: 59, pods: [{ node: names[2] ?? '', phase: 'Failed', createdAgo: 59, containers: { main: terminated({ exitCode: 42, finishedAgo: 58.2, ranSeconds: 41 }) } }] },
    ],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const jobTemplate = cronObj.spec?.jobTemplate.spec as k8s.V1JobSpec & { podFailurePolicy?: unknown };
  jobTemplate.podFailurePolicy = podFailurePolicy;
  const today = cron.jobs[2] as Built;
  const p = podOf(today, 0);
  const jobObj = today.objects[0] as k8s.V1Job & { spec: { podFailurePolicy?: unknown } };
  jobObj.spec.podFailurePolicy = podFailurePolicy;
  const message = `Container main for pod ${ns}/${nameOf(p)} failed with exit code 42 matching FailJob rule at index 0`;
  const cond = (type: string): k8s.V1JobCondition => ({ type, status: 'True', reason: 'PodFailurePolicy', message, lastProbeTime: ago(58.2), lastTransitionTime: ago(58.2) });
  if (jobObj.status) jobObj.status.conditions = [cond('FailureTarget'), cond('Failed')];
  for (const j of cron.jobs.slice(0, 2)) (j.objects[0] as k8s.V1Job & { spec: { podFailurePolicy?: unknown } }).spec.podFailurePolicy = podFailurePolicy;
  const log = lines(
    `${pyTime(58.9)} INFO statement_import: importing camt.053 statements for 2026-11-20 (accounts: 7)`,
    `${pyTime(58.8)} INFO statement_import.sftp: connected to sftp.bank-partner.example:22 as acme-treasury, listing /outbox`,
    `${pyTime(58.4)} WARNING statement_import.sftp: no file matching CAMT053_*_20261120.xml in /outbox (12 files, newest CAMT053_DE44500105175407324931_20261119.xml)`,
    `${pyTime(58.3)} ERROR statement_import: statement for 2026-11-20 not delivered by the bank; exiting with 42 (input missing, not retryable)`,
  );
  return {
    id: 'heldout13-job-pod-failure-policy-failjob-exit-42',
    class: 'jobs',
    truth: 'The 02:15 run of the bank-statement-import CronJob found no camt.053 statement for 2026-11-20 in the bank\'s SFTP outbox (the bank has not delivered it) and exited with 42, the team\'s code for "input missing, not retryable". The Job\'s podFailurePolicy has a FailJob rule on exit code 42 for container main, so the Job controller failed the whole Job at once (condition Failed, reason PodFailurePolicy: "… failed with exit code 42 matching FailJob rule at index 0") with a single pod and no retries, although backoffLimit is 6. Not a crash, not memory, not a deadline, and the backoff limit was never reached. Fix: get the statement from the bank, then re-run (kubectl create job --from=cronjob/bank-statement-import bank-statement-import-manual -n treasury).',
    ask: { service: 'bank-statement-import' },
    objects: [
      ...nodes, ...cron.objects,
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(today.objects[0])}`, 59),
      jobEvent(today.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 59),
      jobEvent(today.objects[0], 'PodFailurePolicy', message, 58.2, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(today.objects[0])}, condition: Failed`, 58.1),
    ],
    logs: [logsFor(p, 'main', { current: log })],
    expect: {
      verdict: 'problems',
      headline: [/\b42\b/, /FailJob|podFailurePolicy|failure policy|statement|CAMT|not delivered/i],
      facts: [/podFailurePolicy|FailJob|PodFailurePolicy/, /CAMT053|camt\.053|statement/i, /bank-statement-import/],
      never: [/BackoffLimitExceeded|backoff ?limit (was |has been )?(reached|exceeded|hit)/i, /\bOOM/, /deadline/i],
    },
  };
}

// ---- 11. a DaemonSet rolling update held by a pod on a NotReady node ------------------------------

function daemonSetRolloutHeldByNotReadyNode(): CorpusScenario {
  const ns = 'observability';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const dead = eksNodeName('10.0.31.97');
  const nodes = [0, 1, 2, 3, 4, 5].map((k) => {
    const name = k === 3 ? dead : eksNodeName(`10.0.31.${20 + k * 31}`);
    return k === 3 ? node({ name, zone: zones[k % 3] ?? 'eu-west-1a', ready: 'Unknown', readySince: 3 * HOURS + 10 }) : node({ name, zone: zones[k % 3] ?? 'eu-west-1a' });
  });
  const names = nodes.map(nameOf);
  const tpl = (v: string, outputs: string) => ({
    containers: [container({ name: 'fluent-bit', image: `cr.fluentbit.io/fluent/fluent-bit:${v}`, ports: [{ name: 'http', containerPort: 2020 }], cpu: '100m', memory: '128Mi', memoryLimit: '256Mi', env: [{ name: 'OUTPUTS', value: outputs }], readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020), volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }],
    tolerations: [{ operator: 'Exists' }],
    serviceAccountName: 'fluent-bit',
    priorityClassName: 'system-node-critical',
  });
  const ds = daemonSetApp({
    namespace: ns, name: 'fluent-bit', pinnedToNodes: true,
    revisions: [
      { revision: 13, createdAgo: 9 * DAYS, template: tpl('3.1.9', 'loki') },
      { revision: 14, createdAgo: 47, template: tpl('3.2.2', 'loki,s3-audit') },
    ],
    pods: names.map((n, k) => ({ revision: 13, node: n, createdAgo: 9 * DAYS, ...(k === 3 ? { ready: false } : {}) })),
  });
  for (const p of ds.pods) daemonSetTolerations(p);
  const stuck = podOf(ds, 3);
  const logs = ds.pods.filter((_, k) => k !== 3).map((p) => logsFor(p, 'fluent-bit', { current: lines(
    `[${at(3).replace('T', ' ').slice(0, 19)}] [ info] [output:loki:loki.0] ${nameOf(p)}: flushed 1412 records`,
    `[${at(1).replace('T', ' ').slice(0, 19)}] [ warn] [engine] failed to flush chunk '1-1763694780.118231.flb', retry in 7 seconds: task_id=3, input=tail.0 > output=loki.0 (out_id=0)`,
  ) }));
  return {
    id: 'heldout13-daemonset-rollout-held-by-notready-node',
    class: 'rollout',
    truth: `Revision 14 of the fluent-bit DaemonSet (3.2.2 with a new s3-audit output) was applied 47 minutes ago, but no pod has been updated: 0 of 6 run revision 14. The node ${dead} stopped posting status 3 hours ago (Ready Unknown, unreachable taints); its fluent-bit pod tolerates that, so it is never evicted and stays unready, and the DaemonSet's rolling update (maxUnavailable 1) already counts one unavailable pod, so the controller replaces nothing anywhere. The new revision is not broken — it never ran. Fix: deal with the dead node (drain/terminate it, or delete the Node object), or temporarily raise maxUnavailable; rolling back would change nothing.`,
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...nodes, ...ds.objects,
      nodeEvent(dead, 'NodeNotReady', `Node ${dead} status is now: NodeNotReady`, { firstAgo: 3 * HOURS + 10, component: 'node-controller' }),
      event({ on: stuck, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 3 * HOURS + 10, lastAgo: 3 * HOURS + 10, component: 'node-controller' }),
      event({ on: ds.objects[0] ?? {}, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(ds, 5))}`, firstAgo: 9 * DAYS, lastAgo: 9 * DAYS, component: 'daemonset-controller' }),
    ],
    logs,
    expect: {
      verdict: 'problems',
      headline: [lit('ip-10-0-31-97'), /NotReady|not ready|unreachable|Unknown|maxUnavailable|unavailable/i],
      facts: [/revision 14/, /maxUnavailable/, /0\/6|0 of (the )?6|none of|no (other )?(node|pod)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ImagePull|image (not found|pull)/i],
    },
  };
}

// ---- 12. GOGC=off: the heap grows until the container is OOM-killed every ~20 minutes ------------------

function gogcOffOomEveryTwentyMinutes(): CorpusScenario {
  const ns = 'ingest';
  const { nodes, names } = threeEksNodes('10.0.32');
  const env = (extra: k8s.V1EnvVar[]): k8s.V1EnvVar[] => [{ name: 'GOMAXPROCS', value: '2' }, { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.data:9092,kafka-1.kafka-headless.data:9092' }, ...extra];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({ containers: [container({ image: `${ECR}/ingest/event-router:${v}`, ports: [8080], cpu: '1', cpuLimit: '2', memory: '1Gi', env: env(extra), readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const last = [3, 8, 13, 17.5];
  const app = deploymentApp({
    namespace: ns, name: 'event-router', replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: event-router 2.13.4', template: tpl('2.13.4', []) },
      { revision: 41, createdAgo: 3 * HOURS + 10, changeCause: 'argocd: event-router 2.14.0', template: tpl('2.14.0', [{ name: 'GOGC', value: 'off' }]) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 3 * HOURS + 9 - k, containers: { app: running({ sinceAgo: last[k] ?? 3, restarts: 9 - (k % 2), last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: (last[k] ?? 3) + 0.05, ranSeconds: 1190 + 20 * k } }) } })),
    settled: { available: true, availableSince: 3, progressingSince: 3 * HOURS + 4 },
  });
  const other = bystander(ns, 'event-archiver', names, 25);
  const stats = (t: number, heap: number, k: number) => `{"level":"info","ts":${(epochMs(t) / 1000).toFixed(3)},"caller":"stats/reporter.go:44","msg":"runtime","heap_alloc_mb":${heap},"num_gc":0,"goroutines":${310 + k},"events_per_sec":${9100 + 40 * k}}`;
  const prev = (k: number) => {
    const end = (last[k] ?? 3) + 0.05;
    const start = end + 19.8;
    return lines(
      `{"level":"info","ts":${(epochMs(start) / 1000).toFixed(3)},"caller":"cmd/main.go:61","msg":"starting event-router","version":"2.14.0","GOGC":"off","GOMEMLIMIT":"","GOMAXPROCS":2}`,
      stats(start - 5, 212, k), stats(start - 10, 463, k), stats(start - 15, 731, k), stats(end + 0.2, 968, k),
    );
  };
  return {
    id: 'heldout13-gogc-off-oomkilled-every-20-minutes',
    class: 'containers',
    truth: 'Revision 41 (event-router 2.14.0, 3 hours ago) added GOGC=off to the container env to cut garbage-collection CPU, without a GOMEMLIMIT. With the collector off the Go heap only grows (num_gc stays 0): it passes the 1Gi memory limit after about 20 minutes and the kernel OOM-kills the container (exit 137, OOMKilled); all 4 pods restart every ~20 minutes (8-9 restarts each since the rollout), dropping in-flight batches. Not a leak in the new code, not node memory pressure, and the event-archiver rollout 25 minutes ago is unrelated. Fix: remove GOGC=off (or set GOMEMLIMIT around 900MiB with a normal GOGC), or roll back to revision 40.',
    ask: { service: 'event-router' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'event-router', selector: { app: 'event-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'event-archiver', selector: { app: 'event-archiver' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 131), 2, 0, 25),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'app', `${ECR}/ingest/event-router:2.14.0`, { count: 10 - (k % 2), firstAgo: 3 * HOURS + 9 - k, lastAgo: last[k] ?? 3 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(k), current: lines(
      `{"level":"info","ts":${(epochMs(last[k] ?? 3) / 1000).toFixed(3)},"caller":"cmd/main.go:61","msg":"starting event-router","version":"2.14.0","GOGC":"off","GOMEMLIMIT":"","GOMAXPROCS":2}`,
      stats(Math.max(0.2, (last[k] ?? 3) - 2.5), 118 + 30 * k, k),
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/OOM|137|memory/i, /GOGC|revision 41/i],
      facts: [/GOGC/, /revision 41/, /1Gi/, /4\/4|all 4|all four|every pod/i],
      never: [/node[^\n]*(memory ?pressure)|evict/i, /liveness probe fail/i, /event-archiver/],
    },
  };
}

// ---- 13. healthy: a Rails service that recovered from a database failover hours ago -------------------

function healthyRecoveredAfterDbFailover(): CorpusScenario {
  const ns = 'geo';
  const { nodes, names } = threeEksNodes('10.0.33');
  const image = `${ECR}/geo/address-lookup:3.8.0`;
  const failedAgo = 4 * HOURS + 12;
  const app = deploymentApp({
    namespace: ns, name: 'address-lookup', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 20 * DAYS, changeCause: 'argocd: address-lookup 3.7.2', template: { containers: [container({ image: `${ECR}/geo/address-lookup:3.7.2`, ports: [3000], readiness: httpProbe('/up', 3000) })] } },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: address-lookup 3.8.0', template: { containers: [container({ image, ports: [3000], readiness: httpProbe('/up', 3000) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: failedAgo - 3 - k, restarts: 2 - (k % 2), last: { exitCode: 1, finishedAgo: failedAgo - 3.2 - k, ranSeconds: 40 } }) } })),
    settled: { available: true, availableSince: failedAgo - 4, progressingSince: 6 * DAYS },
  });
  const prev = (p: k8s.V1Pod) => lines(
    `[${nameOf(p).slice(-5)}] ERROR -- : PG::ConnectionBad: connection to server at "10.0.96.41", port 5432 failed: Connection refused`,
    '\tIs the server running on that host and accepting TCP/IP connections?',
    `[${nameOf(p).slice(-5)}] ! Unable to load application: ActiveRecord::ConnectionNotEstablished: connection to server at "10.0.96.41", port 5432 failed: Connection refused`,
    'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
  );
  return {
    id: 'heldout13-healthy-recovered-after-db-failover',
    class: 'healthy',
    truth: 'Nothing needs doing: the geo Postgres (RDS Multi-AZ) failed over during its maintenance window about 4 hours ago; for two minutes address-lookup could not connect, its Puma workers exited 1 at boot and each pod restarted once or twice, failing readiness meanwhile. The database came back on the standby and every pod has been Ready for four hours, serving lookups normally. The restarts and the old BackOff/Unhealthy events are history; revision 19 (6 days old) is not involved.',
    ask: { service: 'address-lookup' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'address-lookup', selector: { app: 'address-lookup' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/up": dial tcp ${ipOfPod(p)}:3000: connect: connection refused`, { count: 9, firstAgo: failedAgo, lastAgo: failedAgo - 3 - k }),
        backOff(p, 'app', { count: 2 - (k % 2), firstAgo: failedAgo - 1, lastAgo: failedAgo - 2.5 - k }),
      ]),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', {
      previous: prev(p),
      current: lines(
        `I, [${at(3).replace('Z', '')}104 #1]  INFO -- : [req-${nameOf(p).slice(-4)}] Started GET "/v2/lookup?postcode=10115" for 10.0.33.7`,
        `I, [${at(3).replace('Z', '')}188 #1]  INFO -- : [req-${nameOf(p).slice(-4)}] Completed 200 OK in 14ms (Views: 0.4ms | ActiveRecord: 6.1ms)`,
      ),
    })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|action)|recovered|fine|ok\b/i],
      facts: [],
      never: [BLAMES_ROLLOUT, /crash-?loop/i, /\bOOM/, /readiness probe (is )?fail/i],
    },
  };
}

// ---- 14. healthy: a steady NATS cluster with old noise around it -------------------------------------

function healthySteadyNatsOldNoise(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.34');
  const image = 'public.ecr.aws/docker/library/nats:2.10.22-alpine';
  const app = statefulSetApp({
    namespace: ns, name: 'nats', replicas: 3, serviceName: 'nats-headless', podManagementPolicy: 'Parallel',
    volumeClaimTemplates: [{ name: 'jetstream', storage: '50Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 6, createdAgo: 12 * DAYS, template: { containers: [container({ name: 'nats', image, ports: [{ name: 'client', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }], cpu: '500m', memory: '2Gi', readiness: httpProbe('/healthz?js-enabled-only=true', 8222), liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10, timeoutSeconds: 5 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 12 * DAYS, ...(k === 1 ? { containers: { nats: running({ sinceAgo: 3 * DAYS + 2 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS + 2 * HOURS + 0.2, ranSeconds: 9 * DAYS } }) } } : {}) })),
  });
  const claims = [0, 1, 2].map((k) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `jetstream-nats-${k}`, namespace: ns, creationTimestamp: ago(200 * DAYS), labels: { app: 'nats' }, annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } }, storageClassName: 'gp3', volumeMode: 'Filesystem', volumeName: `pvc-nats-js-${k}` }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '50Gi' } } }));
  const current = (p: k8s.V1Pod, k: number) => lines(
    `${natsTime(40)} [INF] JetStream cluster new stream leader for 'ORDERS > orders-events'`,
    `${natsTime(12)} [WRN] 10.0.34.${41 + k}:52210 - cid:${8812 + k} - "v1.37.0:go:orders-consumer" - Readloop processing time: 2.314s`,
    `${natsTime(6)} [ERR] 10.0.51.9:40112 - cid:${9021 + k} - authentication error - User "legacy-reporter"`,
    `${natsTime(1)} [INF] ${nameOf(p)}: JetStream usage 18.4 GB / 50 GB, 3 streams, 41 consumers`,
  );
  return {
    id: 'heldout13-healthy-steady-nats-old-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with the nats StatefulSet: its three revision-6 pods (12 days old) are Ready and JetStream is serving with stream leaders elected. nats-1\'s single restart (exit 1) was 3 days ago during a node patch and has not recurred; the readiness timeout on nats-2 is from yesterday; the "authentication error - User legacy-reporter" lines come from a decommissioned reporting client still retrying with revoked credentials, and the "Readloop processing time" warning is a slow consumer on the client side. None of it affects the service.',
    ask: { service: 'nats' },
    objects: [
      ...nodes, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, pods: app.pods, headless: true, ports: [{ name: 'client', port: 4222, targetPort: 4222 }, { name: 'cluster', port: 6222, targetPort: 6222 }], endpointPort: 4222, createdAgo: 200 * DAYS }),
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: app.pods, ports: [{ name: 'client', port: 4222, targetPort: 4222 }], endpointPort: 4222, createdAgo: 200 * DAYS }),
      probeFailed(podOf(app, 2), 'nats', 'Readiness', `Get "http://${ipOfPod(podOf(app, 2))}:8222/healthz?js-enabled-only=true": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
      event({ on: podOf(app, 0), type: 'Normal', reason: 'FileSystemResizeSuccessful', message: 'MountVolume.NodeExpandVolume succeeded for volume "pvc-nats-js-0" ' + names[0], firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'nats', {
      current: current(p, k),
      ...(k === 1 ? { previous: lines(`${natsTime(3 * DAYS + 2 * HOURS + 0.3)} [INF] Received signal, initiating shutdown`, `${natsTime(3 * DAYS + 2 * HOURS + 0.2)} [FTL] Error during JetStream shutdown: context deadline exceeded`) } : {}),
    })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|action)|fine|ok\b/i],
      facts: [],
      never: [/crash-?loop/i, /authentication|credential|legacy-reporter/i, /\bOOM/, BLAMES_ROLLOUT],
    },
  };
}

export const MORE_SCENARIOS: CorpusScenario[] = [
  istioAuthorizationPolicyDenies(),
  coreDnsSingleThrottledReplica(),
  jobPodFailurePolicyFailJob(),
  daemonSetRolloutHeldByNotReadyNode(),
  gogcOffOomEveryTwentyMinutes(),
  healthyRecoveredAfterDbFailover(),
  healthySteadyNatsOldNoise(),
];
