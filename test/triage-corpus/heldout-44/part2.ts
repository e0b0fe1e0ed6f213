// Held-out stories, forty-fourth round, part two: an in-cluster HAProxy whose ConfigMap edit capped
// every checkout pod at `maxconn 8`, so requests wait in HAProxy's queue and expire with 503 sQ
// while checkout-api itself answers fast (asked: checkout-api); a Spring Kafka batch consumer whose
// batches take ~45 s while its pods get the default 30 s grace period, so each pod the rollout
// replaces is SIGKILLed before it commits and the next owner re-processes the batch; a Flyway
// migration Job (Helm pre-upgrade hook) whose ALTER TABLE waits for an ACCESS EXCLUSIVE lock behind
// the nightly ledger export's two-hour transaction, so every query on `accounts` queues behind it;
// an Envoy edge gateway with `failure_mode_deny: true` whose rate-limit service kube-downscaler
// scaled to zero at 03:00, so every request is refused with 500 RLSE; a Spring Boot service whose
// Logback AsyncAppender (neverBlock=false) in front of a GELF TCP appender blocks every request
// thread once a new egress NetworkPolicy cut it off from Graylog; a Node.js login service whose new
// revision raised BCRYPT_ROUNDS 10 → 14, saturating libuv's four-thread pool so dns.lookup and fs
// calls starve; and a healthy control: gunicorn recycling its workers with --max-requests.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, boundClaim, clfTime, configMap, container, coreDns, cronJob, deploymentApp,
  epochMs, event, every, exposed, hpa, httpProbe, job, jobEvent, nameOf, nameSuffix, namespace, networkPolicy, probeFailed,
  probeKilling, pyTime, running, crashLoop, rsOf, scaledReplicaSet, startedNormally, statefulSetApp,
  tcpProbe, templateHash, backOff, batchContainer,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const annotate = (o: KubeJson, annotations: Record<string, string>): void => {
  o.metadata = { ...o.metadata, annotations: { ...o.metadata?.annotations, ...annotations } };
};

/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [app] [      thread] logger : msg`. */
const springLine = (app: string) => (t: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
/** HAProxy's %tr: `21/Nov/2026:03:12:41.563`. */
const hapTime = (m: number): string => `${clfTime(m).slice(0, 20)}.${String(ago(m).getUTCMilliseconds()).padStart(3, '0')}`;
/** Postgres' `%m`: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** gunicorn's error-log time: `[2026-11-21 03:12:41 +0000]`. */
const gunicornTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. HAProxy: a ConfigMap edit caps every checkout pod at maxconn 8 ------------------------------

function haproxyMaxconnQueue(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '211']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const lbImage = 'docker.io/library/haproxy:2.9.7-alpine';
  const haproxyCfg = [
    'global',
    '  log stdout format raw local0 info',
    '  maxconn 20000',
    '  nbthread 4',
    '  stats socket /var/run/haproxy.sock mode 600 level admin',
    '  hard-stop-after 30s',
    '',
    'resolvers kube',
    '  nameserver dns1 172.20.0.10:53',
    '  resolve_retries 3',
    '  timeout resolve 1s',
    '  timeout retry 1s',
    '  hold valid 10s',
    '  accepted_payload_size 8192',
    '',
    'defaults',
    '  mode http',
    '  log global',
    '  option httplog',
    '  option dontlognull',
    '  option forwardfor',
    '  timeout connect 5s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout queue 15s',
    '  timeout http-request 10s',
    '',
    'frontend stats',
    '  bind :8404',
    '  monitor-uri /healthz',
    '  http-request use-service prometheus-exporter if { path /metrics }',
    '  stats enable',
    '  stats uri /stats',
    '',
    'frontend fe_http',
    '  bind :8080',
    '  maxconn 10000',
    '  acl is_checkout path_beg /api/checkout /api/cart',
    '  use_backend be_checkout if is_checkout',
    '  default_backend be_catalog',
    '',
    'backend be_catalog',
    '  balance leastconn',
    '  option httpchk GET /ready',
    '  default-server check inter 2s fall 3 rise 2 maxconn 200',
    '  server-template catalog 6 catalog-api-headless.storefront.svc.cluster.local:8080 resolvers kube init-addr none',
    '',
    'backend be_checkout',
    '  balance leastconn',
    '  option httpchk GET /ready',
    '  # OPS-4412: cap per-pod concurrency so the payment provider sandbox survives the load test',
    '  default-server check inter 2s fall 3 rise 2 maxconn 8',
    '  server-template checkout 6 checkout-api-headless.storefront.svc.cluster.local:8080 resolvers kube init-addr none',
    '',
  ].join('\n');
  const cfg = configMap({ namespace: ns, name: 'storefront-lb-config', createdAgo: 210 * DAYS, updatedAgo: 47, data: { 'haproxy.cfg': haproxyCfg } });
  const lbTpl = (annotations?: Record<string, string>): TemplateOpts => ({
    containers: [container({
      name: 'haproxy', image: lbImage, args: ['-W', '-db', '-f', '/usr/local/etc/haproxy/haproxy.cfg'],
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'stats', containerPort: 8404 }], cpu: '500m', memory: '256Mi',
      readiness: httpProbe('/healthz', 'stats', { periodSeconds: 5 }), liveness: httpProbe('/healthz', 'stats', { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/usr/local/etc/haproxy', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'storefront-lb-config', defaultMode: 420 } }],
    ...(annotations === undefined ? {} : { annotations }),
  });
  const lb = deploymentApp({
    namespace: ns,
    name: 'storefront-lb',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 19 * DAYS, template: lbTpl() },
      { revision: 9, createdAgo: 45, template: lbTpl({ 'kubectl.kubernetes.io/restartedAt': `${at(45).slice(0, 19)}Z` }) },
    ],
    pods: [{ revision: 9, node: nodeAt(0), createdAgo: 45 }, { revision: 9, node: nodeAt(1), createdAgo: 44.6 }],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const apiImage = `${ECR}/storefront/checkout-api:8.14.1`;
  const checkout = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 4,
    revisions: [
      { revision: 60, createdAgo: 12 * DAYS, changeCause: 'argocd: checkout-api 8.14.0', template: { containers: [container({ image: `${ECR}/storefront/checkout-api:8.14.0`, ports: [8080], cpu: '500m', memory: '512Mi' })] } },
      { revision: 61, createdAgo: 5 * DAYS, changeCause: 'argocd: checkout-api 8.14.1', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'PAYMENT_PROVIDER', value: 'adyen' }, { name: 'GOMAXPROCS', value: '1' }] })] } },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 61, node: nodeAt(k), createdAgo: 5 * DAYS - k })),
  });
  const catalog = bystander(ns, 'catalog-api', names, 130, { revisions: [44, 45], versions: ['3.9.2', '3.9.3'], olderAgo: 9 * DAYS });
  const lbPods = lb.pods;
  const co = checkout.pods;
  const paths = ['POST /api/checkout/session', 'GET /api/cart', 'POST /api/cart/items', 'POST /api/checkout/confirm', 'GET /api/cart/summary'];
  const lbLog = (k: number) => {
    const out: string[] = [
      `[NOTICE]   (1) : haproxy version is 2.9.7-5742051`,
      `[NOTICE]   (1) : path to executable is /usr/local/sbin/haproxy`,
      `[NOTICE]   (1) : New worker (8) forked`,
      `[NOTICE]   (1) : Loading success.`,
      ...[0, 1, 2, 3].map((i) => `be_checkout/checkout${i + 1} changed its IP from (none) to ${ipOfPod(co[i])} by kube/dns1.`),
      `[WARNING]  (8) : Server be_checkout/checkout5 is going DOWN for maintenance (No IP for server ). 5 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.`,
      `[WARNING]  (8) : Server be_checkout/checkout6 is going DOWN for maintenance (No IP for server ). 4 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.`,
      ...[0, 1].map((i) => `be_catalog/catalog${i + 1} changed its IP from (none) to ${ipOfPod(catalog.pods[i])} by kube/dns1.`),
      ...[3, 4, 5, 6].map((i) => `[WARNING]  (8) : Server be_catalog/catalog${i} is going DOWN for maintenance (No IP for server ). ${6 - i + 2} active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.`),
    ];
    const client = (i: number) => `10.0.96.${[14, 139, 211][(i + k) % 3]}:${32768 + ((i * 7919 + k * 2741) % 28000)}`;
    out.push(every(44 - k * 0.07, 0.05, 20, (t, i) => {
      const srv = `checkout${(i % 4) + 1}`;
      const path = paths[i % paths.length] ?? 'GET /api/cart';
      const queued = t > 40 ? 0 : Math.min(470, Math.round((40 - t) * 14 + (i % 9) * 3));
      const fe = 180 + queued + (i % 11);
      const cat = `${client(i + 5000)} [${hapTime(t - 0.004)}] fe_http be_catalog/catalog${(i % 2) + 1} 0/0/0/${11 + (i % 7)}/${11 + (i % 7)} 200 ${4100 + (i % 13) * 97} - - ---- ${fe}/${fe}/${22 + (i % 6)}/${3 + (i % 4)}/0 0/0 "GET /api/catalog/products?page=${(i % 9) + 1} HTTP/1.1"\n`;
      if (t > 40) return `${client(i)} [${hapTime(t)}] fe_http be_checkout/${srv} 0/0/0/${104 + (i % 37)}/${104 + (i % 37)} 200 ${1800 + (i % 17) * 11} - - ---- ${fe}/${fe}/${26 + (i % 5)}/${6 + (i % 3)}/0 0/0 "${path} HTTP/1.1"\n${cat}`;
      if (i % 3 === 0) return `${client(i)} [${hapTime(t)}] fe_http be_checkout/${srv} 0/${9100 + (i % 23) * 211}/0/${109 + (i % 41)}/${9230 + (i % 23) * 211} 200 ${1800 + (i % 17) * 11} - - ---- ${fe}/${fe}/${queued + 32}/8/0 0/${queued} "${path} HTTP/1.1"\n${cat}`;
      return `${client(i)} [${hapTime(t)}] fe_http be_checkout/<NOSRV> 0/15001/-1/-1/15001 503 217 - - sQ-- ${fe}/${fe}/${queued + 32}/0/0 0/${queued} "${path} HTTP/1.1"\n${cat}`;
    }));
    return { current: out.join('\n') };
  };
  const coLog = (p: k8s.V1Pod, k: number) => ({
    current: every(60, 0.1, 60, (t, i) => {
      const before = t > 45;
      const n = before ? 2280 + ((i * 37 + k * 11) % 300) : 930 + ((i * 13 + k * 7) % 60);
      const stats = `{"time":"${at(t)}","level":"INFO","msg":"http stats","window":"60s","requests":${n},"errors_5xx":0,"p50_ms":${96 + (i % 7)},"p99_ms":${148 + (i % 23)},"max_inflight":${before ? 24 + ((i + k) % 13) : 8}}\n`;
      const req = `{"time":"${at(t - 0.01)}","level":"INFO","msg":"request","method":"POST","path":"/api/checkout/session","status":200,"dur_ms":${101 + ((i * 7 + k) % 40)},"inflight":${before ? 19 + (i % 9) : 8},"remote":"${ipOfPod(lbPods[i % 2])}"}\n`;
      const slow = i % 17 === 5 ? `{"time":"${at(t - 0.02)}","level":"WARN","msg":"payment provider slow","provider":"adyen","op":"/payments","dur_ms":${1380 + k * 40}}\n` : '';
      return stats + req + slow;
    }),
  });
  const lbDeployment = deploymentOf(lb);
  return {
    id: 'heldout44-haproxy-maxconn-queue-timeouts',
    class: 'config',
    truth: 'Forty-seven minutes ago someone edited the ConfigMap storefront-lb-config for a load test and set `default-server ... maxconn 8` on the be_checkout backend of the in-cluster HAProxy (storefront-lb), then `kubectl rollout restart` loaded it (revision 9). Each of the 4 checkout-api pods now gets at most 8 concurrent requests; the rest wait in HAProxy\'s backend queue and expire after `timeout queue 15s` with 503 (termination state sQ, <NOSRV>), while checkout-api itself answers in ~110 ms with no errors. Fix: restore the per-server maxconn in storefront-lb-config and restart storefront-lb; checkout-api needs nothing.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, cfg, ...lb.objects, ...checkout.objects, ...catalog.objects,
      ...exposed({ namespace: ns, name: 'storefront-lb', selector: { app: 'storefront-lb' }, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: lb.pods }),
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: co }),
      ...exposed({ namespace: ns, name: 'checkout-api-headless', selector: { app: 'checkout-api' }, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: co }),
      ...exposed({ namespace: ns, name: 'catalog-api-headless', selector: { app: 'catalog-api' }, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: catalog.pods }),
      scaledReplicaSet(lbDeployment, rsOf(lb, 9), 1, 0, 45),
      scaledReplicaSet(lbDeployment, rsOf(lb, 8), 1, 2, 44.6),
      scaledReplicaSet(lbDeployment, rsOf(lb, 9), 2, 1, 44.6),
      scaledReplicaSet(lbDeployment, rsOf(lb, 8), 0, 1, 44.3),
      ...startedNormally(podOf(lb, 0), 'haproxy', lbImage, 45),
      ...startedNormally(podOf(lb, 1), 'haproxy', lbImage, 44.6),
      scaledReplicaSet(deploymentOf(catalog), rsOf(catalog, 45), 2, 0, 130),
    ],
    logs: [
      ...lbPods.map((p, k) => logsFor(p, 'haproxy', lbLog(k))),
      ...co.map((p, k) => logsFor(p, 'app', coLog(p, k))),
    ],
    expect: {
      verdict: 'problems',
      headline: [/maxconn/i, /storefront-lb|haproxy/i],
      facts: [/\b503\b/, /sQ|timeout queue|queue/i, lit('storefront-lb-config'), /maxconn 8\b/],
      never: [/\bOOM/, /checkout-api[^\n]*(crash|restart|not ready|unready|unhealthy)/i, /roll(ing)? ?back to|undo the rollout|rollout undo/i],
    },
  };
}

// ---- 2. a Kafka batch consumer SIGKILLed before it commits: 30 s grace, ~45 s batches --------------

function kafkaConsumerGraceTooShort(): CorpusScenario {
  const ns = 'fulfilment';
  const name = 'order-events-consumer';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '97', '180']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const image = (v: string) => `${ECR}/fulfilment/${name}:${v}`;
  const appYaml = [
    'spring:',
    '  kafka:',
    '    bootstrap-servers: b-1.fulfilment-msk.x7k2p1.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.fulfilment-msk.x7k2p1.c4.kafka.eu-west-1.amazonaws.com:9098,b-3.fulfilment-msk.x7k2p1.c4.kafka.eu-west-1.amazonaws.com:9098',
    '    consumer:',
    '      group-id: order-fulfilment',
    '      enable-auto-commit: false',
    '      auto-offset-reset: earliest',
    '      max-poll-records: 1500',
    '      properties:',
    '        max.poll.interval.ms: 300000',
    '        session.timeout.ms: 45000',
    '        partition.assignment.strategy: org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
    '    listener:',
    '      type: batch',
    '      ack-mode: batch',
    '      concurrency: 2',
    '  lifecycle:',
    '    timeout-per-shutdown-phase: 90s',
    'fulfilment:',
    '  topic: order-events',
    '  warehouse:',
    '    base-url: http://warehouse-gateway.fulfilment.svc.cluster.local',
    '    timeout: 5s',
    '  mail:',
    '    provider: ses',
    '    template: order-prepared',
    '',
  ].join('\n');
  const cfg = configMap({ namespace: ns, name: `${name}-config`, createdAgo: 300 * DAYS, updatedAgo: 23 * DAYS, data: { 'application-prod.yaml': appYaml } });
  const tpl = (v: string): TemplateOpts => ({
    containers: [container({
      name: 'consumer', image: image(v), ports: [{ name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'management', { periodSeconds: 10, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60, periodSeconds: 20 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: `${name}-config`, defaultMode: 420 } }],
    serviceAccountName: name,
  });
  const steps = [10.4, 8.4, 6.4, 4.4, 2.4, 0.4];
  const rs18 = `${name}-${templateHash(`${ns}/${name}/18`)}`;
  const rs19 = `${name}-${templateHash(`${ns}/${name}/19`)}`;
  const app = deploymentApp({
    namespace: ns,
    name,
    replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: order-events-consumer 2.31.0', template: tpl('2.31.0') },
      { revision: 19, createdAgo: 10.4, changeCause: 'argocd: order-events-consumer 2.31.1', template: tpl('2.31.1') },
    ],
    pods: [
      ...steps.map((s, k) => ({ revision: 19, node: nodeAt(k), createdAgo: s, ...(k === 5 ? { containers: { consumer: running({ sinceAgo: 0.37, ready: false }) } } : {}) })),
      { revision: 18, node: nodeAt(2), createdAgo: 6 * DAYS - 3, deletingAgo: 0.4 },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(6 * DAYS), lastTransitionTime: ago(6 * DAYS) },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rs19}" is progressing.`, lastUpdateTime: ago(0.4), lastTransitionTime: ago(10.4) },
    ],
  });
  const fresh = app.pods.slice(0, 6);
  const leaving = podOf(app, 6);
  const gone = [0, 1, 2, 3, 4].map((k) => `${rs18}-${nameSuffix(`${rs18}/replaced-${k}`)}`);
  const dep = deploymentOf(app);
  const warehouse = bystander(ns, 'warehouse-gateway', names, 3 * HOURS, { revisions: [70, 71], versions: ['5.2.0', '5.2.1'], olderAgo: 14 * DAYS });
  const log = springLine(name);
  const kafkaLog = 'o.a.k.c.c.internals.ConsumerCoordinator';
  const client = (k: number) => `[Consumer clientId=consumer-order-fulfilment-${k + 1}, groupId=order-fulfilment]`;
  const broker = (b: number) => `b-${b}.fulfilment-msk.x7k2p1.c4.kafka.eu-west-1.amazonaws.com:9098 (id: ${b} rack: euw1-az${b})`;
  const baseOffset = (p: number) => 9_120_544 + p * 413_977;
  const freshLog = (p: k8s.V1Pod, k: number) => {
    const s = steps[k] ?? 1;
    const parts = [2 * k, 2 * k + 1];
    const out: string[] = [
      log(s - 0.05, 'INFO', 'main', 'c.a.f.OrderEventsConsumerApplication', `Starting OrderEventsConsumerApplication v2.31.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`),
      log(s - 0.05, 'INFO', 'main', 'c.a.f.OrderEventsConsumerApplication', 'The following 1 profile is active: "prod"'),
      log(s - 0.22, 'INFO', 'main', 'o.a.k.clients.consumer.ConsumerConfig', `ConsumerConfig values: \n\tallow.auto.create.topics = false\n\tauto.commit.interval.ms = 5000\n\tauto.offset.reset = earliest\n\tclient.id = consumer-order-fulfilment-${k + 1}\n\tenable.auto.commit = false\n\tgroup.id = order-fulfilment\n\tmax.poll.interval.ms = 300000\n\tmax.poll.records = 1500\n\tsession.timeout.ms = 45000`),
      log(s - 0.25, 'INFO', 'main', 'c.a.f.OrderEventsConsumerApplication', 'Started OrderEventsConsumerApplication in 14.6 seconds (process running for 15.4)'),
      log(s - 0.26, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(k)} Discovered group coordinator ${broker(2)}`),
      log(s - 0.26, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(k)} (Re-)joining group`),
      log(s - 0.27, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(k)} Request joining group due to: need to re-join with the given member-id: consumer-order-fulfilment-${k + 1}-${nameSuffix(`member-${k}`)}`),
      log(s - 0.95, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(k)} Successfully joined group with generation Generation{generationId=${412 + k * 2}, memberId='consumer-order-fulfilment-${k + 1}-${nameSuffix(`member-${k}`)}', protocol='cooperative-sticky'}`),
      ...parts.map((q) => log(s - 0.96, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(k)} Setting offset for partition order-events-${q} to the committed offset FetchPosition{offset=${baseOffset(q)}, offsetEpoch=Optional[23], currentLeader=LeaderAndEpoch{leader=Optional[${broker((q % 3) + 1)}], epoch=23}}`)),
      log(s - 0.96, 'INFO', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `order-fulfilment: partitions assigned: [order-events-${parts[0]}, order-events-${parts[1]}]`),
    ];
    let t = s - 0.97;
    let batch = 0;
    while (t - 0.76 > 0.05) {
      const q = parts[batch % 2] ?? 0;
      const first = baseOffset(q) + Math.floor(batch / 2) * 1500;
      const replay = batch < 2;
      out.push(log(t, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch received partition=order-events-${q} records=1500 offsets=${first}..${first + 1499}`));
      if (replay) {
        for (let d = 0; d < 3; d++) {
          const order = `ORD-${7_781_000 + q * 1000 + d * 37}`;
          out.push(log(t - 0.05 - d * 0.04, 'WARN', 'ntainer#0-0-C-1', 'c.a.f.warehouse.PickRequestClient', `warehouse rejected pick request as duplicate order=${order} status=409 existingPickRequest=PR-${4_410_000 + q * 1000 + d} existingCreatedAt=${at(s + 0.4 + d * 0.05).slice(0, 19)}Z`));
          out.push(log(t - 0.06 - d * 0.04, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.mail.OrderMailer', `order-prepared mail sent order=${order} to=c***@${['gmail.com', 'web.de', 'outlook.com'][d] ?? 'gmail.com'} messageId=010201937${q}${d}f3a-${nameSuffix(`${k}/${d}`)}-000000`));
        }
      }
      const took = 42.1 + ((batch * 7 + k * 3) % 60) / 10;
      out.push(log(t - took / 60, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch committed partition=order-events-${q} records=1500 lastOffset=${first + 1499} warehouseDuplicates=${replay ? 1100 + ((k * 97 + batch * 31) % 380) : 0} took=${took.toFixed(1)}s`));
      t -= took / 60 + 0.02;
      batch++;
    }
    return { current: lines(...out) };
  };
  const leavingLog = (() => {
    const out: string[] = [];
    let t = 9.5;
    let b = 0;
    while (t > 0.45) {
      const first = baseOffset(10) + 1500 * (b + 40);
      out.push(log(t, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch received partition=order-events-${b % 2 === 0 ? 10 : 11} records=1500 offsets=${first}..${first + 1499}`));
      if (b % 3 === 1) out.push(log(t - 0.2, 'INFO', 'ntainer#0-0-C-1', kafkaLog, `${client(5)} Request joining group due to: group is already rebalancing`));
      const took = 43.4 + (b % 5) * 0.7;
      if (t - took / 60 > 0.45) out.push(log(t - took / 60, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch committed partition=order-events-${b % 2 === 0 ? 10 : 11} records=1500 lastOffset=${first + 1499} warehouseDuplicates=0 took=${took.toFixed(1)}s`));
      t -= took / 60 + 0.02;
      b++;
    }
    const first = baseOffset(11) + 1500 * 61;
    out.push(
      log(0.4, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
      log(0.4, 'INFO', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
      log(0.4, 'INFO', 'ionShutdownHook', 'c.a.f.consumer.OrderEventsListener', `shutdown requested: stopping listener containers; in-flight batch partition=order-events-11 offsets=${first}..${first + 1499} processed=311/1500, offsets are committed when the batch completes (timeout-per-shutdown-phase=90s)`),
      log(0.22, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch progress partition=order-events-11 processed=742/1500 elapsed=25.9s`),
      log(0.05, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.consumer.OrderEventsListener', `batch progress partition=order-events-11 processed=1127/1500 elapsed=36.1s`),
    );
    return lines(...out);
  })();
  const podRef = (n: string) => ({ kind: 'Pod', name: n, namespace: ns });
  const rsRef18 = { kind: 'ReplicaSet', name: rs18, namespace: ns };
  const rsRef19 = { kind: 'ReplicaSet', name: rs19, namespace: ns };
  const replaced = [...gone, nameOf(leaving)];
  return {
    id: 'heldout44-kafka-consumer-killed-before-commit',
    class: 'rollout',
    truth: 'order-events-consumer processes Kafka batches of up to 1500 records (max-poll-records 1500, ack-mode batch) and commits offsets only when a batch completes, which takes ~45 s; on SIGTERM it finishes the in-flight batch first (timeout-per-shutdown-phase 90s), but its pods keep the default terminationGracePeriodSeconds of 30, so the kubelet SIGKILLs them before the commit. Every pod the revision-19 rollout (2.31.1, an unrelated change) replaces loses its in-flight batch, the next owner re-reads it from the last committed offset, and customers get duplicate order-prepared mails (the warehouse rejects the duplicate pick requests with 409). Fix: a grace period longer than a batch (e.g. 120 s) or smaller batches / committing on shutdown; rolling back would kill pods the same way.',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, cfg, ...app.objects, ...warehouse.objects,
      ...exposed({ namespace: ns, name: 'warehouse-gateway', selector: { app: 'warehouse-gateway' }, pods: warehouse.pods }),
      ...steps.flatMap((s, k) => [
        scaledReplicaSet(dep, rs18, 5 - k, 6 - k, s),
        scaledReplicaSet(dep, rs19, k + 1, k, s - 0.01),
        event({ on: rsRef18, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${replaced[k] ?? ''}`, firstAgo: s, lastAgo: s, component: 'replicaset-controller' }),
        event({ on: podRef(replaced[k] ?? ''), type: 'Normal', reason: 'Killing', message: 'Stopping container consumer', firstAgo: s, lastAgo: s, fieldPath: 'spec.containers{consumer}' }),
        event({ on: rsRef19, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh[k])}`, firstAgo: s - 0.01, lastAgo: s - 0.01, component: 'replicaset-controller' }),
        ...startedNormally(podOf(app, k), 'consumer', image('2.31.1'), s - 0.02),
      ]),
      ...[0, 1, 2, 3, 4].map((k) => probeFailed(podOf(app, k), 'consumer', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 5, firstAgo: (steps[k] ?? 1) - 0.3, lastAgo: (steps[k] ?? 1) - 0.95 })),
      probeFailed(podOf(app, 5), 'consumer', 'Readiness', `Get "http://${ipOfPod(podOf(app, 5))}:8081/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 5))}:8081: connect: connection refused`, { count: 1, firstAgo: 0.2, lastAgo: 0.2 }),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'consumer', k === 5 ? { current: lines(log(0.36, 'INFO', 'main', 'c.a.f.OrderEventsConsumerApplication', 'Starting OrderEventsConsumerApplication v2.31.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'), log(0.36, 'INFO', 'main', 'c.a.f.OrderEventsConsumerApplication', 'The following 1 profile is active: "prod"')) } : freshLog(p, k))),
      logsFor(leaving, 'consumer', { current: leavingLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/grace|terminationGracePeriod|SIGKILL|killed before/i, /commit|offset|re-?process|re-?deliver|duplicate/i],
      facts: [/\b30 ?s\b|30 seconds|terminationGracePeriodSeconds/i, /max-poll-records|1500|took=4\d|4\d(\.\d)? ?s/i, /duplicate|409|re-?process|re-?deliver/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i],
    },
  };
}

// ---- 3. a migration's ALTER TABLE queued behind the nightly export's transaction -------------------

function migrationLockQueue(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.52', ['40', '118', '233']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgConf = [
    "listen_addresses = '*'",
    'max_connections = 300',
    'shared_buffers = 4GB',
    'effective_cache_size = 12GB',
    "log_line_prefix = '%m [%p] %q%u@%d/%a '",
    'log_lock_waits = on',
    'deadlock_timeout = 1s',
    'log_min_duration_statement = 2000',
    'log_checkpoints = on',
    'idle_in_transaction_session_timeout = 0',
    '',
  ].join('\n');
  const db = statefulSetApp({
    namespace: ns,
    name: 'identity-pg',
    replicas: 1,
    serviceName: 'identity-pg',
    revisions: [{
      revision: 3,
      createdAgo: 140 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }],
          cpu: '2', memory: '8Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'conf', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'conf', configMap: { name: 'identity-pg-conf' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: nodeAt(0), createdAgo: 33 * DAYS }],
  });
  const apiImage = (v: string) => `${ECR}/identity/accounts-api:${v}`;
  const apiTpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: apiImage(v), ports: [3000], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PGHOST', value: 'identity-pg.identity.svc.cluster.local' },
        { name: 'PGDATABASE', value: 'identity' },
        { name: 'DB_POOL_MAX', value: '10' },
        { name: 'DB_STATEMENT_TIMEOUT_MS', value: '15000' },
      ],
      readiness: httpProbe('/readyz', 3000, { timeoutSeconds: 2 }), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const apiPods = [0, 1, 2];
  const api = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [
      { revision: 39, createdAgo: 23 * DAYS, changeCause: 'helm: accounts-api 5.3.1', template: apiTpl('5.3.1') },
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'helm: accounts-api 5.3.2', template: apiTpl('5.3.2') },
    ],
    pods: apiPods.map((k) => ({ revision: 40, node: nodeAt(k + 1), createdAgo: 9 * DAYS - k, ...(k === 2 ? {} : { ready: false, containers: { app: running({ sinceAgo: 9 * DAYS - k, ready: false }) } }) })),
    settled: { available: false, availableSince: 9, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const flywayImage = `${ECR}/identity/accounts-api-migrations:5.4.0`;
  const migrate = job({
    namespace: ns,
    name: 'accounts-api-migrate',
    backoffLimit: 0,
    createdAgo: 16,
    template: {
      containers: [batchContainer({
        name: 'flyway', image: flywayImage, args: ['-connectRetries=10', 'migrate'], cpu: '200m', memory: '512Mi',
        env: [
          { name: 'FLYWAY_URL', value: 'jdbc:postgresql://identity-pg.identity.svc.cluster.local:5432/identity' },
          { name: 'FLYWAY_USER', value: 'accounts_migrator' },
          { name: 'FLYWAY_LOCATIONS', value: 'filesystem:/flyway/sql' },
        ],
      })],
    },
    pods: [{ node: nodeAt(2), createdAgo: 16, containers: { flyway: running({ sinceAgo: 15.8 }) } }],
  });
  const migrateJob = migrate.objects[0] ?? {};
  annotate(migrateJob, { 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-weight': '-5', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' });
  const exportImage = `${ECR}/finance/ledger-export:1.8.3`;
  const exportTpl: TemplateOpts = {
    containers: [batchContainer({
      name: 'export', image: exportImage, command: ['python', '-m', 'ledger_export'], cpu: '1', memory: '2Gi',
      env: [{ name: 'PGHOST', value: 'identity-pg.identity.svc.cluster.local' }, { name: 'PGDATABASE', value: 'identity' }, { name: 'EXPORT_BUCKET', value: 's3://acme-finance-exports/identity/' }],
    })],
  };
  const nightly = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '0 1 * * *',
    template: exportTpl,
    backoffLimit: 1,
    jobs: [
      { createdAgo: 2 * DAYS + 134, pods: [{ node: nodeAt(1), createdAgo: 2 * DAYS + 134, phase: 'Succeeded', containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(2 * DAYS + 134), finishedAt: ago(2 * DAYS + 40) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS + 40 } },
      { createdAgo: DAYS + 134, pods: [{ node: nodeAt(2), createdAgo: DAYS + 134, phase: 'Succeeded', containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(DAYS + 134), finishedAt: ago(DAYS + 33) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS + 33 } },
      { createdAgo: 134, pods: [{ node: nodeAt(1), createdAgo: 134, containers: { export: running({ sinceAgo: 133.8 }) } }] },
    ],
    lastSuccessfulAgo: DAYS + 33,
  });
  const exportPod = nightly.jobs[2]?.pods[0];
  const migratePod = podOf(migrate, 0);
  const pgPod = podOf(db, 0);
  const relation = 16447;
  const holder = 27310;
  const alterPid = 28841;
  const alter = 'ALTER TABLE accounts ADD COLUMN risk_tier smallint NOT NULL DEFAULT 0';
  const apiPids = [28855, 28861, 28870, 28874, 28902, 28911, 28930, 28947];
  const pgLog = (() => {
    const out: string[] = [
      `${pgTime(129.1)} [${holder}] ledger_export@identity/ledger-export LOG:  duration: 278612.331 ms  execute <unnamed>: COPY (SELECT id, tenant_id, status, plan, created_at, updated_at FROM accounts) TO STDOUT WITH (FORMAT csv)`,
      `${pgTime(60)} [64] LOG:  checkpoint starting: time`,
      `${pgTime(57.3)} [64] LOG:  checkpoint complete: wrote 18422 buffers (3.5%); 0 WAL file(s) added, 0 removed, 11 recycled; write=161.204 s, sync=0.011 s, total=161.342 s; sync files=73, longest=0.004 s, average=0.001 s; distance=172914 kB, estimate=190112 kB; lsn=3F/9A1C2E88, redo lsn=3F/95D40B10`,
      `${pgTime(30)} [64] LOG:  checkpoint starting: time`,
      `${pgTime(27.4)} [64] LOG:  checkpoint complete: wrote 16301 buffers (3.1%); 0 WAL file(s) added, 0 removed, 10 recycled; write=158.877 s, sync=0.009 s, total=159.020 s; sync files=69, longest=0.003 s, average=0.001 s; distance=160448 kB, estimate=187145 kB; lsn=3F/A4B7F0C0, redo lsn=3F/A0812D48`,
      `${pgTime(15.6)} [${alterPid}] accounts_migrator@identity/Flyway by Redgate LOG:  process ${alterPid} still waiting for AccessExclusiveLock on relation ${relation} of database 16385 after 1000.072 ms`,
      `${pgTime(15.6)} [${alterPid}] accounts_migrator@identity/Flyway by Redgate DETAIL:  Process holding the lock: ${holder}. Wait queue: ${alterPid}.`,
      `${pgTime(15.6)} [${alterPid}] accounts_migrator@identity/Flyway by Redgate STATEMENT:  ${alter}`,
    ];
    apiPids.forEach((pid, i) => {
      const t = 15.55 - i * 0.3;
      out.push(
        `${pgTime(t)} [${pid}] accounts_api@identity/accounts-api LOG:  process ${pid} still waiting for AccessShareLock on relation ${relation} of database 16385 after 1000.${110 + i} ms`,
        `${pgTime(t)} [${pid}] accounts_api@identity/accounts-api DETAIL:  Process holding the lock: ${holder}. Wait queue: ${[alterPid, ...apiPids.slice(0, i + 1)].join(', ')}.`,
        `${pgTime(t)} [${pid}] accounts_api@identity/accounts-api STATEMENT:  select "id", "tenant_id", "email", "status", "plan" from "accounts" where "id" = $1 limit $2`,
      );
    });
    out.push(every(15.2, 0.1, 40, (t, i) => {
      const pid = 29000 + i * 7;
      return [
        `${pgTime(t)} [${pid}] accounts_api@identity/accounts-api ERROR:  canceling statement due to statement timeout`,
        `${pgTime(t)} [${pid}] accounts_api@identity/accounts-api STATEMENT:  ${i % 3 === 0 ? 'update "accounts" set "last_login_at" = $1 where "id" = $2' : 'select "id", "tenant_id", "email", "status", "plan" from "accounts" where "id" = $1 limit $2'}`,
        '',
      ].join('\n');
    }));
    return out.join('\n') + '\n';
  })();
  const flywayLog = lines(
    'Flyway OSS Edition 10.17.3 by Redgate',
    '',
    'See release notes here: https://rd.gt/416ObMi',
    'Database: jdbc:postgresql://identity-pg.identity.svc.cluster.local:5432/identity (PostgreSQL 16.4)',
    'Successfully validated 88 migrations (execution time 00:00.094s)',
    'Current version of schema "public": 87',
    'Migrating schema "public" to version "88 - add accounts risk tier"',
  );
  const exportLog = lines(
    `${pyTime(133.8)} INFO ledger_export: starting nightly export for 2026-11-20 (tables: accounts, memberships, ledger_entries, invoices)`,
    `${pyTime(133.8)} INFO ledger_export: BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY (one snapshot for all tables)`,
    `${pyTime(129.1)} INFO ledger_export: accounts: 4,812,331 rows -> s3://acme-finance-exports/identity/2026-11-20/accounts.csv.gz (278.6 s)`,
    `${pyTime(121.7)} INFO ledger_export: memberships: 9,104,877 rows -> s3://acme-finance-exports/identity/2026-11-20/memberships.csv.gz (441.9 s)`,
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((i) => [
      `${pyTime(115 - i * 9.5)} INFO ledger_export: ledger_entries: ${(12 + i * 6.5).toFixed(1)}M / 141.2M rows streamed`,
      ...(i === 6 ? [`${pyTime(57.9)} WARNING ledger_export: ledger_entries is larger than last month's (141.2M vs 118.9M rows); export will take longer`] : []),
    ]),
  );
  const apiLog = (p: k8s.V1Pod, k: number) => ({
    current: lines(
      `{"level":30,"time":${epochMs(40 + k)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/accounts/acc_2Yc${k}Lq"},"res":{"statusCode":200},"responseTime":${9 + k},"msg":"request completed"}`,
      `{"level":30,"time":${epochMs(17 + k * 0.1)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/sessions"},"res":{"statusCode":201},"responseTime":${31 + k},"msg":"request completed"}`,
      ...Array.from({ length: 14 }, (_, i) => {
        const t = 15.3 - i * 1.05 - k * 0.07;
        return i % 3 === 2
          ? `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/accounts/acc_${nameSuffix(`${k}/${i}`)}"},"err":{"type":"KnexTimeoutError","message":"Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?"},"res":{"statusCode":503},"responseTime":${30002 + i},"msg":"request failed"}`
          : `{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"${i % 4 === 0 ? 'POST' : 'GET'}","url":"${i % 4 === 0 ? '/v1/sessions' : `/v1/accounts/acc_${nameSuffix(`${k}/${i}`)}`}"},"err":{"type":"DatabaseError","message":"canceling statement due to statement timeout","code":"57014"},"res":{"statusCode":500},"responseTime":${15004 + i * 3},"msg":"request failed"}`;
      }),
      `{"level":40,"time":${epochMs(0.3)},"pid":1,"hostname":"${nameOf(p)}","pool":{"used":10,"free":0,"pendingAcquires":${37 + k * 5}},"msg":"db pool saturated"}`,
    ),
  });
  const apiReadyIp = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:3000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout44-migration-alter-table-lock-queue',
    class: 'jobs',
    truth: 'The Helm pre-upgrade hook Job accounts-api-migrate (Flyway, release 5.4.0) started 16 minutes ago and ran `ALTER TABLE accounts ADD COLUMN risk_tier …`, which needs an ACCESS EXCLUSIVE lock; the nightly ledger-export CronJob has held an ACCESS SHARE lock on accounts since 01:00 inside one REPEATABLE READ transaction (pid 27310) that is still streaming ledger_entries. The ALTER waits in the lock queue without a lock_timeout, and every accounts-api query on accounts queues behind it until its 15 s statement timeout, the 10-connection pools fill and the pods turn unready. accounts-api 5.3.2 is unchanged (Helm has not rolled it out yet). Fix: cancel the migration (or the export), rerun the migration with a lock_timeout outside the export window.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...migrate.objects, ...nightly.objects,
      configMap({ namespace: ns, name: 'identity-pg-conf', createdAgo: 140 * DAYS, data: { 'postgresql.conf': pgConf } }),
      ...boundClaim({ namespace: ns, name: 'data-identity-pg-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 140 * DAYS }),
      ...exposed({ namespace: ns, name: 'identity-pg', selector: { app: 'identity-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods, endpointPort: 3000 }),
      jobEvent(migrateJob, 'SuccessfulCreate', `Created pod: ${nameOf(migratePod)}`, 16),
      ...startedNormally(migratePod, 'flyway', flywayImage, 16),
      jobEvent(nightly.jobs[2]?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(exportPod)}`, 134),
      event({ on: { kind: 'CronJob', name: 'ledger-export', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(nightly.jobs[2]?.objects[0])}`, firstAgo: 134, lastAgo: 134, component: 'cronjob-controller' }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', apiReadyIp(p), { count: k === 2 ? 31 : 58, firstAgo: 14.6 - k * 0.2, lastAgo: k === 2 ? 2.1 : 0.2 })),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog }),
      logsFor(migratePod, 'flyway', { current: flywayLog }),
      ...(exportPod === undefined ? [] : [logsFor(exportPod, 'export', { current: exportLog })]),
      ...api.pods.map((p, k) => logsFor(p, 'app', apiLog(p, k))),
    ],
    expect: {
      verdict: 'problems',
      headline: [/accounts-api-migrate|migration|ALTER TABLE/i, /lock/i],
      facts: [/AccessExclusiveLock|ACCESS EXCLUSIVE/i, /ledger-export|27310|long[- ]running (transaction|query|export)/i, /lock_timeout|pg_cancel_backend|pg_terminate_backend|cancel|kill|terminate/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /identity-pg[^\n]*(down|crash|unreachable|out of (disk|space))/i],
    },
  };
}

// ---- 4. Envoy with failure_mode_deny while its rate-limit service is scaled to zero ----------------

function envoyRateLimitFailClosed(): CorpusScenario {
  const ns = 'gateway';
  const { nodes, names } = threeEksNodes('10.0.28', ['9', '164', '250']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const envoyImage = 'docker.io/envoyproxy/envoy:v1.31.2';
  const envoyYaml = [
    'admin:',
    '  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }',
    'static_resources:',
    '  listeners:',
    '  - name: ingress_http',
    '    address: { socket_address: { address: 0.0.0.0, port_value: 8080 } }',
    '    filter_chains:',
    '    - filters:',
    '      - name: envoy.filters.network.http_connection_manager',
    '        typed_config:',
    '          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
    '          stat_prefix: ingress_http',
    '          use_remote_address: true',
    '          access_log:',
    '          - name: envoy.access_loggers.stdout',
    '            typed_config:',
    '              "@type": type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog',
    '              log_format:',
    '                json_format: { start_time: "%START_TIME%", method: "%REQ(:METHOD)%", path: "%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%", response_code: "%RESPONSE_CODE%", response_flags: "%RESPONSE_FLAGS%", response_code_details: "%RESPONSE_CODE_DETAILS%", duration: "%DURATION%", upstream_host: "%UPSTREAM_HOST%", upstream_cluster: "%UPSTREAM_CLUSTER%", x_forwarded_for: "%REQ(X-FORWARDED-FOR)%", request_id: "%REQ(X-REQUEST-ID)%", authority: "%REQ(:AUTHORITY)%" }',
    '          route_config:',
    '            name: public',
    '            virtual_hosts:',
    '            - name: api',
    '              domains: ["api.shop.example.com"]',
    '              rate_limits:',
    '              - actions:',
    '                - remote_address: {}',
    '              routes:',
    '              - match: { prefix: "/api/orders" }',
    '                route: { cluster: orders_api, timeout: 15s }',
    '              - match: { prefix: "/api/catalog" }',
    '                route: { cluster: catalog_api, timeout: 5s }',
    '          http_filters:',
    '          - name: envoy.filters.http.ratelimit',
    '            typed_config:',
    '              "@type": type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit',
    '              domain: edge',
    '              stage: 0',
    '              timeout: 0.25s',
    '              failure_mode_deny: true',
    '              enable_x_ratelimit_headers: DRAFT_VERSION_03',
    '              rate_limit_service:',
    '                transport_api_version: V3',
    '                grpc_service:',
    '                  envoy_grpc: { cluster_name: ratelimit }',
    '          - name: envoy.filters.http.router',
    '            typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router }',
    '  clusters:',
    '  - name: ratelimit',
    '    type: STRICT_DNS',
    '    connect_timeout: 0.25s',
    '    typed_extension_protocol_options:',
    '      envoy.extensions.upstreams.http.v3.HttpProtocolOptions:',
    '        "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
    '        explicit_http_config: { http2_protocol_options: {} }',
    '    load_assignment:',
    '      cluster_name: ratelimit',
    '      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: ratelimit.gateway.svc.cluster.local, port_value: 8081 } } } }] }]',
    '  - name: orders_api',
    '    type: STRICT_DNS',
    '    connect_timeout: 1s',
    '    load_assignment:',
    '      cluster_name: orders_api',
    '      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: orders-api.shop.svc.cluster.local, port_value: 80 } } } }] }]',
    '  - name: catalog_api',
    '    type: STRICT_DNS',
    '    connect_timeout: 1s',
    '    load_assignment:',
    '      cluster_name: catalog_api',
    '      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: catalog-api.shop.svc.cluster.local, port_value: 80 } } } }] }]',
    '',
  ].join('\n');
  const envoyCfg = configMap({ namespace: ns, name: 'edge-envoy-config', createdAgo: 180 * DAYS, updatedAgo: 26 * DAYS, data: { 'envoy.yaml': envoyYaml } });
  const envoyTpl: TemplateOpts = {
    containers: [container({
      name: 'envoy', image: envoyImage, args: ['-c', '/etc/envoy/envoy.yaml', '--log-level', 'warn', '--component-log-level', 'upstream:info'],
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'admin', containerPort: 9901 }], cpu: '1', memory: '512Mi',
      readiness: httpProbe('/ready', 'admin', { periodSeconds: 5 }), liveness: httpProbe('/server_info', 'admin', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/envoy', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'edge-envoy-config' } }],
  };
  const envoy = deploymentApp({
    namespace: ns,
    name: 'edge-envoy',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 40 * DAYS, template: { ...envoyTpl, containers: [{ ...envoyTpl.containers[0], image: 'docker.io/envoyproxy/envoy:v1.31.0' } as k8s.V1Container] } },
      { revision: 22, createdAgo: 26 * DAYS, template: envoyTpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: nodeAt(k), createdAgo: 26 * DAYS - k })),
  });
  annotate(deploymentOf(envoy), { 'downscaler/exclude': 'true' });
  const rlImage = 'docker.io/envoyproxy/ratelimit:1b4ebd2a';
  const rlTpl: TemplateOpts = {
    containers: [container({
      name: 'ratelimit', image: rlImage, command: ['/bin/ratelimit'],
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 8081 }, { name: 'debug', containerPort: 6070 }], cpu: '250m', memory: '128Mi',
      env: [
        { name: 'USE_STATSD', value: 'false' },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'REDIS_SOCKET_TYPE', value: 'tcp' },
        { name: 'REDIS_URL', value: 'ratelimit-redis.gateway.svc.cluster.local:6379' },
        { name: 'RUNTIME_ROOT', value: '/data' },
        { name: 'RUNTIME_SUBDIRECTORY', value: 'ratelimit' },
        { name: 'RUNTIME_WATCH_ROOT', value: 'false' },
      ],
      readiness: httpProbe('/healthcheck', 'http'), liveness: httpProbe('/healthcheck', 'http', { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/data/ratelimit/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'ratelimit-config' } }],
  };
  const rl = deploymentApp({
    namespace: ns,
    name: 'ratelimit',
    replicas: 0,
    revisions: [{ revision: 6, createdAgo: 61 * DAYS, template: rlTpl }],
    pods: [],
    settled: { available: true, availableSince: 61 * DAYS, progressingSince: 61 * DAYS },
  });
  annotate(deploymentOf(rl), { 'downscaler/original-replicas': '2' });
  const rlRs = rsOf(rl, 6);
  const rlGone = [0, 1].map((k) => `${rlRs}-${nameSuffix(`${rlRs}/gone-${k}`)}`);
  const redis = statefulSetApp({
    namespace: ns,
    name: 'ratelimit-redis',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 61 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '100m', memory: '256Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: nodeAt(1), createdAgo: 20 * DAYS }],
  });
  const docs = deploymentApp({
    namespace: ns,
    name: 'gateway-docs',
    replicas: 0,
    revisions: [{ revision: 4, createdAgo: 70 * DAYS, template: { containers: [container({ image: `${ECR}/gateway/gateway-docs:2024.10.2`, ports: [8080], cpu: '50m', memory: '64Mi' })] } }],
    pods: [],
    settled: { available: true, availableSince: 70 * DAYS, progressingSince: 70 * DAYS },
  });
  annotate(deploymentOf(docs), { 'downscaler/original-replicas': '1' });
  const gw = namespace({ name: ns, createdAgo: 400 * DAYS });
  gw.metadata = {
    ...gw.metadata,
    annotations: { 'downscaler/downtime': 'Mon-Sun 03:00-06:00 UTC' },
    managedFields: [
      ...(gw.metadata?.managedFields ?? []),
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(20 * HOURS), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:downscaler/downtime': {} } } } },
    ],
  };
  const dsNs = 'kube-downscaler';
  const ds = deploymentApp({
    namespace: dsNs,
    name: 'kube-downscaler',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'downscaler', image: 'ghcr.io/caas-team/kube-downscaler:24.8.2', args: ['--interval=60', '--exclude-namespaces=kube-system,kube-downscaler'], ports: [], cpu: '50m', memory: '128Mi', readiness: null, liveness: null })], serviceAccountName: 'kube-downscaler' } }],
    pods: [{ revision: 3, node: nodeAt(2), createdAgo: 11 * DAYS }],
  });
  const dsLog = lines(
    `${pyTime(11 * DAYS - 0.2)} INFO: Downscaler v24.8.2 started with debug=False, default_downtime=never, default_uptime=always, deployment_time_annotation=None, downscale_period=never, downtime_replicas=0, dry_run=False, enable_events=False, exclude_deployments=kube-downscaler,downscaler, exclude_namespaces=kube-system,kube-downscaler, grace_period=900, include_resources=deployments, interval=60, namespace=, once=False, upscale_period=never`,
    `${pyTime(13.93)} INFO: Scaling down Deployment gateway/gateway-docs from 1 to 0 replicas (uptime: always, downtime: Mon-Sun 03:00-06:00 UTC)`,
    `${pyTime(13.92)} INFO: Scaling down Deployment gateway/ratelimit from 2 to 0 replicas (uptime: always, downtime: Mon-Sun 03:00-06:00 UTC)`,
  );
  const paths = ['GET /api/catalog/products?page=1', 'GET /api/orders/ord_9f2k1', 'POST /api/orders', 'GET /api/catalog/categories', 'GET /api/orders?status=open'];
  const xff = (i: number) => `${[203, 198, 192][i % 3]}.${(i * 37) % 255}.${(i * 11) % 255}.${(i * 73) % 250 + 2}`;
  const envoyLog = (p: k8s.V1Pod, k: number) => {
    const head = [
      `[${at(26 * DAYS - k).replace('T', ' ').replace('Z', '')}][1][warning][main] [source/server/server.cc:936] There is no configured limit to the number of allowed active downstream connections. Configure a limit in \`envoy.resource_monitors.downstream_connections\` resource monitor.`,
    ];
    const body = every(20, 0.05, 15, (t, i) => {
      const path = paths[(i + k) % paths.length] ?? 'GET /';
      const [method, url] = path.split(' ');
      const orders = (url ?? '').startsWith('/api/orders');
      const base = `"start_time":"${at(t)}","method":"${method}","path":"${url}","x_forwarded_for":"${xff(i + k * 5)}","request_id":"${nameSuffix(`${k}/${i}/a`)}${nameSuffix(`${k}/${i}/b`)}-7d1e-4c2a-9b1f-${nameSuffix(`${k}/${i}/c`)}e4a1c2","authority":"api.shop.example.com"`;
      if (t > 13.93) return `{${base},"response_code":${method === 'POST' ? 201 : 200},"response_flags":"-","response_code_details":"via_upstream","duration":${orders ? 38 + (i % 29) : 12 + (i % 9)},"upstream_host":"172.20.${orders ? '41.19' : '87.202'}:80","upstream_cluster":"${orders ? 'orders_api' : 'catalog_api'}"}\n`;
      return `{${base},"response_code":500,"response_flags":"RLSE","response_code_details":"rate_limiter_error","duration":${i % 4 === 0 ? 2 : 1},"upstream_host":null,"upstream_cluster":"${orders ? 'orders_api' : 'catalog_api'}"}\n`;
    });
    return { current: head.join('\n') + '\n' + body };
  };
  const dep = deploymentOf(rl);
  return {
    id: 'heldout44-envoy-ratelimit-fail-closed',
    class: 'network',
    truth: 'The edge Envoy (edge-envoy) calls the global rate-limit service for every request with `failure_mode_deny: true`. Yesterday an Argo CD change meant for staging put `downscaler/downtime: Mon-Sun 03:00-06:00 UTC` on the production gateway namespace, and at 03:00 kube-downscaler scaled the ratelimit Deployment from 2 to 0 (edge-envoy itself carries downscaler/exclude). With no ratelimit endpoints every rate-limit check fails, so Envoy refuses every request with 500 (response flag RLSE, rate_limiter_error) although orders-api and catalog-api are fine. Fix: scale ratelimit back to 2 and remove the annotation (or exclude ratelimit); consider failure_mode_deny false.',
    ask: { service: 'edge-envoy', namespace: ns },
    objects: [
      ...nodes, gw, envoyCfg, ...envoy.objects, ...rl.objects, ...redis.objects, ...docs.objects, ...ds.objects,
      configMap({ namespace: ns, name: 'ratelimit-config', createdAgo: 61 * DAYS, updatedAgo: 9 * DAYS, data: { 'config.yaml': 'domain: edge\ndescriptors:\n  - key: remote_address\n    rate_limit:\n      unit: second\n      requests_per_unit: 50\n' } }),
      ...exposed({ namespace: ns, name: 'edge-envoy', selector: { app: 'edge-envoy' }, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: envoy.pods }),
      ...exposed({ namespace: ns, name: 'ratelimit', selector: { app: 'ratelimit' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }, { name: 'grpc', port: 8081, targetPort: 'grpc' }], pods: [], endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'ratelimit-redis', selector: { app: 'ratelimit-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      scaledReplicaSet(dep, rlRs, 0, 2, 13.92),
      scaledReplicaSet(deploymentOf(docs), rsOf(docs, 4), 0, 1, 13.93),
      ...rlGone.flatMap((n) => [
        event({ on: { kind: 'ReplicaSet', name: rlRs, namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${n}`, firstAgo: 13.92, lastAgo: 13.92, component: 'replicaset-controller' }),
        event({ on: { kind: 'Pod', name: n, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container ratelimit', firstAgo: 13.92, lastAgo: 13.92, fieldPath: 'spec.containers{ratelimit}' }),
      ]),
    ],
    logs: [
      ...envoy.pods.map((p, k) => logsFor(p, 'envoy', envoyLog(p, k))),
      logsFor(podOf(ds, 0), 'downscaler', { current: dsLog }),
      logsFor(podOf(redis, 0), 'redis', { current: lines(`1:M 21 Nov 2026 02:14:00.118 * 100 changes in 300 seconds. Saving...`, `1:M 21 Nov 2026 02:14:00.119 * Background saving started by pid 412`, `412:C 21 Nov 2026 02:14:00.131 * DB saved on disk`, `1:M 21 Nov 2026 02:14:00.220 * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rate.?limit/i, /scaled? (down )?to (0|zero)|0 replicas|zero replicas|no (ready )?endpoints|\bdown\b|unavailable|unreachable|downscaler/i],
      facts: [/failure_mode_deny/, /RLSE|rate_limiter_error|\b500\b/, /downscaler/i],
      never: [/\bOOM/, /edge-envoy[^\n]*(crash|restart|OOM)/i, /\b429\b|over[_ ]limit|limits? (is |are )?(too low|exceeded)/i],
    },
  };
}

// ---- 5. Logback AsyncAppender blocking request threads: GELF TCP cut off by a NetworkPolicy ---------

function logbackAsyncAppenderBlocks(): CorpusScenario {
  const ns = 'pricing';
  const name = 'quote-service';
  const { nodes, names } = threeEksNodes('10.0.77', ['35', '102', '199']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const image = `${ECR}/pricing/${name}:4.2.7`;
  const logback = [
    '<configuration scan="false">',
    '  <statusListener class="ch.qos.logback.core.status.OnConsoleStatusListener" />',
    '  <include resource="org/springframework/boot/logging/logback/defaults.xml" />',
    '  <include resource="org/springframework/boot/logging/logback/console-appender.xml" />',
    '',
    '  <appender name="GELF" class="de.siegmar.logbackgelf.GelfTcpAppender">',
    '    <graylogHost>graylog-gelf.logging.svc.cluster.local</graylogHost>',
    '    <graylogPort>12201</graylogPort>',
    '    <connectTimeout>15000</connectTimeout>',
    '    <reconnectInterval>60</reconnectInterval>',
    '    <maxRetries>2</maxRetries>',
    '    <retryDelay>3000</retryDelay>',
    '    <encoder class="de.siegmar.logbackgelf.GelfEncoder">',
    '      <includeMdcData>true</includeMdcData>',
    '      <staticField>app:quote-service</staticField>',
    '    </encoder>',
    '  </appender>',
    '',
    '  <appender name="ASYNC_GELF" class="ch.qos.logback.classic.AsyncAppender">',
    '    <queueSize>512</queueSize>',
    '    <discardingThreshold>0</discardingThreshold>',
    '    <neverBlock>false</neverBlock>',
    '    <appender-ref ref="GELF" />',
    '  </appender>',
    '',
    '  <root level="INFO">',
    '    <appender-ref ref="CONSOLE" />',
    '    <appender-ref ref="ASYNC_GELF" />',
    '  </root>',
    '</configuration>',
    '',
  ].join('\n');
  const tpl: TemplateOpts = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'LOGGING_CONFIG', value: '/config/logback-spring.xml' },
        { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40, timeoutSeconds: 3 }),
      volumeMounts: [{ name: 'logging', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'logging', configMap: { name: `${name}-logging` } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name,
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 21 * DAYS, changeCause: 'argocd: quote-service 4.2.6', template: { ...tpl, containers: [{ ...tpl.containers[0], image: `${ECR}/pricing/${name}:4.2.6` } as k8s.V1Container] } },
      { revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: quote-service 4.2.7', template: tpl },
    ],
    pods: [
      { revision: 27, node: nodeAt(0), createdAgo: 8 * DAYS, containers: { app: running({ sinceAgo: 2.4, restarts: 7, last: { exitCode: 137, reason: 'Error', finishedAgo: 2.9, ranSeconds: 262 } }) } },
      { revision: 27, node: nodeAt(1), createdAgo: 8 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 5.6, ready: false, restarts: 6, last: { exitCode: 137, reason: 'Error', finishedAgo: 6, ranSeconds: 301 } }) } },
      { revision: 27, node: nodeAt(2), createdAgo: 8 * DAYS - 2, containers: { app: crashLoop({ exitCode: 137, reason: 'Error', finishedAgo: 1.1, ranSeconds: 248 }, 8) } },
    ],
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const rules = bystander(ns, 'pricing-rules', names, 26 * HOURS, { revisions: [12, 13], versions: ['1.19.0', '1.19.1'], olderAgo: 30 * DAYS });
  const policy = networkPolicy({
    namespace: ns,
    name: 'egress-allowlist',
    createdAgo: 38,
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ podSelector: {} }] },
      { to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ],
  });
  policy.metadata = { ...policy.metadata, labels: { 'app.kubernetes.io/managed-by': 'kyverno', 'generate.kyverno.io/policy-name': 'default-egress-allowlist', 'generate.kyverno.io/rule-name': 'generate-egress' } };
  const log = springLine(name);
  const status = (t: number) => [
    `${at(t).slice(11, 23).replace('.', ',')} |-ERROR in de.siegmar.logbackgelf.GelfTcpAppender[GELF] - Error sending message via tcp://graylog-gelf.logging.svc.cluster.local:12201 java.net.SocketTimeoutException: Connect timed out`,
    '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:551)',
    '\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)',
    '\tat java.base/java.net.Socket.connect(Socket.java:751)',
    '\tat de.siegmar.logbackgelf.pool.TcpConnection.connect(TcpConnection.java:69)',
    '\tat de.siegmar.logbackgelf.GelfTcpAppender.sendMessage(GelfTcpAppender.java:138)',
    '\tat ch.qos.logback.core.AsyncAppenderBase$Worker.run(AsyncAppenderBase.java:326)',
  ].join('\n');
  const run = (startedAgo: number, endAgo: number, k: number, killed: boolean): string => {
    const out: string[] = [
      'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
      log(startedAgo, 'INFO', 'main', 'c.a.pricing.QuoteServiceApplication', 'Starting QuoteServiceApplication v4.2.7 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      log(startedAgo, 'INFO', 'main', 'c.a.pricing.QuoteServiceApplication', 'The following 1 profile is active: "prod"'),
      log(startedAgo - 0.15, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      log(startedAgo - 0.3, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'quote-pool - Start completed.'),
      log(startedAgo - 0.36, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      log(startedAgo - 0.36, 'INFO', 'main', 'c.a.pricing.QuoteServiceApplication', `Started QuoteServiceApplication in 21.${4 + k} seconds (process running for 22.${9 - k})`),
    ];
    let t = startedAgo - 0.4;
    let i = 0;
    while (t > endAgo + 0.05) {
      const blocked = t < startedAgo - 1.2;
      if (!blocked) out.push(log(t, 'INFO', `nio-8080-exec-${(i % 9) + 1}`, 'c.a.pricing.quote.QuoteController', `quote computed sku=SKU-${40000 + ((i * 131 + k * 17) % 9000)} region=eu-west qty=${1 + (i % 4)} durationMs=${38 + (i % 23)}`));
      else {
        if (i % 2 === 0) out.push(status(t));
        out.push(log(t - 0.02, 'INFO', `io-8080-exec-${(i * 7) % 200 + 1}`, 'c.a.pricing.quote.QuoteController', `quote computed sku=SKU-${40000 + ((i * 131 + k * 17) % 9000)} region=eu-west qty=${1 + (i % 4)} durationMs=${14000 + ((i * 4099) % 31000)}`));
      }
      t -= blocked ? 0.4 : 0.08;
      i++;
    }
    if (killed) out.push(log(endAgo + 0.02, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'));
    return lines(...out);
  };
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const livenessDetail = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const readinessDetail = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout44-logback-async-appender-blocks-threads',
    class: 'network',
    truth: 'quote-service logs through a Logback AsyncAppender (queueSize 512, neverBlock=false) in front of a GELF TCP appender to graylog-gelf.logging:12201. 38 minutes ago a Kyverno-generated NetworkPolicy egress-allowlist started allowing only DNS, Postgres, in-namespace and port 443 egress, so every connection to Graylog times out after 15 s; the async queue filled and every request thread now blocks in the logging call, so requests hang, liveness probes time out and the kubelet kills the pods (exit 137) again and again. Fix: allow egress to the logging namespace on 12201 (and set neverBlock=true so log shipping can never stall requests).',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rules.objects, policy,
      configMap({ namespace: ns, name: `${name}-logging`, createdAgo: 200 * DAYS, updatedAgo: 60 * DAYS, data: { 'logback-spring.xml': logback } }),
      ...exposed({ namespace: ns, name, selector: { app: name }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-rules', selector: { app: 'pricing-rules' }, pods: rules.pods }),
      ...[p0, p1, p2].flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', livenessDetail(p), { count: 21 + k * 2, firstAgo: 35 - k, lastAgo: [3.1, 6.2, 1.4][k] ?? 1 }),
        probeFailed(p, 'app', 'Readiness', readinessDetail(p), { count: 44 + k * 3, firstAgo: 35.2 - k, lastAgo: [3.0, 0.2, 1.5][k] ?? 1 }),
        probeKilling(p, 'app', 'liveness', { count: 7 + (k === 2 ? 1 : k === 1 ? -1 : 0), firstAgo: 34.6 - k, lastAgo: [3.1, 6.2, 1.4][k] ?? 1 }),
      ]),
      backOff(p2, 'app', { count: 9, firstAgo: 19, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: run(2.4, 0, 0, false), previous: run(7.3, 2.9, 0, true) }),
      logsFor(p1, 'app', { current: run(5.6, 0, 1, false), previous: run(11, 6, 1, true) }),
      logsFor(p2, 'app', { previous: run(5.3, 1.1, 2, true) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/AsyncAppender|logback|logging|log appender|GELF|graylog/i, /egress-allowlist|NetworkPolicy/i],
      facts: [/neverBlock/i, /12201|graylog/i, /liveness/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /\b(database|postgres|hikari)\b[^\n]*(down|unreachable|slow|exhausted)/i],
    },
  };
}

// ---- 6. Node.js: bcrypt cost 14 saturates libuv's 4-thread pool; dns.lookup and fs starve ---------

function libuvThreadpoolBcrypt(): CorpusScenario {
  const ns = 'auth';
  const name = 'login-api';
  const { nodes, names } = threeEksNodes('10.0.205', ['17', '84', '230']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const image = (v: string) => `${ECR}/auth/${name}:${v}`;
  const tpl = (v: string, rounds: string): TemplateOpts => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', cpuLimit: '1', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'BCRYPT_ROUNDS', value: rounds },
        { name: 'DATABASE_HOST', value: 'auth-db.cluster-cq81mxe2wz4k.eu-west-1.rds.amazonaws.com' },
        { name: 'USER_PROFILE_URL', value: 'http://user-profile.auth.svc.cluster.local' },
        { name: 'REDIS_URL', value: 'redis://sessions-redis.auth.svc.cluster.local:6379' },
        { name: 'UPSTREAM_TIMEOUT_MS', value: '2000' },
      ],
      readiness: httpProbe('/healthz', 3000, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const created = [42, 41.6, 41.2, 34, 30.5, 30.4];
  const app = deploymentApp({
    namespace: ns,
    name,
    replicas: 6,
    revisions: [
      { revision: 56, createdAgo: 12 * DAYS, changeCause: 'argocd: login-api 3.7.4', template: tpl('3.7.4', '10') },
      { revision: 57, createdAgo: 42, changeCause: 'argocd: login-api 3.8.0', template: tpl('3.8.0', '14') },
    ],
    pods: created.map((c, k) => ({ revision: 57, node: nodeAt(k), createdAgo: c })),
    settled: { available: true, availableSince: 41, progressingSince: 42, progressingUpdatedAgo: 41 },
  });
  const profile = deploymentApp({
    namespace: ns,
    name: 'user-profile',
    replicas: 2,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: user-profile 2.2.9', template: { containers: [container({ image: `${ECR}/auth/user-profile:2.2.9`, ports: [8080], cpu: '250m', memory: '256Mi' })] } }],
    pods: [{ revision: 33, node: nodeAt(1), createdAgo: 6 * DAYS }, { revision: 33, node: nodeAt(2), createdAgo: 6 * DAYS - 1 }],
  });
  const dns = coreDns([{ node: nodeAt(0) }, { node: nodeAt(2) }]);
  const autoscaler = hpa({
    namespace: ns, name, target: { kind: 'Deployment', name }, min: 3, max: 6, current: 6, desired: 6, lastScaleAgo: 30.5,
    cpu: { current: 188, target: 70, averageValue: '941m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(25) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(100 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(30.5) },
    ],
  });
  const dep = deploymentOf(app);
  const pino = (p: k8s.V1Pod, t: number, level: number, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}",${rest}}`;
  const appLog = (p: k8s.V1Pod, k: number) => {
    const start = (created[k] ?? 30) - 0.2;
    const out: string[] = [
      `(node:1) [DEP0040] DeprecationWarning: The \`punycode\` module is deprecated. Please use a userland alternative instead.`,
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
      pino(p, start, 30, `"version":"3.8.0","node":"v22.11.0","bcryptRounds":14,"msg":"login-api listening on :3000"`),
    ];
    for (let i = 0, t = start - 0.5; t > 0.1; i++, t -= 0.7) {
      const user = `usr_${nameSuffix(`${k}/${i}`)}${nameSuffix(`${i}/${k}`)}`;
      switch (i % 6) {
        case 0:
          out.push(pino(p, t, 30, `"req":{"method":"POST","url":"/v1/login"},"res":{"statusCode":200},"responseTime":${5200 + ((i * 977 + k * 131) % 9000)},"msg":"request completed"`));
          break;
        case 1:
          out.push(pino(p, t, 50, `"err":{"type":"AxiosError","message":"timeout of 2000ms exceeded","code":"ECONNABORTED"},"upstream":"http://user-profile.auth.svc.cluster.local/v1/profiles/${user}","msg":"profile fetch failed"`));
          out.push(pino(p, t - 0.01, 30, `"req":{"method":"POST","url":"/v1/login"},"res":{"statusCode":502},"responseTime":${2004 + (i % 9)},"msg":"request completed"`));
          break;
        case 2:
          out.push(pino(p, t, 50, `"err":{"type":"Error","message":"timeout exceeded when trying to connect","stack":"Error: timeout exceeded when trying to connect\\n    at Timeout._onTimeout (/app/node_modules/pg-pool/index.js:205:27)\\n    at listOnTimeout (node:internal/timers:594:17)\\n    at process.processTimers (node:internal/timers:529:7)"},"msg":"db connect failed"`));
          break;
        case 3:
          out.push(pino(p, t, 30, `"req":{"method":"POST","url":"/v1/token/refresh"},"res":{"statusCode":200},"responseTime":${3 + (i % 5)},"msg":"request completed"`));
          break;
        case 4:
          out.push(pino(p, t, 40, `"template":"/app/templates/email/new-device.hbs","ms":${4100 + ((i * 331) % 3000)},"msg":"slow template load"`));
          break;
        default:
          out.push(pino(p, t, 30, `"eventLoopDelayP99Ms":${(9.8 + ((i + k) % 7) * 0.9).toFixed(1)},"heapUsedMb":${131 + (i % 17)},"rssMb":${228 + (i % 23)},"activeRequests":${44 + ((i * 7 + k) % 30)},"msg":"runtime stats"`));
      }
    }
    return { current: lines(...out) };
  };
  return {
    id: 'heldout44-node-libuv-threadpool-bcrypt',
    class: 'rollout',
    truth: 'login-api revision 57 (3.8.0, 42 minutes ago) raised BCRYPT_ROUNDS from 10 to 14, making each native bcrypt hash ~16× longer. bcrypt runs on libuv\'s threadpool, which has the default 4 threads (no UV_THREADPOOL_SIZE), so the login hashes occupy it and every dns.lookup (new connections to user-profile and RDS) and fs read waits behind them: upstream calls time out at 2 s, pg-pool cannot connect, templates load in seconds, while the event loop itself stays responsive and the HPA sits at its maximum of 6 on throttled CPU. Fix: roll back to revision 56 (or restore BCRYPT_ROUNDS=10), then raise the cost only with a bigger UV_THREADPOOL_SIZE and CPU.',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...profile.objects, ...dns.objects, autoscaler,
      ...exposed({ namespace: ns, name, selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'user-profile', selector: { app: 'user-profile' }, pods: profile.pods }),
      scaledReplicaSet(dep, rsOf(app, 57), 1, 0, 42),
      scaledReplicaSet(dep, rsOf(app, 56), 2, 3, 41.6),
      scaledReplicaSet(dep, rsOf(app, 57), 3, 1, 41.6),
      scaledReplicaSet(dep, rsOf(app, 56), 0, 2, 41.2),
      scaledReplicaSet(dep, rsOf(app, 57), 4, 3, 34),
      scaledReplicaSet(dep, rsOf(app, 57), 6, 4, 30.5),
      event({ on: { kind: 'HorizontalPodAutoscaler', name, namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 34, lastAgo: 34, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name, namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 30.5, lastAgo: 30.5, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.0'), created[k] ?? 30)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', appLog(p, k))),
      ...profile.pods.map((p, k) => logsFor(p, 'app', { current: lines(...[3, 2, 1, 0.2].map((t, i) => `{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/profiles/usr_${nameSuffix(`p${k}/${i}`)}","status":200,"dur_ms":${4 + i}}`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/bcrypt|BCRYPT_ROUNDS|threadpool|thread pool|libuv|UV_THREADPOOL/i, /revision 57|3\.8\.0|BCRYPT_ROUNDS|rounds|cost/i],
      facts: [/UV_THREADPOOL_SIZE|threadpool|thread pool|libuv/i, /BCRYPT_ROUNDS|\b14\b/, /roll ?back|revert|revision 56|BCRYPT_ROUNDS ?=? ?10/i],
      never: [/\bOOM/, /CoreDNS[^\n]*(down|fail|broken|overload)/i, /event[- ]loop (is |was )?(blocked|starved)/i],
    },
  };
}

// ---- 7. healthy control: gunicorn recycling workers with --max-requests ----------------------------

function gunicornWorkerRecyclingHealthy(): CorpusScenario {
  const ns = 'reviews';
  const name = 'reviews-api';
  const { nodes, names } = threeEksNodes('10.0.163', ['26', '91', '214']);
  const nodeAt = (i: number): string => names[i % 3] ?? '';
  const image = `${ECR}/reviews/${name}:2.17.0`;
  const tpl: TemplateOpts = {
    containers: [container({
      image, ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn'],
      args: ['reviews.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--max-requests', '2000', '--max-requests-jitter', '200', '--timeout', '30'],
      env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'reviews.settings.prod' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name,
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: reviews-api 2.16.3', template: { ...tpl, containers: [{ ...tpl.containers[0], image: `${ECR}/reviews/${name}:2.16.3` } as k8s.V1Container] } },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: reviews-api 2.17.0', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: nodeAt(k), createdAgo: 6 * DAYS - k })),
  });
  const moderation = bystander(ns, 'reviews-moderation', names, 2 * DAYS, { revisions: [8, 9], versions: ['0.14.1', '0.15.0'], olderAgo: 25 * DAYS });
  const appLog = (k: number) => {
    // No access log (it would be ~1800 lines a minute); a middleware writes one summary a minute.
    let pid = 2140 + k * 311;
    let workers = [pid - 3, pid - 2, pid - 1, pid];
    const out: string[] = [];
    let nextRecycle = 29.6 - k * 0.31;
    for (let i = 0, t = 30; t > 0.05; i++, t -= 1) {
      out.push(`${pyTime(t)} INFO reviews.middleware.metrics: window=60s requests=${1790 + ((i * 53 + k * 29) % 140)} status_2xx=${1781 + ((i * 53 + k * 29) % 140)} status_4xx=${4 + ((i + k) % 6)} status_5xx=0 p50_ms=${19 + ((i + k) % 5)} p95_ms=${71 + ((i * 7 + k) % 19)} p99_ms=${118 + ((i * 11 + k) % 40)}`);
      while (nextRecycle > t - 1 && nextRecycle > 0.05) {
        const j = Math.round(nextRecycle * 100);
        const old = workers[j % 4] ?? pid;
        pid += 2 + (j % 5);
        out.push(
          `${gunicornTime(nextRecycle)} [${old}] [INFO] Autorestarting worker after current request.`,
          `${gunicornTime(nextRecycle - 0.003)} [${old}] [INFO] Worker exiting (pid: ${old})`,
          `${gunicornTime(nextRecycle - 0.015)} [${pid}] [INFO] Booting worker with pid: ${pid}`,
        );
        workers = workers.map((w) => (w === old ? pid : w));
        nextRecycle -= 0.9 + ((j * 37) % 60) / 100;
      }
    }
    return { current: lines(...out) };
  };
  return {
    id: 'heldout44-gunicorn-worker-recycling-healthy',
    class: 'healthy',
    truth: 'reviews-api is healthy: gunicorn runs with --max-requests 2000 and jitter, so each worker retires itself after about 2000 requests ("Autorestarting worker after current request", "Worker exiting", "Booting worker") at ~1800 requests a minute per pod that is a recycle about every minute, by design, while the master and the other workers keep serving; the containers have not restarted, all 3 pods are ready, and the per-minute metrics show no 5xx and a p99 near 130 ms.',
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...moderation.objects,
      ...exposed({ namespace: ns, name, selector: { app: name }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reviews-moderation', selector: { app: 'reviews-moderation' }, pods: moderation.pods }),
      scaledReplicaSet(deploymentOf(moderation), rsOf(moderation, 9), 2, 0, 2 * DAYS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', appLog(k))),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (obvious )?(problem|issue|fault)s?|nothing (wrong|abnormal)|all 3/i],
      facts: [/reviews-api/, /3\/3|3 of 3|all 3|3 (ready|running)/i],
      never: [/crash|restart(ed|ing)? (loop|repeatedly)/i, /worker[^\n]*(crash|died|killed|fail)/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  haproxyMaxconnQueue(),
  kafkaConsumerGraceTooShort(),
  migrationLockQueue(),
  envoyRateLimitFailClosed(),
  logbackAsyncAppenderBlocks(),
  libuvThreadpoolBcrypt(),
  gunicornWorkerRecyclingHealthy(),
];
