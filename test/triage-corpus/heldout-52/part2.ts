// Held-out stories, fifty-second round, part two: an Istio mesh whose outbound traffic policy is
// REGISTRY_ONLY, so a release's calls to a new external rates API without a ServiceEntry end in
// 502s on the BlackHoleCluster; a default-deny ingress NetworkPolicy that silently starved
// cert-manager's HTTP-01 solver until the storefront certificate expired; a claim cloned from a
// claim of another StorageClass that the CSI provisioner refuses, so a new StatefulSet's pod stays
// Pending; a revision that set maxUnavailable to 100% and took every search pod down at once
// through a slow warm-up; Spark executors OOMKilled by off-heap (pandas UDF) memory beyond
// spark.executor.memoryOverhead; session clients still asking Sentinel for "mymaster" after the
// chart renamed the master set; and a healthy control: a Java service with one OpenTelemetry
// export burst during the collector's rollout and routine Metaspace GC lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, buildPod, configMap, container, cronJob, deploymentApp, event, exposed, httpProbe,
  nameOf, networkPolicy, node, probeFailed, pv, pvc, pyTime, rsOf, running, scaledReplicaSet, scheduled,
  statefulSetApp, waiting, ago, batchContainer, uidOf, exited,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** klog's header time: `1121 03:12:41.563201`. */
const klogTime = (minutes: number): string => {
  const s = at(minutes);
  return `${s.slice(5, 7)}${s.slice(8, 10)} ${s.slice(11, 23)}201`;
};
/** Spark's log4j time: `26/11/21 03:12:41`. */
const sparkTime = (minutes: number): string => {
  const s = at(minutes);
  return `${s.slice(2, 4)}/${s.slice(5, 7)}/${s.slice(8, 10)} ${s.slice(11, 19)}`;
};
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};
const istioProxy = (): k8s.V1Container => container({
  name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
  cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning'],
  readiness: httpProbe('/healthz/ready', 15021, { initialDelaySeconds: 1, periodSeconds: 2, failureThreshold: 30 }), liveness: null,
});

// ---- 1. REGISTRY_ONLY mesh: a new external API without a ServiceEntry -------------------------------

function registryOnlyNoServiceEntry(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '220']);
  const image = (v: string) => `${ECR}/checkout/checkout-api:${v}`;
  const tpl = (v: string, rates: boolean) => ({
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"revision":"default"}' },
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'checkout-api' },
    containers: [
      container({
        image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
        env: [
          { name: 'PAYMENTS_URL', value: 'http://payments-gateway.payments.svc.cluster.local' },
          { name: 'TAX_API_URL', value: 'http://tax-engine.finance.svc.cluster.local:8080' },
          ...(rates ? [{ name: 'SHIPPING_RATES_URL', value: 'http://api.shiprates.io/v2' }, { name: 'SHIPPING_RATES_TIMEOUT', value: '3s' }] : []),
        ],
        readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      }),
      istioProxy(),
    ],
  });
  const app = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [
      { revision: 44, createdAgo: 9 * DAYS, changeCause: 'argocd: checkout-api 5.3.1', template: tpl('5.3.1', false) },
      { revision: 45, createdAgo: 47, changeCause: 'argocd: checkout-api 5.4.0', template: tpl('5.4.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 45, node: names[k] ?? '', createdAgo: 46 - k * 1.5 })),
    settled: { available: true, availableSince: 42, progressingSince: 47, progressingUpdatedAgo: 42 },
  });
  const other = bystander(ns, 'cart-service', names, 25, { revisions: [61, 62], versions: ['3.9.0', '3.9.1'], olderAgo: 6 * DAYS });
  const mesh = configMap({
    namespace: 'istio-system', name: 'istio', createdAgo: 212 * DAYS, updatedAgo: 38 * DAYS,
    data: {
      mesh: 'accessLogFile: /dev/stdout\naccessLogEncoding: TEXT\ndefaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n  holdApplicationUntilProxyStarts: true\n  tracing:\n    zipkin:\n      address: zipkin.istio-system:9411\nenablePrometheusMerge: true\noutboundTrafficPolicy:\n  mode: REGISTRY_ONLY\nrootNamespace: istio-system\ntrustDomain: cluster.local\n',
      meshNetworks: 'networks: {}',
    },
  });
  const proxyLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [
      `${at(45.8 - k)}\tinfo\tEnvoy proxy is ready`,
      `${at(31.2)}\twarning\tenvoy config\tStreamAggregatedResources gRPC config stream to istiod.istio-system.svc:15012 closed since 1802s ago: 13, `,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 41 - i * 2.9 - k * 0.3;
      out.push(`[${at(t)}] "POST /v2/rates/estimate HTTP/1.1" 502 - direct_response - "-" 412 0 0 - "-" "okhttp/4.12.0" "${uidOf(`req/${k}/${i}`)}" "api.shiprates.io" "-" - - 104.21.48.${60 + i} :80 ${ipOfPod(p)}:0 - block_all`);
      out.push(`[${at(t - 0.02)}] "POST /v1/authorize HTTP/1.1" 200 - via_upstream - "-" 833 214 ${41 + i} ${39 + i} "-" "okhttp/4.12.0" "${uidOf(`pay/${k}/${i}`)}" "payments-gateway.payments.svc.cluster.local" "10.0.97.${30 + i}:8080" outbound|80||payments-gateway.payments.svc.cluster.local 10.0.96.${40 + k}:51${200 + i} 172.20.88.14:80 ${ipOfPod(p)}:4${1000 + i} - default`);
    }
    out.push(`[${at(2.1)}] "- - -" 0 - - - "-" 517 0 3 - "-" "-" "-" "-" "-" BlackHoleCluster - 104.21.48.62:443 ${ipOfPod(p)}:53118 - -`);
    return lines(...out);
  };
  const appLog = (k: number) => {
    const out: string[] = [
      `${at(45.6 - k)} INFO  [main] c.a.checkout.Application - Started Application in 11.84 seconds (process running for 13.2)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 40 - i * 3.9 - k * 0.3;
      out.push(`${at(t)} WARN  [http-nio-8080-exec-${3 + i}] c.a.checkout.shipping.RatesClient - shipping rates call failed: HTTP 502 Bad Gateway from http://api.shiprates.io/v2/rates/estimate (body 0 bytes), falling back to flat rate`);
      out.push(`${at(t - 0.01)} ERROR [http-nio-8080-exec-${3 + i}] c.a.checkout.api.QuoteController - POST /v1/quote failed: ShippingRatesUnavailableException: carrier rates unavailable for cart ${uidOf(`cart/${k}/${i}`).slice(0, 8)} (express delivery requires live rate)`);
    }
    out.push(`${at(0.6)} INFO  [http-nio-8080-exec-2] c.a.checkout.api.OrderController - POST /v1/orders 201 in 212ms`);
    return lines(...out);
  };
  return {
    id: 'heldout52-istio-registry-only-no-serviceentry',
    class: 'network',
    truth: 'The mesh runs with outboundTrafficPolicy REGISTRY_ONLY (istio-system/istio ConfigMap, set 38 days ago): a sidecar only routes to hosts in its service registry. checkout-api 5.4.0 (revision 45, 47 minutes ago) started calling a new external shipping-rates API, api.shiprates.io, for which nobody created a ServiceEntry. Every call is answered by the istio-proxy itself with a 502 (route block_all / BlackHoleCluster in the sidecar access log), so express-delivery quotes fail; in-mesh calls (payments-gateway) are fine. Fix: add a ServiceEntry (and egress policy) for api.shiprates.io; the pods are healthy.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, mesh,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 45), 3, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 44), 0, 3, 43),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 62), 2, 0, 25),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.96.141:15021/healthz/ready": dial tcp 10.0.96.141:15021: connect: connection refused', firstAgo: 44.4, lastAgo: 44.4, fieldPath: 'spec.containers{istio-proxy}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: proxyLog(p, k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/REGISTRY_ONLY|ServiceEntry|BlackHole|block_all|outbound ?traffic ?policy|api\.shiprates\.io/i],
      facts: [lit('api.shiprates.io'), /ServiceEntry/i, /502/],
      never: [/\bOOM/, /crash ?loop/i, /cart-service/, /NetworkPolicy/i],
    },
  };
}

// ---- 2. default-deny ingress NetworkPolicy starves cert-manager's HTTP-01 solver ------------------

function defaultDenyBlocksAcmeSolver(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '170', '233']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const web = deploymentApp({
    namespace: ns, name: 'storefront-web', replicas: 3,
    revisions: [
      { revision: 118, createdAgo: 12 * DAYS, changeCause: 'argocd: storefront-web 8.1.0', template: { containers: [container({ image: image('8.1.0'), ports: [3000], cpu: '250m', memory: '512Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 20 }) })] } },
      { revision: 119, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront-web 8.1.1', template: { containers: [container({ image: image('8.1.1'), ports: [3000], cpu: '250m', memory: '512Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 20 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 119, node: names[k] ?? '', createdAgo: 3 * DAYS - k * 2 })),
    settled: { available: true, availableSince: 3 * DAYS - 5, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 5 },
  });
  // The solver pod cert-manager keeps re-creating for the pending Challenge.
  const solverUid = uidOf(`challenge/${ns}/storefront-tls-1-2871664093-1754436152`);
  const solverTpl = { containers: [container({ name: 'acmesolver', image: 'quay.io/jetstack/cert-manager-acmesolver:v1.15.3', args: ['--listen-port=8089', '--domain=shop.acme-retail.com', '--token=Xr3p0vKq8mJ2uTzL5bN9cWf1sYhA6gDe4iOjQ7aRnM', '--key=Xr3p0vKq8mJ2uTzL5bN9cWf1sYhA6gDe4iOjQ7aRnM.kP2vQ9x'], ports: [{ name: 'http', containerPort: 8089 }], cpu: '10m', memory: '64Mi', readiness: null, liveness: null })] };
  const solver = buildPod(
    { namespace: ns, kind: 'Challenge', name: 'storefront-tls-1-2871664093-1754436152', uid: solverUid, labels: { 'acme.cert-manager.io/http-domain': '1794311532', 'acme.cert-manager.io/http-token': '1062485521', 'acme.cert-manager.io/http01-solver': 'true' } },
    solverTpl, 'cm-acme-http-solver-7q2kd', { node: names[1] ?? '', createdAgo: 29 * DAYS },
  );
  solver.metadata = { ...solver.metadata, generateName: 'cm-acme-http-solver-', ownerReferences: [{ apiVersion: 'acme.cert-manager.io/v1', kind: 'Challenge', name: 'storefront-tls-1-2871664093-1754436152', uid: solverUid, controller: true, blockOwnerDeletion: true }] };
  const other = bystander(ns, 'storefront-bff', names, 70, { revisions: [33, 34], versions: ['2.0.4', '2.0.5'], olderAgo: 10 * DAYS });
  const denyAll = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 36 * DAYS, podSelector: {}, policyTypes: ['Ingress'] });
  const allowIngress = networkPolicy({
    namespace: ns, name: 'allow-from-ingress-nginx', createdAgo: 36 * DAYS, podSelector: { app: 'storefront-web' }, policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 3000 as unknown as k8s.IntOrString }] }],
  });
  const allowBff = networkPolicy({
    namespace: ns, name: 'allow-bff-from-web', createdAgo: 36 * DAYS, podSelector: { app: 'storefront-bff' }, policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'storefront-web' } } }] }],
  });
  for (const np of [denyAll, allowIngress, allowBff]) np.metadata = { ...np.metadata, annotations: { 'argocd.argoproj.io/tracking-id': `storefront:networking.k8s.io/NetworkPolicy:storefront/${nameOf(np)}` } };
  const cm = deploymentApp({
    namespace: 'cert-manager', name: 'cert-manager', replicas: 1,
    revisions: [{ revision: 9, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'cert-manager-controller', image: 'quay.io/jetstack/cert-manager-controller:v1.15.3', ports: [{ name: 'http-metrics', containerPort: 9402 }], cpu: '50m', memory: '256Mi', readiness: null, liveness: httpProbe('/livez', 9403) })] } }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const cmPod = podOf(cm, 0);
  const checkUrl = 'http://shop.acme-retail.com/.well-known/acme-challenge/Xr3p0vKq8mJ2uTzL5bN9cWf1sYhA6gDe4iOjQ7aRnM';
  const cmLog: string[] = [];
  for (let i = 0; i < 12; i++) {
    const t = 150 - i * 12.4;
    cmLog.push(`E${klogTime(t)}       1 sync.go:190] "propagation check failed" err="failed to perform self check GET request '${checkUrl}': Get \\"${checkUrl}\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" logger="cert-manager.controller" resource_name="storefront-tls-1-2871664093-1754436152" resource_namespace="storefront" resource_kind="Challenge" resource_version="v1" dnsName="shop.acme-retail.com" type="HTTP-01"`);
    if (i % 4 === 1) cmLog.push(`I${klogTime(t - 1)}       1 conditions.go:263] Setting lastTransitionTime for CertificateRequest "storefront-tls-1" condition "Ready" to ${at(29 * DAYS)}`);
  }
  cmLog.push(`I${klogTime(6)}       1 leaderelection.go:281] "successfully renewed lease" logger="cert-manager.controller" lease="kube-system/cert-manager-controller"`);
  const webLog = (k: number) => lines(
    `{"level":30,"time":${ago(4 - k).getTime()},"pid":1,"hostname":"storefront-web","msg":"GET /api/health 200 2ms"}`,
    `{"level":40,"time":${ago(3.2 - k).getTime()},"pid":1,"hostname":"storefront-web","msg":"bff fetch slow","path":"/cart","ms":912}`,
  );
  const bffPod = podOf(other, 0);
  const bffLog: string[] = [];
  for (let i = 0; i < 8; i++) {
    const t = 140 - i * 17;
    bffLog.push(`{"level":"error","time":"${at(t)}","msg":"webhook callback to storefront failed","url":"https://shop.acme-retail.com/api/webhooks/inventory","error":"Post \\"https://shop.acme-retail.com/api/webhooks/inventory\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${at(t).slice(0, 19)}Z is after ${at(2 * HOURS + 48).slice(0, 19)}Z"}`);
  }
  const ref = (kind: string, name: string) => ({ kind, name, namespace: ns });
  return {
    id: 'heldout52-default-deny-blocks-acme-http01-cert-expired',
    class: 'network',
    truth: 'A default-deny-ingress NetworkPolicy (podSelector {}) added to the storefront namespace 36 days ago only allows ingress-nginx to reach storefront-web on 3000. cert-manager\'s HTTP-01 solver pods (cm-acme-http-solver-*, port 8089) in the same namespace are not allowed, so when the Let\'s Encrypt certificate storefront-tls entered its renewal window 30 days ago the self check of /.well-known/acme-challenge/ timed out and the Challenge never completed. The certificate expired about 2h48m ago, so clients of https://shop.acme-retail.com fail with "x509: certificate has expired". The pods are healthy; fix: allow ingress from ingress-nginx to pods labelled acme.cert-manager.io/http01-solver=true (port 8089), then let cert-manager renew.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...web.objects, ...other.objects, ...cm.objects, solver, denyAll, allowIngress, allowBff,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: other.pods }),
      ...exposed({ namespace: ns, name: 'cm-acme-http-solver-xk9zp', selector: { 'acme.cert-manager.io/http01-solver': 'true' }, pods: [solver], ports: [{ name: 'http', port: 8089, targetPort: 8089 }], endpointPort: 8089 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 34), 2, 0, 70),
      event({ on: ref('Certificate', 'storefront-tls'), type: 'Normal', reason: 'Issuing', message: 'Renewing certificate as renewal was scheduled at ' + ago(30 * DAYS).toISOString().replace('T', ' ').replace(/\.\d+Z/, ' +0000 UTC'), firstAgo: 30 * DAYS, lastAgo: 30 * DAYS, component: 'cert-manager-certificates-trigger' }),
      event({ on: ref('Certificate', 'storefront-tls'), type: 'Normal', reason: 'Requested', message: 'Created new CertificateRequest resource "storefront-tls-1"', firstAgo: 30 * DAYS, lastAgo: 30 * DAYS, component: 'cert-manager-certificates-request-manager' }),
      event({ on: ref('Challenge', 'storefront-tls-1-2871664093-1754436152'), type: 'Normal', reason: 'Started', message: 'Challenge scheduled for processing', firstAgo: 30 * DAYS, lastAgo: 30 * DAYS, component: 'cert-manager-challenges' }),
      event({ on: ref('Challenge', 'storefront-tls-1-2871664093-1754436152'), type: 'Normal', reason: 'Presented', message: 'Presented challenge using HTTP-01 challenge mechanism', count: 3, firstAgo: 30 * DAYS, lastAgo: 29 * DAYS, component: 'cert-manager-challenges' }),
      event({ on: ref('Ingress', 'storefront'), type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', count: 14, firstAgo: 3 * DAYS, lastAgo: 55, component: 'nginx-ingress-controller' }),
      ...startedAt(podOf(other, 0), 'app', `${ECR}/${ns}/storefront-bff:2.0.5`, 70),
    ],
    logs: [
      logsFor(cmPod, 'cert-manager-controller', { current: lines(...cmLog) }),
      logsFor(solver, 'acmesolver', { current: lines(`I${klogTime(29 * DAYS - 0.1)}       1 solver.go:39] "starting listener" logger="cert-manager.acmesolver" expected_domain="shop.acme-retail.com" expected_token="Xr3p0vKq8mJ2uTzL5bN9cWf1sYhA6gDe4iOjQ7aRnM" expected_key="Xr3p0vKq8mJ2uTzL5bN9cWf1sYhA6gDe4iOjQ7aRnM.kP2vQ9x" listen_port=8089`) }),
      logsFor(bffPod, 'app', { current: lines(...bffLog) }),
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/expired|certificate|cert-manager|acme|HTTP-01|solver|default-deny/i],
      facts: [/default-deny-ingress|NetworkPolicy/i, /acme|http-?01|solver|8089/i, /expired/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /storefront-bff[^\n]*(caus|broke|roll)/i],
    },
  };
}

// ---- 3. a claim cloned across StorageClasses: ProvisioningFailed, the new pod Pending --------------

function cloneAcrossStorageClasses(): CorpusScenario {
  const ns = 'reporting';
  const aks = [0, 1, 2].map((i) => node({ name: `aks-stateful-27841193-vmss00000${i}`, zone: `westeurope-${i + 1}`, instanceType: 'Standard_E8ds_v5', pool: 'stateful', labels: { 'kubernetes.azure.com/agentpool': 'stateful' }, createdAgo: 44 * DAYS }));
  const names = aks.map(nameOf);
  const pgImage = 'docker.io/bitnami/postgresql:16.4.0-debian-12-r14';
  const pgTpl = (name: string) => ({ containers: [container({ name: 'postgresql', image: pgImage, ports: [{ name: 'tcp-postgresql', containerPort: 5432 }], cpu: '1', memory: '4Gi', env: [{ name: 'POSTGRESQL_DATABASE', value: 'reports' }, { name: 'PGDATA', value: '/bitnami/postgresql/data' }], readiness: { exec: { command: ['/bin/sh', '-c', 'exec pg_isready -U postgres -h 127.0.0.1 -p 5432'] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6, successThreshold: 1 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }] })], labels: { 'app.kubernetes.io/instance': name } });
  const main = statefulSetApp({
    namespace: ns, name: 'reports-pg', replicas: 1, serviceName: 'reports-pg-hl', createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: pgTpl('reports-pg') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'managed-csi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 19 * DAYS }],
  });
  const unsched = 'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data-reports-pg-sandbox-0"';
  const sandbox = statefulSetApp({
    namespace: ns, name: 'reports-pg-sandbox', replicas: 1, serviceName: 'reports-pg-sandbox-hl', createdAgo: 34,
    revisions: [{ revision: 1, createdAgo: 34, template: pgTpl('reports-pg-sandbox') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'managed-csi-premium' }],
    pods: [{ revision: 1, ordinal: 0, node: null, createdAgo: 34, unschedulable: unsched, containers: { postgresql: waiting('ContainerCreating') } }],
  });
  const disk = (n: string) => ({ driver: 'disk.csi.azure.com', volumeHandle: `/subscriptions/7c1e9a42-0000-4000-a000-1f3e5b7d9c20/resourceGroups/mc_rg-prod_aks-prod_westeurope/providers/Microsoft.Compute/disks/${n}` });
  const mainVol = volumeOfName(ns, 'data-reports-pg-0');
  const mainClaim = pvc({ namespace: ns, name: 'data-reports-pg-0', storage: '200Gi', storageClass: 'managed-csi', phase: 'Bound', volumeName: mainVol, createdAgo: 200 * DAYS, labels: { 'app.kubernetes.io/instance': 'reports-pg' } });
  mainClaim.metadata = { ...mainClaim.metadata, annotations: { ...mainClaim.metadata?.annotations, 'volume.kubernetes.io/storage-provisioner': 'disk.csi.azure.com', 'volume.beta.kubernetes.io/storage-provisioner': 'disk.csi.azure.com' } };
  const mainPv = pv({ name: mainVol, storage: '200Gi', zone: 'westeurope-1', claim: { namespace: ns, name: 'data-reports-pg-0' }, storageClass: 'managed-csi', createdAgo: 200 * DAYS, csi: disk(mainVol) });
  // Pre-created by the team's runbook so the sandbox starts from a copy of production's data.
  const clone = pvc({ namespace: ns, name: 'data-reports-pg-sandbox-0', storage: '200Gi', storageClass: 'managed-csi-premium', phase: 'Pending', createdAgo: 35, labels: { 'app.kubernetes.io/instance': 'reports-pg-sandbox' }, annotations: { 'volume.kubernetes.io/storage-provisioner': 'disk.csi.azure.com', 'volume.beta.kubernetes.io/storage-provisioner': 'disk.csi.azure.com', 'volume.kubernetes.io/selected-node': names[0] ?? '', 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"annotations":{},"name":"data-reports-pg-sandbox-0","namespace":"reporting"},"spec":{"accessModes":["ReadWriteOnce"],"dataSource":{"kind":"PersistentVolumeClaim","name":"data-reports-pg-0"},"resources":{"requests":{"storage":"200Gi"}},"storageClassName":"managed-csi-premium"}}\n' } });
  clone.spec = { ...clone.spec, dataSource: { kind: 'PersistentVolumeClaim', name: 'data-reports-pg-0' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'data-reports-pg-0' } };
  const other = bystander(ns, 'report-renderer', names, 90, { revisions: [12, 13], versions: ['1.7.2', '1.8.0'], olderAgo: 15 * DAYS });
  const sbPod = podOf(sandbox, 0);
  const provErr = `failed to provision volume with StorageClass "managed-csi-premium": error getting handle for DataSource Type PersistentVolumeClaim by Name data-reports-pg-0: the source PVC and destination PVCs must be in the same storage class for cloning.  Source is in managed-csi, but new PVC is in managed-csi-premium`;
  return {
    id: 'heldout52-pvc-clone-across-storageclasses',
    class: 'storage',
    truth: 'Thirty-five minutes ago the reporting team created a sandbox Postgres (StatefulSet reports-pg-sandbox) from a copy of production: they pre-created its claim data-reports-pg-sandbox-0 with dataSource data-reports-pg-0 (a CSI clone), but in StorageClass managed-csi-premium while the source claim is in managed-csi. The Azure Disk CSI external-provisioner refuses cross-class clones (ProvisioningFailed: "the source PVC and destination PVCs must be in the same storage class for cloning"), so the claim stays Pending and reports-pg-sandbox-0 can never be scheduled. Production reports-pg is unaffected. Fix: recreate the claim in managed-csi (or clone via a snapshot), then let the pod start.',
    ask: { service: 'reports-pg-sandbox', namespace: ns },
    objects: [
      ...aks, ...main.objects, ...sandbox.objects, ...other.objects, mainClaim, mainPv, clone,
      ...exposed({ namespace: ns, name: 'reports-pg-hl', selector: { app: 'reports-pg' }, pods: main.pods, headless: true, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'reports-pg-sandbox-hl', selector: { app: 'reports-pg-sandbox' }, pods: sandbox.pods, headless: true, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 90),
      event({ on: { kind: 'StatefulSet', name: 'reports-pg-sandbox', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod reports-pg-sandbox-0 in StatefulSet reports-pg-sandbox successful', firstAgo: 34, lastAgo: 34, component: 'statefulset-controller' }),
      event({ on: clone, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 35, lastAgo: 34.2, count: 3, component: 'persistentvolume-controller' }),
      event({ on: clone, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/data-reports-pg-sandbox-0"`, count: 14, firstAgo: 33.9, lastAgo: 1.4, component: 'disk.csi.azure.com_csi-azuredisk-controller-6f8d7b9c4-2lqzj_4e7a1c2b-9d3f-4a8e-b6c1-0f2e3d4c5b6a' }),
      event({ on: clone, reason: 'ProvisioningFailed', message: provErr, count: 14, firstAgo: 33.9, lastAgo: 1.4, component: 'disk.csi.azure.com_csi-azuredisk-controller-6f8d7b9c4-2lqzj_4e7a1c2b-9d3f-4a8e-b6c1-0f2e3d4c5b6a' }),
      event({ on: clone, type: 'Normal', reason: 'ExternalProvisioning', message: 'Waiting for a volume to be created either by the external provisioner \'disk.csi.azure.com\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.', count: 137, firstAgo: 33.9, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: sbPod, reason: 'FailedScheduling', message: unsched, count: 11, firstAgo: 33.8, lastAgo: 1.3, component: 'default-scheduler' }),
      event({ on: podOf(main, 0), reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - no response', count: 2, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS, fieldPath: 'spec.containers{postgresql}' }),
    ],
    logs: [
      logsFor(podOf(main, 0), 'postgresql', { current: lines(
        `${at(52).replace('T', ' ').replace('Z', ' GMT')} [1902211] LOG:  checkpoint starting: time`,
        `${at(49.4).replace('T', ' ').replace('Z', ' GMT')} [1902211] LOG:  checkpoint complete: wrote 8712 buffers (6.6%); 0 WAL file(s) added, 0 removed, 4 recycled; write=155.112 s, sync=0.041 s, total=155.190 s; sync files=211, longest=0.004 s, average=0.001 s; distance=61212 kB, estimate=70110 kB; lsn=2F/9A1C3E08, redo lsn=2F/96F0A1B0`,
        `${at(21).replace('T', ' ').replace('Z', ' GMT')} [2211790] LOG:  duration: 1843.221 ms  statement: SELECT region, sum(amount) FROM report_lines WHERE period = '2026-10' GROUP BY 1`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/clon|dataSource|storage ?class|managed-csi|ProvisioningFailed|data-reports-pg-sandbox-0/i],
      facts: [/same storage class|managed-csi-premium/i, /data-reports-pg-0/, /Pending/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(quota|capacity|insufficient (cpu|memory))/i, /report-renderer/, /zone|topology/i],
    },
  };
}

function volumeOfName(namespace: string, claim: string): string {
  return `pvc-${uidOf(`pvc/${namespace}/${claim}`)}`;
}

// ---- 4. maxUnavailable 100%: every pod replaced at once through a slow warm-up ----------------------

function maxUnavailableHundredPercent(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '118', '204']);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '3Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC' }, { name: 'INDEX_SNAPSHOT_URI', value: 's3://acme-search-snapshots/catalog/latest' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 600, periodSeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' as unknown as k8s.IntOrString, maxUnavailable: '100%' as unknown as k8s.IntOrString } },
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: search-api 12.4.0', template: tpl('12.4.0') },
      { revision: 58, createdAgo: 31, changeCause: 'argocd: search-api 12.5.0 (values: rollout speed-up)', template: tpl('12.5.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 31 - k * 0.02, containers: { app: running({ sinceAgo: 30.8 }) } })),
    settled: { available: true, availableSince: 22.6, progressingSince: 31, progressingUpdatedAgo: 22.4 },
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  dep.metadata = { ...dep.metadata, managedFields: [{ manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(31), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:strategy': { 'f:rollingUpdate': { 'f:maxSurge': {}, 'f:maxUnavailable': {} } }, 'f:template': {} } } }] };
  const other = bystander(ns, 'search-indexer', names, 3 * HOURS, { revisions: [40, 41], versions: ['4.2.0', '4.2.1'], olderAgo: 20 * DAYS });
  const gw = deploymentApp({
    namespace: ns, name: 'search-gateway', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', ports: [8080], cpu: '200m', memory: '256Mi', readiness: httpProbe('/ready', 9901), liveness: null })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  const gwLog = (k: number) => {
    const out: string[] = [`[${at(35 - k)}] "GET /v3/search?q=winter+jacket HTTP/1.1" 200 - via_upstream - "-" 0 48211 41 40 "10.0.140.9" "Mozilla/5.0" "${uidOf(`g/${k}/a`)}" "search.acme-retail.com" "10.0.141.77:8080"`];
    for (let i = 0; i < 16; i++) {
      const t = 30.7 - i * 0.5 - k * 0.07;
      out.push(`[${at(t)}] "GET /v3/search?q=${['boots', 'rain+coat', 'scarf', 'gloves'][i % 4]} HTTP/1.1" 503 UH no_healthy_upstream - "-" 0 19 0 - "10.0.140.9" "Mozilla/5.0" "${uidOf(`g/${k}/${i}`)}" "search.acme-retail.com" "-"`);
    }
    out.push(`[${at(21.9)}] "GET /v3/search?q=boots HTTP/1.1" 200 - via_upstream - "-" 0 51022 388 387 "10.0.140.9" "Mozilla/5.0" "${uidOf(`g/${k}/z`)}" "search.acme-retail.com" "10.0.144.12:8080"`);
    out.push(`[${at(0.5)}] "GET /v3/search?q=hat HTTP/1.1" 200 - via_upstream - "-" 0 30110 36 35 "10.0.140.9" "Mozilla/5.0" "${uidOf(`g/${k}/y`)}" "search.acme-retail.com" "10.0.144.12:8080"`);
    return lines(...out);
  };
  const appLog = (k: number) => lines(
    `${at(30.6)} INFO 1 --- [main] c.a.search.SearchApplication : Starting SearchApplication v12.5.0 using Java 21.0.5`,
    `${at(30.2)} INFO 1 --- [main] c.a.search.index.SnapshotLoader : downloading index snapshot s3://acme-search-snapshots/catalog/latest (4.1 GiB)`,
    `${at(26.9 - k * 0.1)} INFO 1 --- [main] c.a.search.index.SnapshotLoader : snapshot downloaded in 198.4 s, opening 24 segments`,
    `${at(24.1 - k * 0.1)} INFO 1 --- [main] c.a.search.index.Warmer : warming caches with 5000 recorded queries`,
    `${at(22.8 - k * 0.1)} INFO 1 --- [main] c.a.search.SearchApplication : Started SearchApplication in 466.2 seconds (process running for 468.0)`,
    `${at(22.7 - k * 0.1)} INFO 1 --- [main] o.s.b.a.availability.ApplicationAvailabilityBean : Application availability state ReadinessState changed to ACCEPTING_TRAFFIC`,
    `${at(1.2)} WARN 1 --- [http-nio-8080-exec-4] c.a.search.query.QueryParser : ignoring unknown facet "colour" (did you mean "color")`,
  );
  return {
    id: 'heldout52-max-unavailable-100-percent-rollout-outage',
    class: 'rollout',
    truth: 'Revision 58 of search-api (argocd, 31 minutes ago, "rollout speed-up" values) changed the Deployment\'s rolling update to maxUnavailable: 100%. The controller scaled the old ReplicaSet from 4 to 0 at the same moment it created four new pods, and each search-api pod needs ~8 minutes to download and warm its index before it is ready: for about 8 minutes the search-api Service had no ready endpoint and search-gateway answered 503 no_healthy_upstream. The new version itself is fine and the pods are all ready now. Fix: set maxUnavailable back to 0 (or 25%) with a maxSurge; a rollback now would repeat the outage under the same strategy.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...gw.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      ...exposed({ namespace: ns, name: 'search-gateway', selector: { app: 'search-gateway' }, pods: gw.pods }),
      scaledReplicaSet(dep, rsOf(app, 57), 0, 4, 31),
      scaledReplicaSet(dep, rsOf(app, 58), 4, 0, 31),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 46, firstAgo: 30.5, lastAgo: 22.8 })),
      ...app.pods.map((p) => scheduled(p, 31)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...gw.pods.map((p, k) => logsFor(p, 'envoy', { current: gwLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maxUnavailable|100 ?%|all (4 )?pods|every pod|no (ready )?endpoints?|at once|simultaneous/i],
      facts: [/maxUnavailable/i, /100 ?%/, /503|no_healthy_upstream|no (ready )?endpoints?|outage/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /search-indexer/, /liveness/i],
    },
  };
}

// ---- 5. Spark executors OOMKilled by off-heap memory beyond memoryOverhead -----------------------

function sparkExecutorsOverhead(): CorpusScenario {
  const ns = 'data-eng';
  const { nodes, names } = threeEksNodes('10.0.160', ['40', '99', '187']);
  const jobImage = (v: string) => `${ECR}/data/sessionize:${v}`;
  const conf = configMap({
    namespace: ns, name: 'sessionize-spark-conf', createdAgo: 150 * DAYS, updatedAgo: 2 * DAYS,
    data: {
      'spark-defaults.conf': [
        'spark.master                                   k8s://https://kubernetes.default.svc',
        'spark.submit.deployMode                        client',
        'spark.kubernetes.namespace                     data-eng',
        `spark.kubernetes.container.image               ${jobImage('2.6.0')}`,
        'spark.executor.instances                       8',
        'spark.executor.cores                           4',
        'spark.executor.memory                          12g',
        'spark.executor.memoryOverhead                  1228m',
        'spark.kubernetes.executor.deleteOnTermination  false',
        'spark.sql.shuffle.partitions                   800',
        'spark.sql.execution.arrow.pyspark.enabled      true',
        'spark.sql.execution.arrow.maxRecordsPerBatch   50000',
        'spark.task.maxFailures                         4',
        '',
      ].join('\n'),
    },
  });
  const driverTpl = { containers: [batchContainer({ name: 'spark-driver', image: jobImage('2.6.0'), command: ['/opt/spark/bin/spark-submit'], args: ['--properties-file', '/etc/spark/spark-defaults.conf', 'local:///app/jobs/sessionize.py', '--date', '2026-11-20'], cpu: '2', memory: '6Gi', volumeMounts: [{ name: 'conf', mountPath: '/etc/spark' }] })], volumes: [{ name: 'conf', configMap: { name: 'sessionize-spark-conf' } }], serviceAccountName: 'spark' };
  const cron = cronJob({
    namespace: ns, name: 'sessionize-daily', schedule: '0 2 * * *', template: driverTpl, backoffLimit: 0, createdAgo: 150 * DAYS, lastSuccessfulAgo: 2 * DAYS - 40,
    jobs: [{ createdAgo: 74, pods: [{ node: names[0] ?? '', createdAgo: 74 }] }],
  });
  const driverJob = cron.jobs[0];
  if (driverJob === undefined) throw new Error('no job');
  const driver = podOf(driverJob, 0);
  const driverIp = ipOfPod(driver);
  const execOwner = { namespace: ns, kind: 'Pod', name: nameOf(driver), uid: driver.metadata?.uid ?? '', labels: { 'spark-app-selector': 'spark-4b1e0c9a27f34d1a8e0f5c6d7a8b9c0d', 'spark-role': 'executor', 'spark-app-name': 'sessionize-daily' } };
  const execC = container({ name: 'spark-kubernetes-executor', image: jobImage('2.6.0'), args: ['executor'], ports: [{ name: 'blockmanager', containerPort: 7079 }], cpu: '4', memory: '13516Mi', readiness: null, liveness: null });
  const oom = (i: number, finishedAgo: number) => ({ 'spark-kubernetes-executor': { state: exited({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds: 1400 + i * 37 }, `exec-${i}`), ready: false, restartCount: 0, started: false } });
  const lost = [[3, 41], [6, 33], [1, 24], [9, 15], [11, 6]] as const;
  const executors: k8s.V1Pod[] = [];
  for (let i = 1; i <= 13; i++) {
    const dead = lost.find(([id]) => id === i);
    // Executors 1–8 at start; each later one replaces a lost executor a few seconds after the loss.
    const createdAgo = i <= 8 ? 72 : (lost[i - 9]?.[1] ?? 1) - 0.1;
    const p = buildPod({ ...execOwner, labels: { ...execOwner.labels, 'spark-exec-id': String(i) } }, { containers: [execC] }, `sessionize-daily-8f3c2a91d4e5b6c7-exec-${i}`, {
      node: names[i % 3] ?? '', createdAgo,
      ...(dead ? { phase: 'Failed' as const, ready: false, containers: oom(i, dead[1]) } : {}),
    });
    p.metadata = { ...p.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: nameOf(driver), uid: driver.metadata?.uid ?? '', controller: true }] };
    if (p.spec) p.spec = { ...p.spec, restartPolicy: 'Never', hostname: `sessionize-daily-8f3c2a91d4e5b6c7-exec-${i}` };
    executors.push(p);
  }
  const driverLog: string[] = [
    `${sparkTime(73.5)} INFO SparkContext: Running Spark version 3.5.3`,
    `${sparkTime(73.4)} INFO ResourceUtils: ==============================================================`,
    `${sparkTime(73.2)} INFO ExecutorPodsAllocator: Going to request 8 executors from Kubernetes for ResourceProfile Id: 0, target: 8, known: 0, sharedSlotFromPendingPods: 2147483647.`,
    `${sparkTime(73.1)} INFO BasicExecutorFeatureStep: Decommissioning not enabled, skipping shutdown script`,
    `${sparkTime(70.9)} INFO KubernetesClusterSchedulerBackend$KubernetesDriverEndpoint: Registered executor NettyRpcEndpointRef(spark-client://Executor) (10.0.161.21:44118) with ID 1,  ResourceProfileId 0`,
    `${sparkTime(62)} WARN package: Truncated the string representation of a plan since it was too large. This behavior can be adjusted by setting 'spark.sql.debug.maxToStringFields'.`,
    `${sparkTime(58.2)} INFO DAGScheduler: Submitting ShuffleMapStage 3 (MapPartitionsRDD[41] at applyInPandas at sessionize.py:212), which has no missing parents`,
  ];
  let stageAttempt = 0;
  for (const [id, when] of lost) {
    driverLog.push(`${sparkTime(when)} ERROR TaskSchedulerImpl: Lost executor ${id} on 10.0.16${id % 3}.${30 + id}: The executor with id ${id} exited with exit code 137(SIGKILL, possible container OOM).`);
    driverLog.push(`\n\n\nThe API gave the following container statuses:\n\n\n\t container name: spark-kubernetes-executor\n\t container image: ${jobImage('2.6.0')}\n\t container state: terminated\n\t container started at: ${at(when + 24)}\n\t container finished at: ${at(when)}\n\t exit code: 137\n\t termination reason: OOMKilled\n      `);
    for (let t = 0; t < 3; t++) driverLog.push(`${sparkTime(when - 0.01)} WARN TaskSetManager: Lost task ${112 + id * 7 + t}.${stageAttempt} in stage 3.${stageAttempt} (TID ${2200 + id * 31 + t}) (10.0.16${id % 3}.${30 + id} executor ${id}): ExecutorLostFailure (executor ${id} exited caused by one of the running tasks) Reason: The executor with id ${id} exited with exit code 137(SIGKILL, possible container OOM).`);
    driverLog.push(`${sparkTime(when - 0.02)} INFO DAGScheduler: Resubmitting ShuffleMapStage 3 (MapPartitionsRDD[41] at applyInPandas at sessionize.py:212) due to fetch failure`);
    driverLog.push(`${sparkTime(when - 0.03)} INFO ExecutorPodsAllocator: Going to request 1 executors from Kubernetes for ResourceProfile Id: 0, target: 8, known: 7, sharedSlotFromPendingPods: 2147483647.`);
    stageAttempt += 1;
  }
  driverLog.push(`${sparkTime(2)} INFO TaskSetManager: Starting task 388.${stageAttempt} in stage 3.${stageAttempt} (TID 4102) (10.0.162.44, executor 13, partition 388, NODE_LOCAL, 9122 bytes)`);
  const execLog = (i: number) => lines(
    `${sparkTime(40)} INFO Executor: Running task 201.4 in stage 3.4 (TID 3511)`,
    `[${at(38)}][info][gc] GC(412) Pause Young (Normal) (G1 Evacuation Pause) 7211M->3904M(12288M) 61.223ms`,
    `[${at(22)}][info][gc] GC(587) Pause Young (Normal) (G1 Evacuation Pause) 6980M->3811M(12288M) 58.417ms`,
    `${sparkTime(20)} INFO PythonRunner: Times: total = 412211, boot = 211, init = 1022, finish = 410978`,
    `${sparkTime(9)} WARN BlockManager: Block rdd_41_${300 + i} could not be removed as it was not found on disk or in memory`,
    `[${at(3)}][info][gc] GC(711) Pause Young (Normal) (G1 Evacuation Pause) 7102M->3967M(12288M) 60.001ms`,
  );
  const other = bystander(ns, 'feature-store-api', names, 55, { revisions: [19, 20], versions: ['0.14.1', '0.14.2'], olderAgo: 9 * DAYS });
  const liveExec = executors.filter((p) => p.status?.phase === 'Running');
  return {
    id: 'heldout52-spark-executors-oomkilled-memory-overhead',
    class: 'jobs',
    truth: 'The nightly sessionize-daily Spark job (image 2.6.0 since two days ago) now runs its sessionization step as a pandas UDF (applyInPandas, Arrow batches of 50000 records). Each executor pod gets a memory limit of spark.executor.memory 12g + spark.executor.memoryOverhead 1228m (13516Mi), but the Python workers and Arrow buffers live outside the JVM heap and count only against the overhead: executors are OOMKilled (exit 137) by the cgroup while their G1 heap sits at ~4 GiB of 12 GiB. The driver logs ExecutorLostFailure, requests replacement executors and resubmits stage 3 over and over (five executors lost in 40 minutes); the run is far past its usual duration. Fix: raise spark.executor.memoryOverhead (or set spark.executor.pyspark.memory / smaller Arrow batches), not the heap.',
    ask: { service: 'sessionize-daily', namespace: ns },
    objects: [
      ...nodes, conf, ...cron.objects, ...executors, ...other.objects,
      ...exposed({ namespace: ns, name: 'feature-store-api', selector: { app: 'feature-store-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 55),
      ...startedAt(driver, 'spark-driver', jobImage('2.6.0'), 74),
    ],
    logs: [
      logsFor(driver, 'spark-driver', { current: lines(...driverLog) }),
      ...liveExec.slice(0, 3).map((p, i) => logsFor(p, 'spark-kubernetes-executor', { current: execLog(i) })),
      ...executors.filter((p) => p.status?.phase === 'Failed').slice(0, 2).map((p, i) => logsFor(p, 'spark-kubernetes-executor', { current: execLog(i + 5) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/memoryOverhead|overhead|off-?heap|OOM ?Kill|exit(ed)? (with )?(exit )?code 137|\b137\b/i],
      facts: [/executor/i, /memoryOverhead|overhead|off-?heap|pandas|python|arrow/i, /ExecutorLostFailure|lost executor|resubmit|retr/i],
      never: [/heap (is )?(exhausted|full)|java\.lang\.OutOfMemoryError|raise spark\.executor\.memory\b(?!Overhead)/i, /feature-store-api/, /node[^\n]*(memory ?pressure|evict)/i],
    },
  };
}

// ---- 6. Redis Sentinel master set renamed; clients still ask for "mymaster" ------------------------

function sentinelMasterRenamed(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.176', ['17', '102', '240']);
  const redisImage = 'docker.io/bitnami/redis:7.4.1-debian-12-r2';
  const sentinelImage = 'docker.io/bitnami/redis-sentinel:7.4.1-debian-12-r2';
  const redisTpl = (master: string) => ({
    containers: [
      container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi', readiness: { exec: { command: ['sh', '-c', '/health/ping_readiness_local.sh 1'] }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5, successThreshold: 1 }, liveness: null }),
      container({ name: 'sentinel', image: sentinelImage, ports: [{ name: 'redis-sentinel', containerPort: 26379 }], cpu: '50m', memory: '128Mi', env: [{ name: 'REDIS_MASTER_SET', value: master }, { name: 'REDIS_SENTINEL_QUORUM', value: '2' }], readiness: { exec: { command: ['sh', '-c', '/health/ping_sentinel.sh 1'] }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5, successThreshold: 1 }, liveness: null }),
    ],
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'session-redis-node', replicas: 3, serviceName: 'session-redis-headless', createdAgo: 300 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 70 * DAYS, template: redisTpl('mymaster') },
      { revision: 7, createdAgo: 52, template: redisTpl('sessions-master') },
    ],
    pods: [2, 1, 0].map((o, k) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 51 - k * 1.6 })).reverse(),
  });
  const sentinelConf = configMap({
    namespace: ns, name: 'session-redis-configuration', createdAgo: 300 * DAYS, updatedAgo: 52,
    data: {
      'master.conf': 'dir /data\nrename-command FLUSHDB ""\nrename-command FLUSHALL ""\n',
      'redis.conf': 'appendonly yes\nsave ""\nmaxmemory 768mb\nmaxmemory-policy volatile-lru\n',
      'replica.conf': 'dir /data\nslave-read-only yes\n',
      'sentinel.conf': 'dir "/tmp"\nport 26379\nsentinel monitor sessions-master session-redis-node-0.session-redis-headless.sessions.svc.cluster.local 6379 2\nsentinel down-after-milliseconds sessions-master 60000\nsentinel failover-timeout sessions-master 180000\nsentinel parallel-syncs sessions-master 1\n',
    },
  });
  const apiImage = (v: string) => `${ECR}/sessions/session-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8000], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'REDIS_SENTINELS', value: 'session-redis.sessions.svc.cluster.local:26379' },
        { name: 'REDIS_MASTER_NAME', value: 'mymaster' },
        { name: 'SESSION_TTL_SECONDS', value: '1800' },
      ],
      readiness: httpProbe('/readyz', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'session-api', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 18 * DAYS, changeCause: 'argocd: session-api 3.2.0', template: apiTpl('3.2.0') },
      { revision: 23, createdAgo: 5 * DAYS, changeCause: 'argocd: session-api 3.2.1', template: apiTpl('3.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 5 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 5 * DAYS - k - 0.3, ready: false }) } })),
    settled: { available: false, availableSince: 46.9, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 4 },
  });
  const other = bystander(ns, 'login-ui', names, 35, { revisions: [80, 81], versions: ['6.0.2', '6.0.3'], olderAgo: 4 * DAYS });
  const apiLog = (k: number) => {
    const out: string[] = [`${pyTime(60 + k)} INFO [uvicorn.access] 10.0.176.9:0 - "POST /v1/sessions HTTP/1.1" 201`];
    for (let i = 0; i < 12; i++) {
      const t = 47.4 - i * 3.9 - k * 0.2;
      out.push(`${pyTime(t)} ERROR [session_api.store] session lookup failed`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/session_api/store.py", line 58, in get');
      out.push('    raw = await self._master().get(f"sess:{sid}")');
      out.push('  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/sentinel.py", line 289, in discover_master');
      out.push(`    raise MasterNotFoundError(f"No master found for {service_name!r}{error_info}")`);
      out.push(`redis.exceptions.MasterNotFoundError: No master found for 'mymaster' : Sentinel('10.0.176.${50 + (i % 3)}', 26379) - ResponseError: ERR No such master with that name`);
      out.push(`${pyTime(t - 0.01)} INFO [uvicorn.access] 10.0.176.9:0 - "GET /v1/sessions/current HTTP/1.1" 503`);
      out.push(`${pyTime(t - 0.02)} INFO [uvicorn.access] 10.0.176.${100 + k}:0 - "GET /readyz HTTP/1.1" 503`);
    }
    return lines(...out);
  };
  const sentinelLog = (o: number, s0: number) => lines(
    `1:X ${redisTime(s0)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:X ${redisTime(s0)} # Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:X ${redisTime(s0 - 0.1)} * Running mode=sentinel, port=26379.`,
    `1:X ${redisTime(s0 - 0.1)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:X ${redisTime(s0 - 0.1)} * Sentinel new configuration saved on disk`,
    `1:X ${redisTime(s0 - 0.1)} # Sentinel ID is ${uidOf(`sentinel/${o}`).replace(/-/g, '').slice(0, 40)}`,
    `1:X ${redisTime(s0 - 0.1)} # +monitor master sessions-master 10.0.176.${60} 6379 quorum 2`,
    `1:X ${redisTime(s0 - 0.7)} * +slave slave 10.0.176.${61}:6379 10.0.176.61 6379 @ sessions-master 10.0.176.60 6379`,
    `1:X ${redisTime(s0 - 1.0)} * +sentinel sentinel ${uidOf(`sentinel/${(o + 1) % 3}`).replace(/-/g, '').slice(0, 40)} 10.0.176.${50 + ((o + 1) % 3)} 26379 @ sessions-master 10.0.176.60 6379`,
  );
  return {
    id: 'heldout52-redis-sentinel-master-renamed-clients-mymaster',
    class: 'config',
    truth: 'A Helm upgrade of the session-redis chart 52 minutes ago changed sentinel.masterSet from "mymaster" to "sessions-master" (session-redis-configuration ConfigMap, StatefulSet session-redis-node revision 7). The Sentinels restarted monitoring only "sessions-master", but session-api still asks for "mymaster" (REDIS_MASTER_NAME): every Sentinel answers "ERR No such master with that name", redis-py raises MasterNotFoundError "No master found for \'mymaster\'", session lookups return 503 and all session-api pods went unready (no endpoints) about 48 minutes ago. Redis itself is healthy. Fix: set REDIS_MASTER_NAME to sessions-master (or restore the old master set name).',
    ask: { service: 'session-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, sentinelConf, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis-node' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }, { name: 'tcp-sentinel', port: 26379, targetPort: 26379 }], endpointPort: 26379 }),
      ...exposed({ namespace: ns, name: 'session-redis-headless', selector: { app: 'session-redis-node' }, pods: redis.pods, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'login-ui', selector: { app: 'login-ui' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 81), 2, 0, 35),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 281, firstAgo: 47.3, lastAgo: 0.1 })),
      ...redis.pods.map((p, o) => event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: Could not connect to Redis at localhost:6379: Connection refused', count: 2, firstAgo: 47.7 + (2 - o) * 1.6, lastAgo: 47.6 + (2 - o) * 1.6, fieldPath: 'spec.containers{redis}' })),
      event({ on: { kind: 'StatefulSet', name: 'session-redis-node', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod session-redis-node-2 in StatefulSet session-redis-node successful', firstAgo: 52, lastAgo: 52, component: 'statefulset-controller' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...redis.pods.map((p, o) => logsFor(p, 'sentinel', { current: sentinelLog(o, (p.metadata?.creationTimestamp ? (Date.parse(at(0)) - new Date(p.metadata.creationTimestamp).getTime()) / 60000 : 50) - 0.2) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mymaster|sessions-master|master ?(set|name)|Sentinel/i],
      facts: [lit('mymaster'), lit('sessions-master'), /No master found|No such master/i],
      never: [/\bOOM/, /login-ui/, /session-api[^\n]*(3\.2\.1|revision 23)[^\n]*(caus|broke)/i, /redis[^\n]*(down|crash)/i],
    },
  };
}

// ---- 7. healthy: one OTel exporter UNAVAILABLE burst during the collector rollout, Metaspace GC lines

function healthyOtelBurstMetaspace(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.190', ['11', '128', '250']);
  const image = (v: string) => `${ECR}/pricing/price-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-javaagent:/otel/opentelemetry-javaagent.jar -Xlog:gc*,gc+metaspace=info:stdout:time,level,tags' },
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
        { name: 'OTEL_SERVICE_NAME', value: 'price-engine' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'price-engine', replicas: 3,
    revisions: [
      { revision: 71, createdAgo: 16 * DAYS, changeCause: 'argocd: price-engine 9.12.0', template: tpl('9.12.0') },
      { revision: 72, createdAgo: 4 * DAYS, changeCause: 'argocd: price-engine 9.12.1', template: tpl('9.12.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 72, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 5, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 5 },
  });
  const collector = deploymentApp({
    namespace: 'observability', name: 'otel-collector', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0 as unknown as k8s.IntOrString, maxUnavailable: 1 as unknown as k8s.IntOrString } },
    revisions: [
      { revision: 14, createdAgo: 30 * DAYS, changeCause: 'helm: opentelemetry-collector 0.108.0', template: { containers: [container({ name: 'otel-collector', image: 'docker.io/otel/opentelemetry-collector-contrib:0.111.0', ports: [{ name: 'otlp', containerPort: 4317 }], cpu: '500m', memory: '1Gi', readiness: httpProbe('/', 13133), liveness: httpProbe('/', 13133) })] } },
      { revision: 15, createdAgo: 2 * HOURS + 4, changeCause: 'helm: opentelemetry-collector 0.110.3', template: { containers: [container({ name: 'otel-collector', image: 'docker.io/otel/opentelemetry-collector-contrib:0.114.0', ports: [{ name: 'otlp', containerPort: 4317 }], cpu: '500m', memory: '1Gi', readiness: httpProbe('/', 13133), liveness: httpProbe('/', 13133) })] } },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 2 * HOURS + 4 }, { revision: 15, node: names[2] ?? '', createdAgo: 2 * HOURS + 2.5 }],
    settled: { available: true, availableSince: 2 * HOURS + 1, progressingSince: 2 * HOURS + 4, progressingUpdatedAgo: 2 * HOURS + 1 },
  });
  const other = bystander(ns, 'promo-rules', names, 3 * HOURS + 10, { revisions: [5, 6], versions: ['1.3.0', '1.3.1'], olderAgo: 30 * DAYS });
  const jt = (m: number) => at(m).replace('Z', '+0000');
  const appLog = (k: number) => {
    const out: string[] = [];
    out.push(`${at(2 * HOURS + 30)}  INFO 1 --- [nio-8080-exec-7] c.a.pricing.api.QuoteController        : quote sku=SKU-1182 region=EU price=42.90 took=11ms`);
    for (let i = 0; i < 5; i++) {
      out.push(`[${jt(2 * HOURS + 3.8 - i * 0.4 - k * 0.05)}] [OkHttp http://otel-collector.observability.svc.cluster.local:4317/...] ERROR io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. Server is UNAVAILABLE. Make sure your collector is running and reachable from this network. Full error message:UNAVAILABLE`);
    }
    out.push(`[${jt(2 * HOURS + 1.6 - k * 0.05)}] [OkHttp http://otel-collector.observability.svc.cluster.local:4317/...] ERROR io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export metrics. Server is UNAVAILABLE. Make sure your collector is running and reachable from this network. Full error message:UNAVAILABLE`);
    for (let i = 0; i < 8; i++) {
      const t = 110 - i * 14 - k;
      const gc = 8800 + i * 13 + k * 100;
      out.push(`[${jt(t)}][info][gc,start    ] GC(${gc}) Pause Young (Normal) (G1 Evacuation Pause)`);
      out.push(`[${jt(t)}][info][gc,metaspace] GC(${gc}) Metaspace: 142311K(143616K)->142311K(143616K) NonClass: 124502K(125248K)->124502K(125248K) Class: 17809K(18368K)->17809K(18368K)`);
      out.push(`[${jt(t)}][info][gc          ] GC(${gc}) Pause Young (Normal) (G1 Evacuation Pause) 1012M->398M(1434M) 9.811ms`);
      out.push(`${at(t - 0.3)}  INFO 1 --- [nio-8080-exec-${i + 1}] c.a.pricing.api.QuoteController        : quote sku=SKU-${2000 + i * 7} region=EU price=${(19.9 + i).toFixed(2)} took=${9 + i}ms`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout52-healthy-otel-export-burst-metaspace-gc',
    class: 'healthy',
    truth: 'price-engine is healthy: three ready pods of revision 72 (4 days old), no restarts, quotes served in ~10 ms. The only ERROR lines are a two-minute burst of OpenTelemetry "Failed to export spans/metrics. Server is UNAVAILABLE" about two hours ago, while the otel-collector Deployment in observability rolled out (maxSurge 0, one pod at a time); exports succeeded again after it. The gc,metaspace lines are routine -Xlog output with Metaspace flat at ~139 MiB. Nothing to do.',
    ask: { service: 'price-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...collector.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'price-engine', selector: { app: 'price-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-rules', selector: { app: 'promo-rules' }, pods: other.pods }),
      ...exposed({ namespace: 'observability', name: 'otel-collector', selector: { app: 'otel-collector' }, pods: collector.pods, ports: [{ name: 'otlp', port: 4317, targetPort: 4317 }], endpointPort: 4317 }),
      scaledReplicaSet(deploymentOf(collector), rsOf(collector, 15), 1, 0, 2 * HOURS + 4),
      scaledReplicaSet(deploymentOf(collector), rsOf(collector, 14), 1, 2, 2 * HOURS + 4),
      scaledReplicaSet(deploymentOf(collector), rsOf(collector, 15), 2, 1, 2 * HOURS + 2.5),
      scaledReplicaSet(deploymentOf(collector), rsOf(collector, 14), 0, 1, 2 * HOURS + 2.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 3 * HOURS + 10),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problem|issue|incident)s?|nothing (to do|wrong)|ok\b|fine/i],
      facts: [/price-engine/i],
      never: [/\bOOM|metaspace (leak|exhaust|pressure)/i, /collector[^\n]*(down|failing|broken)/i, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  registryOnlyNoServiceEntry(),
  defaultDenyBlocksAcmeSolver(),
  cloneAcrossStorageClasses(),
  maxUnavailableHundredPercent(),
  sparkExecutorsOverhead(),
  sentinelMasterRenamed(),
  healthyOtelBurstMetaspace(),
];
