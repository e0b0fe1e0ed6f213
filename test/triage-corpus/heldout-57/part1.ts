// Held-out stories, fifty-seventh round, part one: CoreDNS's Corefile edited to `cache 3600` with a
// one-hour denial TTL, so checkout keeps getting "no such host" for the pricing-v2 Service it looked
// up minutes before that Service was created; a ledger Service whose renewed serving certificate
// (new issuer) is sent without its intermediate, so the Java payouts caller fails PKIX path building
// and a Go reconciler sees "certificate signed by unknown authority"; a Go service whose revision set
// GOMEMLIMIT=460MiB under a ~600 MiB live heap, so the GC runs without pause, CPU is throttled at its
// limit and readiness flaps with no OOMKill; a RabbitMQ vhost limited to 16 connections while the
// consumer Deployment was scaled from 4 to 12 pods of two connections each, so the new pods are
// refused (NOT_ALLOWED) and crash-loop; a quotes-api rollout that removed /v1/quotes, so the
// unchanged checkout gets 404 on every quote and answers 502; a Hazelcast-embedding Java portal
// whose new service account may not read endpoints, so every member starts standalone and sessions
// are lost between pods; and a healthy control: an nginx upload gateway refusing bodies over its
// documented 100 MiB limit with 413.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, coreDns, crashLoop, deploymentApp, event, exposed,
  httpProbe, nameOf, probeFailed, pyTime, running, rsOf, scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, service,
  endpointSliceFor,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Go's log package / logrus text time: `2026-11-21T03:12:41Z`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19) + 'Z';
/** Log4j/Logback default: `2026-11-21 03:12:41.563`. */
const javaTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** RabbitMQ 3.13 log time: `2026-11-21 03:12:41.563000+00:00`. */
const rmqTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '000+00:00');

// ---- 1. CoreDNS negative cache of one hour, Service created after the first lookups --------------

function corednsDenialCache(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.84', ['22', '141', '203']);
  const dns = coreDns(names.map((n) => ({ node: n, createdAgo: 40 * DAYS })));
  const corefile = [
    '.:53 {',
    '    errors',
    '    health {',
    '        lameduck 5s',
    '    }',
    '    ready',
    '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
    '      pods insecure',
    '      fallthrough in-addr.arpa ip6.arpa',
    '    }',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf',
    '    # INFRA-2291: cut upstream QPS to Route 53 resolver (throttling during peak)',
    '    cache 3600 {',
    '        success 9984 3600',
    '        denial 9984 3600',
    '        prefetch 10 1m 10%',
    '    }',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
    '',
  ].join('\n');
  const corednsCm = configMap({ namespace: 'kube-system', name: 'coredns', createdAgo: 210 * DAYS, updatedAgo: 5 * HOURS + 12, data: { Corefile: corefile } });
  const ckImg = (v: string) => `${ECR}/storefront/checkout:${v}`;
  const ckTpl = (v: string, pricing: string, v2: boolean) => ({
    containers: [container({
      image: ckImg(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'PRICING_URL', value: pricing },
        { name: 'CART_URL', value: 'http://cart.storefront.svc.cluster.local' },
        { name: 'FEATURE_PRICING_V2', value: String(v2) },
      ],
      readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout 7.4.2', template: ckTpl('7.4.2', 'http://pricing.storefront.svc.cluster.local', false) },
      { revision: 53, createdAgo: 48, changeCause: 'argocd: checkout 7.5.0 (pricing-v2 cutover)', template: ckTpl('7.5.0', 'http://pricing-v2.storefront.svc.cluster.local', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[k] ?? '', createdAgo: 47 - k })),
    settled: { available: true, availableSince: 44, progressingSince: 48, progressingUpdatedAgo: 44 },
  });
  const pvImg = `${ECR}/storefront/pricing-v2:1.0.0`;
  const pricingV2 = deploymentApp({
    namespace: ns, name: 'pricing-v2', replicas: 2, createdAgo: 31,
    revisions: [{ revision: 1, createdAgo: 31, changeCause: 'argocd: pricing-v2 1.0.0', template: { containers: [container({ image: pvImg, ports: [8080], readiness: httpProbe('/ready', 8080) })] } }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 31 }, { revision: 1, node: names[2] ?? '', createdAgo: 31 }],
  });
  const pricingV2Svc = exposed({ namespace: ns, name: 'pricing-v2', selector: { app: 'pricing-v2' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: pricingV2.pods, createdAgo: 29 });
  const pricing = bystander(ns, 'pricing', names, 9 * DAYS, { revisions: [30, 31], versions: ['5.8.0', '5.8.1'], olderAgo: 30 * DAYS });
  const cart = bystander(ns, 'cart', names, 22, { revisions: [88, 89], versions: ['3.1.4', '3.1.5'], olderAgo: 12 * DAYS });
  const ckSvc = exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods });
  const pSvc = exposed({ namespace: ns, name: 'pricing', selector: { app: 'pricing' }, pods: pricing.pods });
  const cSvc = exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: cart.pods });
  const ckLog = (k: number) => {
    const out: string[] = [
      `{"level":"info","time":"${at(47 - k)}","msg":"checkout 7.5.0 starting","pricingUrl":"http://pricing-v2.storefront.svc.cluster.local","featurePricingV2":true}`,
      `{"level":"info","time":"${at(46.9 - k)}","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 45 - k - i * 3.2;
      if (t < 0.2) break;
      const req = `c${(91_233 + i * 37 + k * 1001).toString(16)}`;
      out.push(`{"level":"error","time":"${at(t)}","msg":"price quote failed","requestId":"${req}","err":"Get \\"http://pricing-v2.storefront.svc.cluster.local/v2/price?cart=${req}\\": dial tcp: lookup pricing-v2.storefront.svc.cluster.local on 172.20.0.10:53: no such host","attempt":3}`);
      out.push(`{"level":"warn","time":"${at(t - 0.01)}","msg":"request","method":"POST","path":"/api/checkout","status":503,"durationMs":${14 + i}}`);
      if (i % 4 === 1) out.push(`{"level":"info","time":"${at(t - 0.5)}","msg":"request","method":"GET","path":"/api/checkout/summary","status":200,"durationMs":${22 + i}}`);
    }
    return lines(...out);
  };
  const dnsLog = (k: number) => lines(
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a0f3c0c1d7e6b2f9e55b0a1c3d4e5f60718293a4b5c6d7e8f90123456789abcdeffedcba9876543210fedcba98765432100123456789abcdef0123456789abcd',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.22.8, a5f8e5d',
    `[INFO] Reloading`,
    `[INFO] plugin/reload: Running configuration SHA512 = 3b91d7e0c2a44f6d8e1b5a09c7f3e2d1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a392817060f1e2d${k}`,
    `[INFO] Reloading complete`,
    `[INFO] 127.0.0.1:39112 - 41022 "HINFO IN 4458123390011223344.5566778899001122334. udp 57 false 512" NXDOMAIN qr,rd,ra 132 0.0021s`,
  );
  const events = [
    ...pricingV2.pods.flatMap((p) => startedNormally(p, 'app', pvImg, 31)),
    scaledReplicaSet(deploymentOf(pricingV2), rsOf(pricingV2, 1), 2, 0, 31),
    scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 53), 3, 0, 48),
    scaledReplicaSet(deploymentOf(checkout), rsOf(checkout, 52), 0, 3, 44),
    ...checkout.pods.flatMap((p, k) => startedNormally(p, 'app', ckImg('7.5.0'), 47 - k)),
    scaledReplicaSet(deploymentOf(cart), rsOf(cart, 89), 2, 0, 22),
    event({ on: podOf(pricing, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.84.77:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 17 * HOURS, lastAgo: 17 * HOURS, fieldPath: 'spec.containers{app}' }),
  ];
  return {
    id: 'heldout57-coredns-denial-cache-hour',
    class: 'network',
    truth: 'The CoreDNS Corefile (kube-system/coredns) was edited five hours ago to `cache 3600` with `denial 9984 3600`; checkout 7.5.0 looked up pricing-v2 before the pricing-v2 Service was created, CoreDNS cached the NXDOMAIN for an hour, so checkout still gets "no such host" although the Service and its endpoints exist.',
    ask: { service: 'checkout', namespace: ns },
    objects: [...nodes, ...dns.objects, corednsCm, ...checkout.objects, ...pricingV2.objects, ...pricingV2Svc, ...pricing.objects, ...cart.objects, ...ckSvc, ...pSvc, ...cSvc, ...events],
    logs: [
      ...checkout.pods.map((p, k) => logsFor(p, 'app', { current: ckLog(k) })),
      ...dns.pods.map((p, k) => logsFor(p, 'coredns', { current: dnsLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cach|denial|negative|NXDOMAIN|TTL/i, /coredns|corefile|dns/i],
      facts: [/pricing-v2/, /3600|one hour|1h/i],
      never: [/NetworkPolicy/, /\bOOM/, /pricing-v2[^\n]*(no (ready )?endpoints|not ready)/i],
    },
  };
}

// ---- 2. renewed serving certificate sent without its intermediate -------------------------------

function leafOnlyChain(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.91', ['17', '128', '230']);
  const payImg = (v: string) => `${ECR}/payments/payouts:${v}`;
  const payouts = deploymentApp({
    namespace: ns, name: 'payouts', replicas: 3,
    revisions: [
      { revision: 24, createdAgo: 19 * DAYS, changeCause: 'argocd: payouts 2.18.0', template: { containers: [container({ image: payImg('2.18.0'), cpu: '500m', memory: '1Gi', env: [{ name: 'LEDGER_URL', value: 'https://ledger.payments.svc.cluster.local:8443' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } },
      { revision: 25, createdAgo: 3 * DAYS, changeCause: 'argocd: payouts 2.18.1', template: { containers: [container({ image: payImg('2.18.1'), cpu: '500m', memory: '1Gi', env: [{ name: 'LEDGER_URL', value: 'https://ledger.payments.svc.cluster.local:8443' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 25, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const ledgerImg = `${ECR}/payments/ledger:9.2.0`;
  const ledger = deploymentApp({
    namespace: ns, name: 'ledger', replicas: 2,
    revisions: [{
      revision: 12, createdAgo: 11 * DAYS, changeCause: 'argocd: ledger 9.2.0',
      template: {
        containers: [
          container({ image: ledgerImg, ports: [{ name: 'https', containerPort: 8443 }], cpu: '500m', memory: '768Mi', env: [{ name: 'TLS_CERT_FILE', value: '/etc/ledger/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/ledger/tls/tls.key' }], volumeMounts: [{ name: 'tls', mountPath: '/etc/ledger/tls', readOnly: true }], readiness: tcpProbe('https'), liveness: tcpProbe('https', { initialDelaySeconds: 10 }) }),
        ],
        volumes: [{ name: 'tls', secret: { secretName: 'ledger-tls', defaultMode: 420 } }],
        annotations: { 'cert-manager.io/issuer-name': 'sectigo-acme', 'cert-manager.io/certificate-name': 'ledger-tls' },
      },
    }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 11 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 11 * DAYS - 1 }],
  });
  const recImg = `${ECR}/payments/reconciler:1.7.3`;
  const reconciler = deploymentApp({
    namespace: ns, name: 'payout-reconciler', replicas: 1,
    revisions: [{ revision: 6, createdAgo: 20 * DAYS, template: { containers: [container({ image: recImg, env: [{ name: 'LEDGER_ADDR', value: 'ledger.payments.svc.cluster.local:8443' }], readiness: httpProbe('/readyz', 8080) })] } }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  const fx = bystander(ns, 'fx-rates', names, 70, { revisions: [40, 41], versions: ['4.0.9', '4.1.0'], olderAgo: 14 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'payouts', selector: { app: 'payouts' }, pods: payouts.pods }),
    ...exposed({ namespace: ns, name: 'ledger', selector: { app: 'ledger' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: ledger.pods, endpointPort: 8443 }),
    ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
  ];
  const renewedAgo = 58;
  const pkix = 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
  const payLog = (k: number) => {
    const out: string[] = [
      `${javaTime(3 * DAYS - k)}  INFO 1 --- [payouts] [           main] c.a.payouts.PayoutsApplication           : Started PayoutsApplication in 21.448 seconds (process running for 23.02)`,
      `${javaTime(70 - k)}  INFO 1 --- [payouts] [   scheduling-1] c.a.payouts.batch.PayoutBatchJob         : payout batch 2026-11-21T02:00 settled=412 failed=0`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = renewedAgo - 4 - k - i * 6;
      if (t < 0.3) break;
      out.push(
        `${javaTime(t)} ERROR 1 --- [payouts] [nio-8080-exec-${(i % 9) + 1}] c.a.payouts.ledger.LedgerClient         : ledger post failed for payout po_${(77_120 + i * 13 + k * 301).toString(36)}`,
        `org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://ledger.payments.svc.cluster.local:8443/v1/entries": ${pkix}`,
        '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)',
        '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)',
        '\tat com.acme.payouts.ledger.LedgerClient.post(LedgerClient.java:88)',
        `Caused by: ${pkix}`,
        '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)',
        '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)',
        '\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1304)',
        'Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
        '\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)',
        '\t... 58 common frames omitted',
        `${javaTime(t - 0.01)}  WARN 1 --- [payouts] [nio-8080-exec-${(i % 9) + 1}] o.s.w.s.m.m.a.ExceptionHandlerExceptionResolver : Resolved [com.acme.payouts.ledger.LedgerUnavailableException: ledger unavailable]`,
      );
    }
    return lines(...out);
  };
  const ledgerLog = (k: number) => lines(
    `{"level":"info","ts":"${at(11 * DAYS - k)}","msg":"tls certificate loaded","file":"/etc/ledger/tls/tls.crt","subject":"CN=ledger.payments.svc.cluster.local","issuer":"CN=R11,O=Let's Encrypt,C=US","not_after":"2026-12-18T09:41:07Z","chain_len":2}`,
    `{"level":"info","ts":"${at(11 * DAYS - k - 0.1)}","msg":"listening","addr":":8443"}`,
    `{"level":"info","ts":"${at(renewedAgo)}","msg":"tls certificate file changed, reloading","file":"/etc/ledger/tls/tls.crt"}`,
    `{"level":"info","ts":"${at(renewedAgo - 0.01)}","msg":"tls certificate loaded","file":"/etc/ledger/tls/tls.crt","subject":"CN=ledger.payments.svc.cluster.local","issuer":"CN=Sectigo Public Server Authentication CA DV R36,O=Sectigo Limited,C=GB","not_after":"2027-11-20T23:59:59Z","chain_len":1}`,
    `http: TLS handshake error from 10.0.91.${40 + k}:51822: remote error: tls: unknown certificate authority`,
    `http: TLS handshake error from 10.0.91.${52 + k}:40214: remote error: tls: bad certificate`,
    `{"level":"info","ts":"${at(2)}","msg":"request","method":"GET","path":"/v1/balances/acct_88213","status":200,"duration_ms":7,"remote":"10.0.14.9:55120"}`,
  );
  const recLog = lines(
    `time="${goTime(50)}" level=error msg="reconcile tick failed" err="Post \\"https://ledger.payments.svc.cluster.local:8443/v1/reconcile\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
    `time="${goTime(35)}" level=error msg="reconcile tick failed" err="Post \\"https://ledger.payments.svc.cluster.local:8443/v1/reconcile\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
    `time="${goTime(20)}" level=error msg="reconcile tick failed" err="Post \\"https://ledger.payments.svc.cluster.local:8443/v1/reconcile\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
    `time="${goTime(5)}" level=error msg="reconcile tick failed" err="Post \\"https://ledger.payments.svc.cluster.local:8443/v1/reconcile\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
  );
  const events = [
    event({ on: podOf(payouts, 1), type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.91.140:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 2, firstAgo: 9 * HOURS, lastAgo: 9 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    scaledReplicaSet(deploymentOf(fx), rsOf(fx, 41), 2, 0, 70),
    event({ on: { kind: 'Pod', name: nameOf(podOf(ledger, 0)), namespace: ns }, type: 'Normal', reason: 'Pulled', message: `Container image "${ledgerImg}" already present on machine`, firstAgo: 11 * DAYS, lastAgo: 11 * DAYS }),
  ];
  return {
    id: 'heldout57-renewed-cert-missing-intermediate',
    class: 'network',
    truth: 'The ledger serving certificate (Secret ledger-tls) was renewed an hour ago from a new issuer (Sectigo DV R36 instead of Let\'s Encrypt R11) and the new tls.crt holds only the leaf, without the intermediate; browsers fetch it by AIA, but payouts (Java) fails "PKIX path building failed" and the Go reconciler "certificate signed by unknown authority". payouts itself did not change.',
    ask: { service: 'payouts', namespace: ns },
    objects: [...nodes, ...payouts.objects, ...ledger.objects, ...reconciler.objects, ...fx.objects, ...svcs, ...events],
    logs: [
      ...payouts.pods.map((p, k) => logsFor(p, 'app', { current: payLog(k) })),
      ...ledger.pods.map((p, k) => logsFor(p, 'app', { current: ledgerLog(k) })),
      logsFor(podOf(reconciler, 0), 'app', { current: recLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/intermediate|chain|PKIX|unknown authority|issuer|certificate|cert\b|tls/i, /ledger/i],
      facts: [/PKIX|unknown authority/i, /ledger-tls|Sectigo|intermediate|chain/i],
      never: [/expired/i, /\bOOM/, ADVISES_ROLLBACK, /fx-rates[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 3. GOMEMLIMIT below the live heap: a GC death spiral without an OOMKill --------------------

function gomemlimitBelowHeap(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.66', ['14', '119', '245']);
  const img = (v: string) => `${ECR}/search/geo-index:${v}`;
  const tpl = (v: string, extraEnv: k8s.V1EnvVar[]) => ({
    containers: [container({
      image: img(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '1', cpuLimit: '1', memory: '512Mi', memoryLimit: '1536Mi',
      env: [
        { name: 'GOGC', value: '100' },
        { name: 'INDEX_SNAPSHOT', value: 's3://acme-search-index/geo/2026-11-20/' },
        ...extraEnv,
      ],
      readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 1, periodSeconds: 5, failureThreshold: 3 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 30, timeoutSeconds: 5, periodSeconds: 20, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'geo-index', replicas: 3,
    revisions: [
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: geo-index 3.9.2', template: tpl('3.9.2', [{ name: 'GODEBUG', value: 'madvdontneed=1' }]) },
      { revision: 20, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: geo-index 3.9.2 (platform: set GOMEMLIMIT from requests)', template: tpl('3.9.2', [{ name: 'GODEBUG', value: 'madvdontneed=1,gctrace=1' }, { name: 'GOMEMLIMIT', value: '460MiB' }]) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 20, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k * 2, ready: k === 1, containers: { app: running({ sinceAgo: 2 * HOURS + 4 - k * 2, ready: k === 1 }) } })),
    settled: { available: false, availableSince: 0.3, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS - 2 },
  });
  const api = bystander(ns, 'search-api', names, 3 * HOURS, { revisions: [61, 62], versions: ['8.2.0', '8.3.0'], olderAgo: 6 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'geo-index', selector: { app: 'geo-index' }, pods: app.pods }),
    ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: api.pods }),
  ];
  const gcLog = (k: number) => {
    const out: string[] = [
      `{"time":"${at(2 * HOURS + 3.9 - k * 2)}","level":"INFO","msg":"loading index snapshot","src":"s3://acme-search-index/geo/2026-11-20/","shards":24}`,
      `{"time":"${at(2 * HOURS + 1.2 - k * 2)}","level":"INFO","msg":"index loaded","cells":18422910,"heap_inuse_mib":583,"took":"2m41.2s"}`,
      `{"time":"${at(2 * HOURS + 1.1 - k * 2)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
    ];
    let gcn = 40_112 + k * 911;
    let secs = 7100 - k * 120;
    for (let i = 0; i < 24; i++) {
      const pct = 71 + ((i * 7 + k) % 19);
      const live = 589 + ((i * 3 + k) % 9);
      out.push(`gc ${gcn} @${secs.toFixed(3)}s ${pct}%: 0.11+${(410 + ((i * 37) % 230))}+0.08 ms clock, 0.44+${(0.9 + (i % 5) / 10).toFixed(1)}/${(1580 + ((i * 53) % 420))}/0.02+0.33 ms cpu, ${live + 4}->${live + 9}->${live} MB, ${live + 1} MB goal, 0 MB stacks, 1 MB globals, 4 P`);
      gcn += 1; secs += 0.412 + (i % 3) * 0.05;
      if (i % 4 === 3) out.push(`{"time":"${at(40 - i - k * 0.3)}","level":"WARN","msg":"slow request","path":"/v1/nearby","lat":"52.52","lon":"13.40","duration":"${(2.1 + (i % 5) * 0.7).toFixed(1)}s","status":200}`);
    }
    out.push(`{"time":"${at(1.1)}","level":"ERROR","msg":"request canceled","path":"/v1/nearby","duration":"5.000s","err":"context deadline exceeded"}`);
    out.push(`{"time":"${at(0.6)}","level":"INFO","msg":"runtime stats","goroutines":412,"heap_alloc_mib":597,"heap_sys_mib":702,"num_gc":${gcn},"gc_cpu_fraction":0.87,"gomemlimit":"460MiB"}`);
    return lines(...out);
  };
  const ip = (k: number) => podOf(app, k).status?.podIP ?? '';
  const events = [
    ...[0, 2].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', `Get "http://${ip(k)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 214 + k * 31, firstAgo: 2 * HOURS - 3, lastAgo: 0.3 })),
    probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ip(1)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 188, firstAgo: 2 * HOURS - 4, lastAgo: 1.2 }),
    probeFailed(podOf(app, 0), 'app', 'Liveness', `Get "http://${ip(0)}:8080/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 7, firstAgo: 80, lastAgo: 6 }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 20), 3, 0, 2 * HOURS + 5),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 0, 3, 2 * HOURS - 2),
    scaledReplicaSet(deploymentOf(api), rsOf(api, 62), 2, 0, 3 * HOURS),
    event({ on: { kind: 'Node', name: names[0] ?? '' }, type: 'Normal', reason: 'NodeHasSufficientMemory', message: `Node ${names[0] ?? ''} status is now: NodeHasSufficientMemory`, firstAgo: 31 * DAYS, lastAgo: 31 * DAYS }),
  ];
  return {
    id: 'heldout57-gomemlimit-below-live-heap',
    class: 'containers',
    truth: 'Revision 20 of geo-index set GOMEMLIMIT=460MiB (90% of the 512Mi memory request) while the service keeps a ~590 MB live heap (its loaded index); the Go GC now runs back to back (gctrace shows 70–90% of CPU in GC), the container sits throttled at its 1-CPU limit, requests time out and readiness flaps, without any OOMKill (the memory limit is 1536Mi).',
    ask: { service: 'geo-index', namespace: ns },
    objects: [...nodes, ...app.objects, ...api.objects, ...svcs, ...events],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: gcLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/GOMEMLIMIT|memory limit|garbage|\bGC\b/i],
      facts: [/460MiB|GOMEMLIMIT/i, /revision 20|geo-index/i],
      never: [/\bOOM/, /OOMKill/i, /memory leak/i, /search-api[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 4. RabbitMQ vhost connection limit reached after a scale-out --------------------------------

function rabbitVhostConnectionLimit(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.53', ['41', '166', '212']);
  const rmqImg = 'docker.io/library/rabbitmq:3.13.7-management';
  const conf = [
    'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s',
    'cluster_formation.k8s.host = kubernetes.default.svc.cluster.local',
    'cluster_formation.k8s.address_type = hostname',
    'cluster_partition_handling = pause_minority',
    'load_definitions = /etc/rabbitmq/definitions.json',
    'vm_memory_high_watermark.relative = 0.6',
    'disk_free_limit.absolute = 2GB',
    'default_limits.vhosts.1.pattern = ^orders$',
    'default_limits.vhosts.1.max_connections = 16',
    'default_limits.vhosts.1.max_queues = 200',
    '',
  ].join('\n');
  const defs = JSON.stringify({
    rabbit_version: '3.13.7',
    vhosts: [{ name: '/' }, { name: 'orders', description: 'order pipeline', metadata: { default_queue_type: 'quorum' } }],
    users: [{ name: 'orders-consumer', password_hash: '<redacted>', tags: [] }, { name: 'orders-api', password_hash: '<redacted>', tags: [] }],
    permissions: [{ user: 'orders-consumer', vhost: 'orders', configure: '^$', write: '^orders\\.dlx$', read: '^orders\\.' }],
    queues: [{ name: 'orders.created', vhost: 'orders', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': 'orders.dlx' } }],
  }, null, 2);
  const cm = configMap({ namespace: ns, name: 'rabbitmq-config', createdAgo: 140 * DAYS, updatedAgo: 23 * DAYS, data: { 'rabbitmq.conf': conf, 'definitions.json': defs, enabled_plugins: '[rabbitmq_management,rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].' } });
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-headless',
    revisions: [{ revision: 4, createdAgo: 23 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: rmqImg, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'prometheus', containerPort: 15692 }], cpu: '1', memory: '2Gi', readiness: { exec: { command: ['rabbitmq-diagnostics', '-q', 'check_port_connectivity'] }, periodSeconds: 30, timeoutSeconds: 20, successThreshold: 1, failureThreshold: 3 }, liveness: { exec: { command: ['rabbitmq-diagnostics', '-q', 'status'] }, initialDelaySeconds: 60, periodSeconds: 60, timeoutSeconds: 20, successThreshold: 1, failureThreshold: 3 }, volumeMounts: [{ name: 'config', mountPath: '/etc/rabbitmq' }] })], volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config' } }], serviceAccountName: 'rabbitmq' } }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 23 * DAYS - o * 3 })),
  });
  const cImg = `${ECR}/orders/order-consumer:5.2.1`;
  const scaledAgo = 34;
  const consumer = deploymentApp({
    namespace: ns, name: 'order-consumer', replicas: 12,
    revisions: [{
      revision: 31, createdAgo: 4 * DAYS, changeCause: 'argocd: order-consumer 5.2.1',
      template: { containers: [container({ name: 'consumer', image: cImg, ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '250m', memory: '384Mi', env: [{ name: 'AMQP_URL', value: 'amqp://orders-consumer@rabbitmq.orders.svc.cluster.local:5672/orders' }, { name: 'PREFETCH', value: '50' }, { name: 'PUBLISH_CONNECTION', value: 'separate' }], readiness: null, liveness: httpProbe('/healthz', 9102, { initialDelaySeconds: 20 }) })] },
    }],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 4 * DAYS - k })),
      ...[4, 5, 6, 7].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: scaledAgo - 0.2 })),
      ...[8, 9, 10, 11].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: scaledAgo - 0.2, containers: { consumer: crashLoop({ exitCode: 1, finishedAgo: 1.5 + (k % 4) * 0.7, ranSeconds: 4 }, 9 + (k % 3)) } })),
    ],
  });
  const ordersApi = bystander(ns, 'orders-api', names, 2 * HOURS + 40, { revisions: [77, 78], versions: ['11.4.0', '11.5.0'], olderAgo: 8 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], pods: rmq.pods, endpointPort: 5672 }),
    service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'amqp', port: 5672, targetPort: 5672 }] }),
    ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: ordersApi.pods }),
  ];
  const refused = (_p: k8s.V1Pod) => `(530, "NOT_ALLOWED - access to vhost 'orders' refused for user 'orders-consumer': connection limit (16) is reached")`;
  const crashLog = (p: k8s.V1Pod, t: number) => lines(
    `${pyTime(t)} INFO order_consumer.main: order-consumer 5.2.1 starting (pod ${nameOf(p)}, prefetch=50)`,
    `${pyTime(t - 0.01)} INFO pika.adapters.utils.connection_workflow: Pika version 1.3.2 connecting to ('10.0.53.180', 5672)`,
    `${pyTime(t - 0.02)} INFO pika.adapters.utils.io_services_utils: Socket connected: <socket.socket fd=6, family=2, type=1, proto=6, laddr=('${p.status?.podIP ?? ''}', 43118), raddr=('10.0.53.180', 5672)>`,
    `${pyTime(t - 0.03)} ERROR pika.adapters.blocking_connection: Connection workflow failed: AMQPConnectionWorkflowFailed: 1 exceptions in all; last exception - ConnectionClosedByBroker: ${refused(p)}; first exception - None`,
    'Traceback (most recent call last):',
    '  File "/app/order_consumer/main.py", line 61, in <module>',
    '    main()',
    '  File "/app/order_consumer/main.py", line 44, in main',
    '    publish_conn = pika.BlockingConnection(params)',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 360, in __init__',
    '    self._impl = self._create_connection(parameters, _impl_class)',
    '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/blocking_connection.py", line 451, in _create_connection',
    '    raise self._reap_last_connection_workflow_error(error)',
    `pika.exceptions.ConnectionClosedByBroker: ${refused(p)}`,
  );
  const okLog = (k: number) => lines(
    `${pyTime(60 - k)} INFO order_consumer.worker: acked batch size=50 queue=orders.created lag_ms=${120 + k * 7}`,
    `${pyTime(20 - k)} INFO order_consumer.worker: acked batch size=50 queue=orders.created lag_ms=${2100 + k * 90}`,
    `${pyTime(2 - k * 0.1)} INFO order_consumer.worker: acked batch size=50 queue=orders.created lag_ms=${9800 + k * 310}`,
  );
  const rmqLog = (o: number) => {
    const out = [`${rmqTime(23 * DAYS - o * 3)} [info] <0.230.0> Server startup complete; 6 plugins started.`];
    for (let i = 0; i < 8; i++) {
      const t = scaledAgo - 0.5 - i * 4 - o * 0.4;
      const pid = `<0.${41_200 + i * 317 + o * 11}.0>`;
      out.push(
        `${rmqTime(t)} [info] ${pid} accepting AMQP connection ${pid} (10.0.53.${70 + i}:${43_000 + i * 13} -> 10.0.53.${[180, 31, 222][o]}:5672)`,
        `${rmqTime(t - 0.001)} [error] ${pid} Error on AMQP connection ${pid} (10.0.53.${70 + i}:${43_000 + i * 13} -> 10.0.53.${[180, 31, 222][o]}:5672, user: 'orders-consumer', state: opening):`,
        `${rmqTime(t - 0.001)} [error] ${pid} access to vhost 'orders' refused for user 'orders-consumer': connection limit (16) is reached`,
        `${rmqTime(t - 0.002)} [info] ${pid} closing AMQP connection ${pid} (10.0.53.${70 + i}:${43_000 + i * 13} -> 10.0.53.${[180, 31, 222][o]}:5672, vhost: 'none', user: 'orders-consumer')`,
      );
    }
    out.push(`${rmqTime(3)} [info] <0.812.0> queue 'orders.created' in vhost 'orders': messages ready 48211, unacknowledged 400`);
    return lines(...out);
  };
  const crashing = consumer.pods.slice(8);
  const events = [
    scaledReplicaSet(deploymentOf(consumer), rsOf(consumer, 31), 12, 4, scaledAgo),
    ...consumer.pods.slice(4).flatMap((p) => startedNormally(p, 'consumer', cImg, scaledAgo - 0.2)),
    ...crashing.map((p, k) => backOff(p, 'consumer', { count: 38 + k * 3, firstAgo: scaledAgo - 1, lastAgo: 0.4 + k * 0.2 })),
    scaledReplicaSet(deploymentOf(ordersApi), rsOf(ordersApi, 78), 2, 0, 2 * HOURS + 40),
  ];
  return {
    id: 'heldout57-rabbitmq-vhost-connection-limit',
    class: 'capacity',
    truth: 'order-consumer was scaled from 4 to 12 replicas 34 minutes ago; each pod opens two AMQP connections (consume and publish) but the broker config (rabbitmq-config: default_limits.vhosts max_connections = 16 for vhost orders) allows 16, so after eight pods the broker refuses the rest (530 NOT_ALLOWED, connection limit (16) is reached), those pods crash-loop and orders.created backs up.',
    ask: { service: 'order-consumer', namespace: ns },
    objects: [...nodes, cm, ...rmq.objects, ...consumer.objects, ...ordersApi.objects, ...svcs, ...events],
    logs: [
      ...crashing.map((p, k) => logsFor(p, 'consumer', { current: crashLog(p, 1.6 + k * 0.7), previous: crashLog(p, 6.8 + k * 0.7) })),
      ...consumer.pods.slice(0, 8).map((p, k) => logsFor(p, 'consumer', { current: okLog(k) })),
      ...rmq.pods.map((p, o) => logsFor(p, 'rabbitmq', { current: rmqLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/connection limit|max.?connections|NOT_ALLOWED|vhost/i],
      facts: [/\b16\b/, /12 (replicas|pods)|from 4 to 12|scal/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /orders-api[^\n]*(caus|broke|trigger)/i, /credential|password|authentication fail/i],
    },
  };
}

// ---- 5. a dependency's rollout removed the endpoint the caller uses ------------------------------

function dependencyDroppedV1(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.37', ['12', '150', '208']);
  const ckImg = `${ECR}/shop/checkout:14.2.3`;
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: checkout 14.2.2', template: { containers: [container({ image: `${ECR}/shop/checkout:14.2.2`, env: [{ name: 'QUOTES_BASE_URL', value: 'http://quotes-api.shop.svc.cluster.local' }], readiness: httpProbe('/ready', 8080) })] } },
      { revision: 41, createdAgo: 5 * DAYS, changeCause: 'argocd: checkout 14.2.3', template: { containers: [container({ image: ckImg, env: [{ name: 'QUOTES_BASE_URL', value: 'http://quotes-api.shop.svc.cluster.local' }, { name: 'QUOTES_TIMEOUT_MS', value: '800' }], readiness: httpProbe('/ready', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
  });
  const qImg = (v: string) => `${ECR}/shop/quotes-api:${v}`;
  const qTpl = (v: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: qImg(v), env, readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const rolled = 21;
  const quotes = deploymentApp({
    namespace: ns, name: 'quotes-api', replicas: 2,
    revisions: [
      { revision: 17, createdAgo: 26 * DAYS, changeCause: 'argocd: quotes-api 2.9.4', template: qTpl('2.9.4', [{ name: 'ENABLE_LEGACY_V1_ROUTES', value: 'true' }, { name: 'RATES_CACHE_TTL', value: '60s' }]) },
      { revision: 18, createdAgo: rolled, changeCause: 'argocd: quotes-api 3.0.0', template: qTpl('3.0.0', [{ name: 'RATES_CACHE_TTL', value: '60s' }]) },
    ],
    pods: [{ revision: 18, node: names[1] ?? '', createdAgo: rolled - 0.2 }, { revision: 18, node: names[2] ?? '', createdAgo: rolled - 1.3 }],
    settled: { available: true, availableSince: rolled - 2, progressingSince: rolled, progressingUpdatedAgo: rolled - 2 },
  });
  const inv = bystander(ns, 'inventory', names, 55, { revisions: [102, 103], versions: ['6.0.11', '6.0.12'], olderAgo: 3 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods }),
    ...exposed({ namespace: ns, name: 'quotes-api', selector: { app: 'quotes-api' }, pods: quotes.pods }),
    ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inv.pods }),
  ];
  const ckLog = (k: number) => {
    const out: string[] = [`${javaTime(30 - k)}  INFO 1 --- [checkout] [nio-8080-exec-2] c.a.shop.checkout.CheckoutController     : order placed cart=ct_${(8812 + k).toString(36)} total=84.10 EUR`];
    for (let i = 0; i < 12; i++) {
      const t = rolled - 1.5 - i * 1.6 - k * 0.2;
      if (t < 0.2) break;
      const cart = `ct_${(91_001 + i * 17 + k * 503).toString(36)}`;
      out.push(
        `${javaTime(t)}  WARN 1 --- [checkout] [nio-8080-exec-${(i % 10) + 1}] c.a.shop.quotes.QuotesClient             : quote request failed status=404 uri=http://quotes-api.shop.svc.cluster.local/v1/quotes?cart=${cart}&currency=EUR body={"timestamp":"${at(t)}","status":404,"error":"Not Found","path":"/v1/quotes"}`,
        `${javaTime(t - 0.01)} ERROR 1 --- [checkout] [nio-8080-exec-${(i % 10) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: "{"timestamp":"${at(t)}","status":404,"error":"Not Found","path":"/v1/quotes"}"] with root cause`,
        'org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: "{<EOL>}"',
        '\tat org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:112)',
        '\tat com.acme.shop.quotes.QuotesClient.quote(QuotesClient.java:57)',
        '\tat com.acme.shop.checkout.CheckoutService.place(CheckoutService.java:103)',
      );
    }
    return lines(...out);
  };
  const qLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(rolled - 0.3 - k))},"pid":1,"hostname":"${nameOf(podOf(quotes, k))}","msg":"quotes-api 3.0.0 listening on :8080 (routes: /v2/quotes, /v2/rates, /healthz)"}`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = rolled - 2 - i * 2.3 - k * 0.4;
      if (t < 0.2) break;
      out.push(`{"level":30,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(podOf(quotes, k))}","req":{"method":"GET","url":"/v1/quotes?cart=ct_${(91_001 + i * 17).toString(36)}&currency=EUR","remoteAddress":"10.0.37.${60 + i}"},"res":{"statusCode":404},"responseTime":1.${i},"msg":"request completed"}`);
      if (i % 2 === 0) out.push(`{"level":30,"time":${Date.parse(at(t - 0.3))},"pid":1,"hostname":"${nameOf(podOf(quotes, k))}","req":{"method":"POST","url":"/v2/quotes","remoteAddress":"10.0.37.9${i}"},"res":{"statusCode":200},"responseTime":${11 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const events = [
    scaledReplicaSet(deploymentOf(quotes), rsOf(quotes, 18), 1, 0, rolled),
    scaledReplicaSet(deploymentOf(quotes), rsOf(quotes, 17), 1, 2, rolled - 1),
    scaledReplicaSet(deploymentOf(quotes), rsOf(quotes, 18), 2, 1, rolled - 1.1),
    scaledReplicaSet(deploymentOf(quotes), rsOf(quotes, 17), 0, 1, rolled - 2),
    ...quotes.pods.flatMap((p, k) => startedNormally(p, 'app', qImg('3.0.0'), rolled - 0.2 - k * 1.1)),
    scaledReplicaSet(deploymentOf(inv), rsOf(inv, 103), 2, 0, 55),
    probeFailed(podOf(inv, 0), 'app', 'Readiness', `Get "http://${podOf(inv, 0).status?.podIP ?? ''}:8080/healthz": dial tcp ${podOf(inv, 0).status?.podIP ?? ''}:8080: connect: connection refused`, { count: 2, firstAgo: 55, lastAgo: 54.8 }),
  ];
  return {
    id: 'heldout57-dependency-removed-v1-endpoint',
    class: 'rollout',
    truth: 'quotes-api rolled out revision 18 (3.0.0) 21 minutes ago, which dropped ENABLE_LEGACY_V1_ROUTES and with it /v1/quotes; checkout (unchanged, revision 41 from five days ago) still calls /v1/quotes, gets 404 on every checkout and answers 500s. The fix is on quotes-api (restore v1 routes or roll it back) or migrating checkout to /v2.',
    ask: { service: 'checkout', namespace: ns },
    objects: [...nodes, ...checkout.objects, ...quotes.objects, ...inv.objects, ...svcs, ...events],
    logs: [
      ...checkout.pods.map((p, k) => logsFor(p, 'app', { current: ckLog(k) })),
      ...quotes.pods.map((p, k) => logsFor(p, 'app', { current: qLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quotes-api/i, /404|\/v1\/quotes|v1|not found|endpoint|route|revision 18|3\.0\.0/i],
      facts: [/\/v1\/quotes|404/i],
      never: [/rollout undo deployment\/checkout|checkout[^\n]{0,40}roll(ed|ing)? ?back|roll(ing)? ?back (checkout|revision 41)/i, /inventory[^\n]*(caus|broke|trigger)/i, /\bOOM/],
    },
  };
}

// ---- 6. Hazelcast members each alone after a service-account change ------------------------------

function hazelcastForbiddenDiscovery(): CorpusScenario {
  const ns = 'portal';
  const { nodes, names } = threeEksNodes('10.0.45', ['19', '137', '226']);
  const img = `${ECR}/portal/customer-portal:4.8.0`;
  const tpl = (sa: string) => ({
    containers: [container({
      image: img, ports: [8080, { name: 'hazelcast', containerPort: 5701 }], cpu: '750m', memory: '1536Mi',
      env: [
        { name: 'HZ_CLUSTERNAME', value: 'portal-sessions' },
        { name: 'HZ_NETWORK_JOIN_KUBERNETES_ENABLED', value: 'true' },
        { name: 'HZ_NETWORK_JOIN_KUBERNETES_SERVICENAME', value: 'customer-portal-hz' },
        { name: 'HZ_NETWORK_JOIN_MULTICAST_ENABLED', value: 'false' },
        { name: 'SPRING_SESSION_STORE_TYPE', value: 'hazelcast' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    serviceAccountName: sa,
  });
  const rolled = 3 * HOURS + 10;
  const app = deploymentApp({
    namespace: ns, name: 'customer-portal', replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: customer-portal 4.8.0', template: tpl('customer-portal') },
      { revision: 9, createdAgo: rolled, changeCause: 'argocd: customer-portal 4.8.0 (SEC-512 per-team service accounts)', template: tpl('portal-app') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: rolled - 1 - k * 2 })),
    settled: { available: true, availableSince: rolled - 7, progressingSince: rolled, progressingUpdatedAgo: rolled - 7 },
  });
  const notif = bystander(ns, 'notification-worker', names, 50, { revisions: [22, 23], versions: ['1.9.0', '1.9.1'], olderAgo: 9 * DAYS });
  const hzSvc = service({ namespace: ns, name: 'customer-portal-hz', selector: { app: 'customer-portal' }, headless: true, ports: [{ name: 'hazelcast', port: 5701, targetPort: 5701 }], createdAgo: 200 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'customer-portal', selector: { app: 'customer-portal' }, pods: app.pods }),
    hzSvc,
    endpointSliceFor(hzSvc, app.pods, 5701),
    ...exposed({ namespace: ns, name: 'notification-worker', selector: { app: 'notification-worker' }, pods: notif.pods }),
  ];
  const log = (k: number) => {
    const ip = podOf(app, k).status?.podIP ?? '';
    const start = rolled - 1 - k * 2;
    const hz = `[${ip}]:5701 [portal-sessions] [5.3.7]`;
    const out: string[] = [
      `${javaTime(start)}  INFO 1 --- [           main] com.hazelcast.system.logo               : ${hz} Hazelcast Platform 5.3.7 (20240213 - 2a2c65c) starting at [${ip}]:5701`,
      `${javaTime(start - 0.05)}  INFO 1 --- [           main] c.h.s.d.integration.DiscoveryService     : ${hz} Kubernetes Discovery properties: { service-dns: null, service-dns-timeout: 5, service-name: customer-portal-hz, service-port: 0, service-label: null, service-label-value: true, namespace: portal, pod-label: null, pod-label-value: null, resolve-not-ready-addresses: true, expose-externally-type: AUTO, use-node-name-as-external-address: false, service-per-pod-label: null, service-per-pod-label-value: null, kubernetes-api-url: https://kubernetes.default.svc}`,
      `${javaTime(start - 0.06)}  INFO 1 --- [           main] c.h.s.d.integration.DiscoveryService     : ${hz} Kubernetes Discovery activated with mode: KUBERNETES_API`,
      `${javaTime(start - 0.08)}  WARN 1 --- [           main] c.h.k.KubernetesClient                   : ${hz} Kubernetes API access is forbidden! Starting standalone. To use Hazelcast Kubernetes discovery, configure the required RBAC. For 'default' service account in 'default' namespace execute: \`kubectl apply -f https://raw.githubusercontent.com/hazelcast/hazelcast/master/kubernetes-rbac.yaml\``,
      `${javaTime(start - 0.08)} FINE 1 --- [           main] c.h.k.KubernetesClient                   : ${hz} com.hazelcast.kubernetes.RestClientException: Failure executing: GET at: https://kubernetes.default.svc/api/v1/namespaces/portal/endpoints/customer-portal-hz. Message: {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"endpoints \\"customer-portal-hz\\" is forbidden: User \\"system:serviceaccount:portal:portal-app\\" cannot get resource \\"endpoints\\" in API group \\"\\" in the namespace \\"portal\\"","reason":"Forbidden","details":{"name":"customer-portal-hz","kind":"endpoints"},"code":403}. HTTP Error Code: 403`,
      `${javaTime(start - 0.1)}  INFO 1 --- [           main] c.h.internal.cluster.ClusterService      : ${hz} `,
      '',
      'Members {size:1, ver:1} [',
      `\tMember [${ip}]:5701 - ${['3f1c9a2e-7b0d-4e55-9c61-0a8e2f4d1b77', 'a82d4e10-5c3f-4b9a-8e27-61f0c9d3a254', 'c0e97b53-2a1d-4f86-b4c5-9d3e7a1f6208'][k]} this`,
      ']',
      '',
      `${javaTime(start - 0.12)}  INFO 1 --- [           main] com.hazelcast.core.LifecycleService      : ${hz} [${ip}]:5701 is STARTED`,
      `${javaTime(start - 0.5)}  INFO 1 --- [           main] c.a.portal.PortalApplication             : Started PortalApplication in 28.114 seconds (process running for 29.7)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = start - 15 - i * 17 - k;
      if (t < 0.3) break;
      const sid = `${(0x5f1a20 + i * 977 + k * 131).toString(16)}-${(0x9c3e + i * 13).toString(16)}`;
      out.push(`${javaTime(t)}  WARN 1 --- [nio-8080-exec-${(i % 10) + 1}] o.s.s.w.s.HttpSessionRequestCache       : session ${sid} not found in store; redirecting to /login (requested /account/orders)`);
      if (i % 3 === 0) out.push(`${javaTime(t - 0.2)} ERROR 1 --- [nio-8080-exec-${(i % 10) + 2}] c.a.portal.cart.CartLockService          : could not release lock cart:${sid}: IllegalMonitorStateException: Current thread is not owner of the lock!`);
    }
    return lines(...out);
  };
  const events = [
    scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 3, 0, rolled),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 3, rolled - 7),
    ...app.pods.flatMap((p, k) => startedNormally(p, 'app', img, rolled - 1 - k * 2)),
    ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, { count: 3, firstAgo: rolled - 1.2, lastAgo: rolled - 1.6 })),
    scaledReplicaSet(deploymentOf(notif), rsOf(notif, 23), 2, 0, 50),
  ];
  return {
    id: 'heldout57-hazelcast-discovery-forbidden',
    class: 'config',
    truth: 'customer-portal revision 9 switched its serviceAccountName from customer-portal to portal-app, whose Role lacks get/list on endpoints; Hazelcast\'s Kubernetes API discovery gets 403 Forbidden, each of the three pods starts standalone (Members {size:1}), so sessions and cart locks are no longer shared and users are logged out when a request lands on another pod. Pods are Ready.',
    ask: { service: 'customer-portal', namespace: ns },
    objects: [...nodes, ...app.objects, ...notif.objects, ...svcs, ...events],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/forbidden|RBAC|service ?account|portal-app|403/i, /hazelcast|cluster|standalone|member|discover|session/i],
      facts: [/portal-app/, /endpoints/i],
      never: [/\bOOM/, /notification-worker[^\n]*(caus|broke|trigger)/i, /network ?polic/i],
    },
  };
}

// ---- 7. healthy: nginx upload gateway refusing bodies over its documented 100 MiB limit ----------

function uploadGatewayBodyLimit(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.29', ['33', '118', '241']);
  const ngxImg = 'docker.io/library/nginx:1.27.3-alpine';
  const nginxConf = [
    '# upload-gateway: public entry for media uploads.',
    '# client_max_body_size is the PRODUCT limit for single-request uploads (see MEDIA-88 / docs/uploads.md):',
    '# files over 100 MiB must use the resumable multipart API (/v1/uploads/multipart), so 413 here is expected.',
    'server {',
    '    listen 8080;',
    '    server_name upload.acme-media.com;',
    '    client_max_body_size 100m;',
    '    client_body_buffer_size 1m;',
    '    proxy_request_buffering off;',
    '    proxy_read_timeout 300s;',
    '    location /v1/uploads { proxy_pass http://media-upload.media.svc.cluster.local:8080; }',
    '    location /v1/uploads/multipart { client_max_body_size 16m; proxy_pass http://media-upload.media.svc.cluster.local:8080; }',
    '    location = /healthz { access_log off; return 200 "ok\\n"; }',
    '    error_page 413 /errors/413.json;',
    '    location = /errors/413.json { internal; default_type application/json; return 413 \'{"error":"payload_too_large","limit_bytes":104857600,"hint":"use /v1/uploads/multipart"}\'; }',
    '}',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'upload-gateway-nginx', createdAgo: 160 * DAYS, updatedAgo: 41 * DAYS, data: { 'default.conf': nginxConf } });
  const gw = deploymentApp({
    namespace: ns, name: 'upload-gateway', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 41 * DAYS, changeCause: 'argocd: upload-gateway nginx 1.27.3', template: { containers: [container({ name: 'nginx', image: ngxImg, cpu: '200m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'upload-gateway-nginx' } }] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 12 * DAYS - 3 }],
  });
  const upImg = `${ECR}/media/media-upload:2.6.1`;
  const up = deploymentApp({
    namespace: ns, name: 'media-upload', replicas: 3,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: media-upload 2.6.1', template: { containers: [container({ image: upImg, cpu: '500m', memory: '768Mi', readiness: httpProbe('/ready', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const thumbs = bystander(ns, 'thumbnailer', names, 5 * HOURS, { revisions: [50, 51], versions: ['3.3.0', '3.3.1'], olderAgo: 10 * DAYS });
  const svcs = [
    ...exposed({ namespace: ns, name: 'upload-gateway', selector: { app: 'upload-gateway' }, pods: gw.pods }),
    ...exposed({ namespace: ns, name: 'media-upload', selector: { app: 'media-upload' }, pods: up.pods }),
    ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: thumbs.pods }),
  ];
  const gwLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 30; i++) {
      const t = 58 - i * 2 - k * 0.7;
      if (t < 0.2) break;
      const ip = `10.0.${[12, 140, 77][i % 3]}.${20 + ((i * 13 + k) % 200)}`;
      if (i % 7 === 3) {
        const size = [104857601, 187432960, 2147483648][i % 3];
        out.push(`${ngxTime(t)} [error] 23#23: *${48_100 + i * 31 + k} client intended to send too large body: ${size} bytes, client: ${ip}, server: upload.acme-media.com, request: "POST /v1/uploads HTTP/1.1", host: "upload.acme-media.com"`);
        out.push(`${ip} - - [${clfTime(t)}] "POST /v1/uploads HTTP/1.1" 413 89 "https://app.acme-media.com/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"`);
      } else {
        out.push(`${ip} - - [${clfTime(t)}] "POST /v1/uploads HTTP/1.1" 201 164 "https://app.acme-media.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
        if (i % 4 === 0) out.push(`${ip} - - [${clfTime(t - 0.3)}] "PUT /v1/uploads/multipart/u_${(7712 + i).toString(36)}/parts/${(i % 9) + 1} HTTP/1.1" 200 41 "-" "acme-media-ios/5.14.0 (iPhone; iOS 18.1)"`);
      }
    }
    return lines(...out);
  };
  const upLog = (k: number) => lines(
    `{"level":"info","ts":"${at(30 - k)}","msg":"upload stored","uploadId":"u_${(9911 + k).toString(36)}","bytes":${48_211_003 + k * 1000},"bucket":"acme-media-originals","ms":${1800 + k * 20}}`,
    `{"level":"info","ts":"${at(9 - k)}","msg":"multipart upload completed","uploadId":"u_${(9931 + k).toString(36)}","parts":${14 + k},"bytes":${231_211_003 + k * 1000}}`,
    `{"level":"info","ts":"${at(2 - k * 0.3)}","msg":"upload stored","uploadId":"u_${(9951 + k).toString(36)}","bytes":${3_211_093 + k * 100},"bucket":"acme-media-originals","ms":${240 + k}}`,
  );
  const events = [
    scaledReplicaSet(deploymentOf(thumbs), rsOf(thumbs, 51), 2, 0, 5 * HOURS),
    event({ on: podOf(gw, 1), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(gw, 1).status?.podIP ?? ''}:8080/healthz": dial tcp ${podOf(gw, 1).status?.podIP ?? ''}:8080: connect: connection refused`, count: 1, firstAgo: 12 * DAYS - 3, lastAgo: 12 * DAYS - 3, fieldPath: 'spec.containers{nginx}' }),
  ];
  return {
    id: 'heldout57-healthy-upload-413-body-limit',
    class: 'healthy',
    truth: 'upload-gateway is healthy: nginx refuses a few single-request uploads over 100 MiB ("client intended to send too large body") with 413, which is the deliberate product limit documented in the upload-gateway-nginx ConfigMap (larger files go through the multipart API); uploads otherwise succeed and every pod is ready.',
    ask: { service: 'upload-gateway', namespace: ns },
    objects: [...nodes, cm, ...gw.objects, ...up.objects, ...thumbs.objects, ...svcs, ...events],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'nginx', { current: gwLog(k) })),
      ...up.pods.map((p, k) => logsFor(p, 'app', { current: upLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current )?(problem|issue)|nothing|ok\b|fine/i],
      facts: [/upload-gateway/],
      never: [/client_max_body_size[^\n]*(raise|increase)|(raise|increase)[^\n]*(client_max_body_size|body (size )?limit)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  corednsDenialCache(),
  leafOnlyChain(),
  gomemlimitBelowHeap(),
  rabbitVhostConnectionLimit(),
  dependencyDroppedV1(),
  hazelcastForbiddenDiscovery(),
  uploadGatewayBodyLimit(),
];
