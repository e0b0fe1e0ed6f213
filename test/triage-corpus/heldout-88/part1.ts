// Held-out stories, eighty-eighth round, part one (written blind):
// 1. fluent-bit DaemonSet with updateStrategy OnDelete: the fixed revision 7 (3.2.4) was applied an hour ago but only
//    the two pods deleted since run it; the three revision-6 (3.2.2) pods keep crash-looping on SIGSEGV.
// 2. api-gateway revision 58 lowered -XX:MaxDirectMemorySize to 64m in JAVA_TOOL_OPTIONS: Reactor Netty fails
//    requests with OutOfDirectMemoryError (16 MiB chunks); pods stay Running, one restarted on liveness.
// 3. A new default-deny ingress NetworkPolicy (plus app ports 8080/9090 only) blocks Hazelcast's 5701 between
//    price-engine's own pods: after the next restart each member is a cluster of one, caches split and go stale.
// 4. The partition-maintenance CronJob created 4,320 hourly partitions overnight: queries on the parent table fail
//    "out of shared memory" / max_locks_per_transaction; metrics-api pods stay Ready.
// 5. The new node group's image points /etc/resolv.conf at 127.0.0.53: the CoreDNS pods scheduled there crash-loop
//    on plugin/loop, and checkout-api's lookups time out intermittently.
// 6. nightly-ledger-export pins ledger-export:2.7.0-rc.3, which ECR's lifecycle policy expired: the Job's pod sits
//    in ImagePullBackOff (not found) and tonight's export has not run.
// 7. Healthy control: a Kafka consumer whose start-up log warns that schema.registry.url "isn't a known config".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, coreDns, crashLoop, cronJob, cronJobEvent, deploymentApp,
  event, exposed, httpProbe, jobEvent, nameOf, networkPolicy, node, probeFailed, probeKilling, pyTime, restartedAgain,
  running, scheduled, startedNormally, statefulSetApp, waiting, daemonSetApp,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
/** Spring Boot 3 console time: `2026-11-21T03:12:41.563Z`. */
const sb = (m: number): string => at(m);
/** Fluent Bit's time: `[2026/11/21 03:12:41]`. */
const fbTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}]`;
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. DaemonSet OnDelete: the fix applied, most pods still on the old revision ----------------------

function daemonSetOnDeleteOldPodsCrash(): CorpusScenario {
  const ns = 'logging';
  const hosts = ['14', '87', '133', '201', '240'];
  const nodes = hosts.map((h, i) => node({ name: eksNodeName(`10.0.36.${h}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] ?? 'eu-west-1a' }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `cr.fluentbit.io/fluent/fluent-bit:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'fluent-bit', image: image(v), ports: [{ name: 'http', containerPort: 2020 }], cpu: '100m', memory: '128Mi',
      readiness: httpProbe('/api/v1/health', 'http'), liveness: httpProbe('/', 'http'),
      volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }, { name: 'config', mountPath: '/fluent-bit/etc/conf' }],
    })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }, { name: 'config', configMap: { name: 'fluent-bit' } }],
    tolerations: [{ operator: 'Exists' }],
    priorityClassName: 'system-node-critical',
  });
  const crash = (k: number) => crashLoop({ exitCode: 139, finishedAgo: 1 + k, ranSeconds: 40 + k * 7 }, 31 + k * 4);
  const ds = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    selector: { 'app.kubernetes.io/name': 'fluent-bit' },
    revisions: [
      { revision: 6, createdAgo: 9 * DAYS, template: tpl('3.2.2') },
      { revision: 7, createdAgo: 63, template: tpl('3.2.4') },
    ],
    pods: [
      { revision: 6, node: names[0] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': crash(0) } },
      { revision: 7, node: names[1] ?? '', createdAgo: 41 },
      { revision: 6, node: names[2] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': crash(1) } },
      { revision: 6, node: names[3] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': crash(2) } },
      { revision: 7, node: names[4] ?? '', createdAgo: 26 },
    ],
  });
  const dsObj = ds.objects[0] as k8s.V1DaemonSet;
  if (dsObj.spec) dsObj.spec.updateStrategy = { type: 'OnDelete' };
  const cm = configMap({
    namespace: ns, name: 'fluent-bit', createdAgo: 200 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      'fluent-bit.conf': '[SERVICE]\n    Flush         1\n    Log_Level     info\n    HTTP_Server   On\n    HTTP_Port     2020\n    Health_Check  On\n\n[INPUT]\n    Name              tail\n    Path              /var/log/containers/*.log\n    multiline.parser  docker, cri\n    Tag               kube.*\n    Mem_Buf_Limit     50MB\n\n[FILTER]\n    Name   kubernetes\n    Match  kube.*\n    Merge_Log On\n\n[OUTPUT]\n    Name   loki\n    Match  kube.*\n    Host   loki-gateway.monitoring.svc.cluster.local\n    Port   80\n    labels job=fluent-bit, namespace=$kubernetes[\'namespace_name\']\n',
    },
  });
  const agent = bystander(ns, 'log-router', names, 35, { revisions: [11, 12], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const crashLog = (m: number, k: number) => lines(
    `Fluent Bit v3.2.2`,
    `* Copyright (C) 2015-2024 The Fluent Bit Authors`,
    `* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd`,
    `* https://fluentbit.io`,
    ``,
    `${fbTime(m + 0.7)} [ info] [fluent bit] version=3.2.2, commit=a59c8f3e2b, pid=1`,
    `${fbTime(m + 0.7)} [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
    `${fbTime(m + 0.7)} [ info] [input:tail:tail.0] multiline core started`,
    `${fbTime(m + 0.7)} [ info] [filter:kubernetes:kubernetes.0] connectivity OK`,
    `${fbTime(m + 0.7)} [ info] [output:loki:loki.0] configured, hostname=loki-gateway.monitoring.svc.cluster.local:80`,
    `${fbTime(m + 0.7)} [ info] [http_server] listen iface=0.0.0.0 tcp_port=2020`,
    `${fbTime(m + 0.7)} [ info] [sp] stream processor started`,
    `${fbTime(m + 0.6)} [ info] [input:tail:tail.0] inotify_fs_add(): inode=${2231901 + k} watch_fd=1 name=/var/log/containers/ingest-worker-7d9c5b8f4-x2kq8_data_worker-3b1f.log`,
    `${fbTime(m)} [engine] caught signal (SIGSEGV)`,
    `#0  0x55e1c4a3b2f1      in  flb_ml_flush_stream_group() at src/multiline/flb_ml.c:1494`,
    `#1  0x55e1c4a3c0de      in  flb_ml_append_text() at src/multiline/flb_ml.c:771`,
    `#2  0x55e1c4a7e512      in  process_content() at plugins/in_tail/tail_file.c:543`,
    `#3  0x55e1c4a80c47      in  flb_tail_file_chunk() at plugins/in_tail/tail_file.c:1421`,
    `#4  0x55e1c49f3a20      in  flb_input_collector_fd() at src/flb_input.c:1949`,
    `#5  0x7f3a1e2c9ac2      in  ???() at ???:0`,
  );
  const logs = [0, 2, 3].map((i, k) => logsFor(podOf(ds, i), 'fluent-bit', { previous: crashLog(1 + k, k), current: lines('Fluent Bit v3.2.2') }));
  const good = (p: k8s.V1Pod, m: number) => lines(
    `Fluent Bit v3.2.4`,
    `${fbTime(m)} [ info] [fluent bit] version=3.2.4, commit=7e1b4a9c03, pid=1`,
    `${fbTime(m)} [ info] [input:tail:tail.0] multiline core started`,
    `${fbTime(m)} [ info] [output:loki:loki.0] configured, hostname=loki-gateway.monitoring.svc.cluster.local:80`,
    `${fbTime(m)} [ info] [sp] stream processor started`,
    `${fbTime(m - 0.1)} [ info] [input:tail:tail.0] inotify_fs_add(): inode=3301742 watch_fd=1 name=/var/log/containers/ingest-worker-7d9c5b8f4-x2kq8_data_worker-3b1f.log`,
    `${fbTime(5)} [ warn] [engine] failed to flush chunk '1-1763694540.118238114.flb', retry in 7 seconds: task_id=3, input=tail.0 > output=loki.0 (out_id=0)`,
    `${fbTime(4.9)} [ info] [engine] flush chunk '1-1763694540.118238114.flb' succeeded at retry 1: task_id=3, input=tail.0 > output=loki.0 (out_id=0)`,
  );
  return {
    id: 'heldout88-fluent-bit-ondelete-old-pods-crash',
    class: 'rollout',
    truth: 'The fluent-bit DaemonSet uses updateStrategy OnDelete. Revision 6 (fluent-bit 3.2.2) segfaults in the multiline tail code and its pods crash-loop; the fix, revision 7 (3.2.4), was applied 63 minutes ago, but OnDelete replaces a pod only when it is deleted: the two pods deleted since (41 and 26 min ago) run 3.2.4 and are healthy, the three other nodes still run revision 6 and crash-loop, so their logs are not shipped. Fix: delete the remaining revision-6 pods (or switch to RollingUpdate).',
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, cm, ...agent.objects,
      ...exposed({ namespace: ns, name: 'log-router', selector: { app: 'log-router' }, pods: agent.pods }),
      ...[0, 2, 3].map((i, k) => backOff(podOf(ds, i), 'fluent-bit', { count: 190 + k * 11, firstAgo: 5 * HOURS + 10 })),
      ...[0, 2, 3].flatMap((i, k) => restartedAgain(podOf(ds, i), 'fluent-bit', image('3.2.2'), { count: 31 + k * 4, firstAgo: 5 * HOURS + 12, lastAgo: 1.7 + k })),
      event({ on: dsObj, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(ds, 1))}`, firstAgo: 41, lastAgo: 41, component: 'daemonset-controller' }),
      event({ on: dsObj, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(ds, 4))}`, firstAgo: 26, lastAgo: 26, component: 'daemonset-controller' }),
      ...startedNormally(podOf(ds, 1), 'fluent-bit', image('3.2.4'), 41),
      ...startedNormally(podOf(ds, 4), 'fluent-bit', image('3.2.4'), 26),
    ],
    logs: [...logs, logsFor(podOf(ds, 1), 'fluent-bit', { current: good(podOf(ds, 1), 40.8) }), logsFor(podOf(ds, 4), 'fluent-bit', { current: good(podOf(ds, 4), 25.8) })],
    expect: {
      verdict: 'problems',
      headline: [/OnDelete|old revision|revision 6|3\.2\.2|not (been )?(updated|replaced|rolled)|still run/i],
      facts: [/OnDelete/, /SIGSEGV|exit(ed)? (code )?139|segfault/i, /3\.2\.4|revision 7/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /log-router/],
    },
  };
}

// ---- 2. Netty OutOfDirectMemoryError after MaxDirectMemorySize was lowered ----------------------------

function nettyDirectMemoryLowered(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.92', ['21', '118', '240']);
  const image = `${ECR}/edge/api-gateway:5.4.1`;
  const tpl = (opts: string) => ({
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 30, timeoutSeconds: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'api-gateway',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: api-gateway 5.4.1', template: tpl('-XX:MaxRAMPercentage=60.0 -XX:MaxDirectMemorySize=256m -XX:+ExitOnOutOfMemoryError') },
      { revision: 58, createdAgo: 95, changeCause: 'argocd: api-gateway jvm tuning (PLAT-2291)', template: tpl('-XX:MaxRAMPercentage=70.0 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError') },
    ],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 94, containers: { app: running({ sinceAgo: 17, restarts: 1, last: { exitCode: 143, finishedAgo: 17, ranSeconds: 4600 } }) } },
      { revision: 58, node: names[1] ?? '', createdAgo: 93 },
      { revision: 58, node: names[2] ?? '', createdAgo: 92 },
    ],
    settled: { available: true, availableSince: 91, progressingSince: 95, progressingUpdatedAgo: 91 },
  });
  const other = bystander(ns, 'rate-limiter', names, 30, { revisions: [8, 9], versions: ['2.0.3', '2.1.0'], olderAgo: 12 * DAYS });
  const ip = (i: number) => ipOfPod(podOf(app, i));
  const oodm = (used: number) => `io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: ${used}, max: 67108864)`;
  const stack = [
    '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:880)',
    '\tat io.netty.util.internal.PlatformDependent.allocateDirectNoCleaner(PlatformDependent.java:809)',
    '\tat io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:718)',
    '\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:707)',
    '\tat io.netty.buffer.PoolArena.allocateNormal(PoolArena.java:224)',
    '\tat io.netty.buffer.PoolArena.tcacheAllocateNormal(PoolArena.java:204)',
    '\tat io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:403)',
    '\tat io.netty.channel.unix.PreferredDirectByteBufAllocator.ioBuffer(PreferredDirectByteBufAllocator.java:53)',
    '\tat io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady(AbstractEpollStreamChannel.java:785)',
  ];
  const log = (i: number, start: number) => {
    const out = [
      'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70.0 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError',
      `${sb(start)}  INFO 1 --- [api-gateway] [           main] c.a.edge.gateway.GatewayApplication      : Starting GatewayApplication v5.4.1 using Java 21.0.5 with PID 1`,
      `${sb(start - 0.3)}  INFO 1 --- [api-gateway] [           main] o.s.b.web.embedded.netty.NettyWebServer  : Netty started on port 8080 (http)`,
      `${sb(start - 0.3)}  INFO 1 --- [api-gateway] [           main] c.a.edge.gateway.GatewayApplication      : Started GatewayApplication in 11.482 seconds (process running for 12.37)`,
    ];
    for (let k = 0; k < 6; k++) {
      const t = 14 - k * 2.3 - i * 0.2;
      out.push(`${sb(t + 0.05)}  INFO 1 --- [api-gateway] [ctor-http-nio-${(k % 4) + 1}] c.a.edge.gateway.AccessLog                : POST /v1/documents/upload 200 ${180 + k * 9}ms`);
      out.push(`${sb(t)}  WARN 1 --- [api-gateway] [ctor-http-nio-${(k % 4) + 2}] r.netty.http.client.HttpClientConnect    : [${(0x3a1f0c20 + k * 977 + i).toString(16)}-1, L:/${ip(i)}:${41000 + k * 13} - R:document-store.edge.svc.cluster.local/172.20.91.14:80] The connection observed an error`);
      out.push(oodm(50331648 + (k % 2) * 8388608), ...stack.slice(0, 5 + (k % 3)));
      out.push(`${sb(t - 0.01)} ERROR 1 --- [api-gateway] [ctor-http-nio-${(k % 4) + 2}] a.w.r.e.AbstractErrorWebExceptionHandler : [${(0x7c10aa00 + k * 131 + i).toString(16)}-${k + 1}]  500 Server Error for HTTP POST "/v1/documents/upload"`);
      out.push('', oodm(58720256), ...stack.slice(0, 4));
    }
    out.push(`${sb(0.4)}  INFO 1 --- [api-gateway] [ctor-http-nio-1] c.a.edge.gateway.AccessLog                : GET /v1/catalog/items 200 14ms`);
    return lines(...out);
  };
  const p0 = podOf(app, 0);
  return {
    id: 'heldout88-netty-max-direct-memory-lowered',
    class: 'config',
    truth: 'Revision 58 of api-gateway (95 minutes ago, "jvm tuning") changed JAVA_TOOL_OPTIONS from -XX:MaxDirectMemorySize=256m to 64m. Reactor Netty\'s pooled allocator needs 16 MiB direct chunks per arena, so under upload traffic allocations exceed the 64 MiB cap and requests fail with io.netty.util.internal.OutOfDirectMemoryError (500s); the pods stay Running (one was restarted by its liveness probe while its event loops were stuck). Not a container OOM kill. Fix: restore MaxDirectMemorySize=256m (roll back to revision 57).',
    ask: { service: 'api-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'api-gateway', selector: { app: 'api-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rate-limiter', selector: { app: 'rate-limiter' }, pods: other.pods }),
      probeFailed(p0, 'app', 'Liveness', `Get "http://${ip(0)}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 17.6, lastAgo: 17.1 }),
      probeKilling(p0, 'app', 'liveness', { count: 1, firstAgo: 17, lastAgo: 17 }),
      ...restartedAgain(p0, 'app', image, { count: 2, firstAgo: 94, lastAgo: 17 }),
    ],
    logs: [0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: log(i, i === 0 ? 16.8 : 92 - i), ...(i === 0 ? { previous: log(0, 93.5) } : {}) })),
    expect: {
      verdict: 'problems',
      headline: [/direct ?memory|MaxDirectMemorySize|OutOfDirectMemory/i],
      facts: [lit('OutOfDirectMemoryError'), /MaxDirectMemorySize=64m|64 ?m(i?b)?\b|67108864/i, /revision 58|JAVA_TOOL_OPTIONS|jvm tuning/i],
      never: [/OOMKill/i, /rate-limiter/],
    },
  };
}

// ---- 3. NetworkPolicy blocks Hazelcast 5701 between members -------------------------------------------

function hazelcastPortBlocked(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.54', ['19', '102', '230']);
  const image = (v: string) => `${ECR}/pricing/price-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }, { name: 'hazelcast', containerPort: 5701 }], cpu: '500m', memory: '1536Mi',
      env: [{ name: 'HZ_CLUSTER_NAME', value: 'pricing' }, { name: 'HZ_KUBERNETES_SERVICE_NAME', value: 'price-engine-hz' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'price-engine',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: price-engine 3.8.0', template: tpl('3.8.0') },
      { revision: 22, createdAgo: 48, changeCause: 'argocd: price-engine 3.8.1', template: tpl('3.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 47 - k * 1.5 })),
    settled: { available: true, availableSince: 44, progressingSince: 48, progressingUpdatedAgo: 44 },
  });
  const deny = networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 71, podSelector: {}, policyTypes: ['Ingress'] });
  const allow = networkPolicy({
    namespace: ns, name: 'allow-price-engine-http', createdAgo: 71, podSelector: { app: 'price-engine' }, policyTypes: ['Ingress'],
    ingress: [
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }, { podSelector: { matchLabels: { app: 'pricing-web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9090 }] },
    ],
  });
  const web = bystander(ns, 'pricing-web', names, 20, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 5 * DAYS });
  const ips = [0, 1, 2].map((i) => ipOfPod(podOf(app, i)));
  const uuid = (i: number) => ['5b0e3c1a-7f2d-4a9e-9c41-0d8e2f6b7a13', 'c2a9d4e7-1b3f-4e8a-a5d0-6f9b3c2e1d48', '8e4f1a2b-9c7d-4b6e-8f3a-2d1c0b9e7f65'][i];
  const log = (i: number, start: number) => {
    const me = `[${ips[i]}]:5701 [pricing] [5.4.1]`;
    const out = [
      `${sb(start)}  INFO 1 --- [price-engine] [           main] c.a.pricing.PriceEngineApplication       : Starting PriceEngineApplication v3.8.1 using Java 21.0.5 with PID 1`,
      `${sb(start - 0.2)}  INFO 1 --- [price-engine] [           main] c.h.s.d.integration.DiscoveryService     : ${me} Kubernetes Discovery properties: { service-dns: null, service-dns-timeout: 5, service-name: price-engine-hz, service-port: 0, service-label: null, service-label-value: true, namespace: pricing, pod-label: null, pod-label-value: null, resolve-not-ready-addresses: true, expose-externally-strategy: AUTO, use-node-name-as-external-address: false, service-per-pod-label: null, service-per-pod-label-value: null, kubernetes-api-retries: 3, kubernetes-master: https://kubernetes.default.svc}`,
      `${sb(start - 0.2)}  INFO 1 --- [price-engine] [           main] c.h.s.d.integration.DiscoveryService     : ${me} Kubernetes Discovery activated with mode: KUBERNETES_API`,
      `${sb(start - 0.25)}  INFO 1 --- [price-engine] [           main] com.hazelcast.system                     : ${me} Hazelcast 5.4.1 (20240626 - 1b2d2b6) starting at [${ips[i]}]:5701`,
    ];
    for (const j of [0, 1, 2].filter((j) => j !== i)) {
      out.push(`${sb(start - 0.3)}  INFO 1 --- [price-engine] [cached.thread-${j + 1}] c.h.i.server.tcp.TcpServerConnector      : ${me} Connecting to /${ips[j]}:5701, timeout: 10000, bind-any: true`);
      out.push(`${sb(start - 0.47)}  INFO 1 --- [price-engine] [cached.thread-${j + 1}] c.h.i.server.tcp.TcpServerConnector      : ${me} Could not connect to: /${ips[j]}:5701. Reason: IOException[Connection timed out to address /${ips[j]}:5701]`);
    }
    out.push(
      `${sb(start - 0.5)}  WARN 1 --- [price-engine] [           main] c.h.i.cluster.impl.DiscoveryJoiner      : ${me} Could not connect to any of [${[0, 1, 2].filter((j) => j !== i).map((j) => `[${ips[j]}]:5701`).join(', ')}] in 30000 ms, forming a cluster by itself`,
      `${sb(start - 0.5)}  INFO 1 --- [price-engine] [           main] c.h.internal.cluster.ClusterService      : ${me} `,
      '',
      'Members {size:1, ver:1} [',
      `\tMember [${ips[i]}]:5701 - ${uuid(i)} this`,
      ']',
      '',
      `${sb(start - 0.51)}  INFO 1 --- [price-engine] [           main] com.hazelcast.core.LifecycleService      : ${me} [${ips[i]}]:5701 is STARTED`,
      `${sb(start - 0.7)}  INFO 1 --- [price-engine] [           main] c.a.pricing.PriceEngineApplication       : Started PriceEngineApplication in 27.903 seconds (process running for 28.8)`,
      `${sb(20)}  INFO 1 --- [price-engine] [nio-8080-exec-4] c.a.pricing.api.PriceController          : PUT /v1/prices/SKU-4471-BLU 200 22ms (price 24.90 -> 19.90, invalidated near-cache price-book on 1 member)`,
      `${sb(6)}  WARN 1 --- [price-engine] [nio-8080-exec-9] c.a.pricing.cart.CartPricer              : price drift for SKU-4471-BLU: cached 24.90, checkout quote 19.90 (cart 8f3a1c)`,
      `${sb(0.6)}  INFO 1 --- [price-engine] [nio-8080-exec-2] c.a.pricing.api.PriceController          : GET /v1/prices?skus=12 200 9ms`,
    );
    return lines(...out);
  };
  return {
    id: 'heldout88-networkpolicy-blocks-hazelcast-5701',
    class: 'network',
    truth: 'NetworkPolicies default-deny-ingress and allow-price-engine-http were added to the pricing namespace 71 minutes ago; the allow rule lets in only 8080 (from ingress-nginx and pricing-web) and 9090 (monitoring), not Hazelcast\'s member port 5701 from price-engine\'s own pods. When revision 22 (an innocent 3.8.1 bump) replaced the pods 48 minutes ago, no member could reach another on 5701: each formed a cluster by itself (Members {size:1}), the embedded price cache split three ways and invalidations reach only one member, so users see stale, inconsistent prices. Fix: allow TCP 5701 from app=price-engine pods.',
    ask: { service: 'price-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, deny, allow,
      ...exposed({ namespace: ns, name: 'price-engine', selector: { app: 'price-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'price-engine-hz', selector: { app: 'price-engine' }, pods: app.pods, headless: true, ports: [{ name: 'hazelcast', port: 5701, targetPort: 5701 }], endpointPort: 5701 }),
      ...exposed({ namespace: ns, name: 'pricing-web', selector: { app: 'pricing-web' }, pods: web.pods }),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.1'), 47 - k * 1.5)),
    ],
    logs: [0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: log(i, 46.8 - i * 1.5) })),
    expect: {
      verdict: 'problems',
      headline: [/NetworkPolic|5701|hazelcast|split|size:1|cluster (of|by) (one|1|itself)/i],
      facts: [/5701/, /default-deny-ingress|allow-price-engine-http/, /size:1|by itself|split/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /pricing-web/],
    },
  };
}

// ---- 4. thousands of partitions: out of shared memory ---------------------------------------------------

function partitionsOutOfSharedMemory(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.118', ['12', '77', '190']);
  const apiImage = (v: string) => `${ECR}/telemetry/metrics-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgres://metrics_api@telemetry-db.telemetry.svc.cluster.local:5432/telemetry?sslmode=disable' }, { name: 'DB_MAX_CONNS', value: '16' }],
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'metrics-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 10 * DAYS, changeCause: 'argocd: metrics-api 2.14.0', template: apiTpl('2.14.0') },
      { revision: 41, createdAgo: 6 * HOURS, changeCause: 'argocd: metrics-api 2.14.1', template: apiTpl('2.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 6 * HOURS - 4, progressingSince: 6 * HOURS, progressingUpdatedAgo: 6 * HOURS - 4 },
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'telemetry-db', replicas: 1, serviceName: 'telemetry-db', createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', args: ['-c', 'shared_buffers=2GB', '-c', 'max_connections=200'], readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 80 * DAYS }],
  });
  const sql = "SELECT partman.create_parent(p_parent_table := 'public.readings', p_control := 'recorded_at', p_interval := '1 hour', p_premake := 2160);\nSELECT partman.create_parent(p_parent_table := 'public.readings_raw', p_control := 'recorded_at', p_interval := '1 hour', p_premake := 2160);\nCALL partman.run_maintenance_proc();\n";
  const cm = configMap({ namespace: ns, name: 'partition-maintenance-sql', createdAgo: 200 * DAYS, updatedAgo: 15 * HOURS, data: { 'maintenance.sql': sql } });
  const cj = cronJob({
    namespace: ns, name: 'partition-maintenance', schedule: '0 1 * * *', createdAgo: 200 * DAYS,
    template: {
      containers: [batchContainer({ name: 'psql', image: pgImage, command: ['psql', '-v', 'ON_ERROR_STOP=1', '-h', 'telemetry-db', '-U', 'partman', '-d', 'telemetry', '-f', '/sql/maintenance.sql'], cpu: '100m', memory: '128Mi', volumeMounts: [{ name: 'sql', mountPath: '/sql' }] })],
      volumes: [{ name: 'sql', configMap: { name: 'partition-maintenance-sql' } }],
    },
    jobs: [
      { createdAgo: 2 * DAYS + 134, pods: [{ node: names[0] ?? '', createdAgo: 2 * DAYS + 134, phase: 'Succeeded', containers: { psql: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(at(2 * DAYS + 134)), finishedAt: new Date(at(2 * DAYS + 133.8)) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS + 133.8 } },
      { createdAgo: DAYS + 134, pods: [{ node: names[2] ?? '', createdAgo: DAYS + 134, phase: 'Succeeded', containers: { psql: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(at(DAYS + 134)), finishedAt: new Date(at(DAYS + 133.8)) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS + 133.8 } },
      { createdAgo: 134, pods: [{ node: names[2] ?? '', createdAgo: 134, phase: 'Succeeded', containers: { psql: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(at(134)), finishedAt: new Date(at(122)) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 122 } },
    ],
    lastSuccessfulAgo: 122,
  });
  const lastJob = cj.jobs[2] as Built;
  const jobPod = podOf(lastJob, 0);
  const devices = ['d-08812', 'd-11930', 'd-20417', 'd-31155', 'd-47002', 'd-52281'];
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(6 * HOURS - 2 - k)}","msg":"starting metrics-api","version":"2.14.1"}`,
      `{"level":"info","ts":"${at(6 * HOURS - 2 - k)}","msg":"db pool ready","max_conns":16}`,
      `{"level":"info","ts":"${at(140)}","msg":"request","method":"GET","path":"/v1/devices/d-20417/readings","status":200,"duration_ms":41}`,
    ];
    for (let i = 0; i < 10; i++) {
      const dev = devices[(i + k) % devices.length] ?? 'd-1';
      out.push(`{"level":"error","ts":"${at(118 - i * 11 - k)}","msg":"query failed","path":"/v1/devices/${dev}/readings","status":500,"error":"ERROR: out of shared memory (SQLSTATE 53200)"}`);
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(117 - i * 11 - k)}","msg":"request","method":"GET","path":"/v1/devices/${dev}/status","status":200,"duration_ms":4}`);
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(134)} [88121] LOG:  connection authorized: user=partman database=telemetry application_name=psql`,
    `${pgTime(122)} [88121] LOG:  duration: 718204.331 ms  statement: CALL partman.run_maintenance_proc();`,
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => [
      `${pgTime(118 - i * 20)} [${90211 + i * 17}] ERROR:  out of shared memory`,
      `${pgTime(118 - i * 20)} [${90211 + i * 17}] HINT:  You might need to increase "max_locks_per_transaction".`,
      `${pgTime(118 - i * 20)} [${90211 + i * 17}] STATEMENT:  SELECT recorded_at, metric, value FROM readings WHERE device_id = $1 AND recorded_at > now() - interval '24 hours' ORDER BY recorded_at DESC LIMIT 500`,
    ]),
    `${pgTime(4)} [44] LOG:  checkpoint complete: wrote 2114 buffers (0.8%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.811 s, sync=0.004 s, total=269.834 s`,
  );
  const jobLog = lines(
    ' create_parent ', '---------------', ' t', '(1 row)', '',
    ' create_parent ', '---------------', ' t', '(1 row)', '',
    'CALL',
  );
  return {
    id: 'heldout88-postgres-partitions-out-of-shared-memory',
    class: 'config',
    truth: 'The partition-maintenance-sql ConfigMap was changed yesterday to create hourly partitions with p_premake 2160 for two tables; the 01:00 partition-maintenance CronJob run created about 4,320 partitions. Queries metrics-api runs on the parent table readings now need a lock per partition, exceeding the lock table (max_locks_per_transaction), so Postgres fails them with "ERROR: out of shared memory" (HINT: increase max_locks_per_transaction). metrics-api\'s pods stay Ready (the health check does not query the table); its revision 41 (6 h ago) is innocent. Fix: drop the surplus partitions / restore a sane interval and premake (or raise max_locks_per_transaction).',
    ask: { service: 'metrics-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...db.objects, ...cj.objects, cm,
      ...exposed({ namespace: ns, name: 'metrics-api', selector: { app: 'metrics-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'telemetry-db', selector: { app: 'telemetry-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      cronJobEvent(cj.objects[0] as KubeJson as k8s.V1Pod, 'SuccessfulCreate', `Created job ${nameOf(lastJob.objects[0])}`, 134),
      jobEvent(lastJob.objects[0] as k8s.V1Pod, 'SuccessfulCreate', `Created pod: ${nameOf(jobPod)}`, 134),
      jobEvent(lastJob.objects[0] as k8s.V1Pod, 'Completed', 'Job completed', 122),
      cronJobEvent(cj.objects[0] as KubeJson as k8s.V1Pod, 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob.objects[0])}, condition: Complete`, 122),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
      logsFor(jobPod, 'psql', { current: jobLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/out of shared memory|max_locks_per_transaction|partition/i],
      facts: [/max_locks_per_transaction/, /partition/i, /partition-maintenance|premake|2160|4,?320/i],
      never: [ADVISES_ROLLBACK, /OOMKill/i],
    },
  };
}

// ---- 5. CoreDNS loop on the new node group ---------------------------------------------------------------

function coreDnsLoopNewNodeGroup(): CorpusScenario {
  const ns = 'shop';
  const { nodes: old, names } = threeEksNodes('10.0.140', ['11', '96', '203']);
  const fresh = ['27', '158'].map((h, i) => node({ name: eksNodeName(`10.0.141.${h}`), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general-2026-11', createdAgo: 3 * HOURS + 5, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0c7f2a91d3e4b5a68' } }));
  const freshNames = fresh.map(nameOf);
  const loopExit = (k: number) => crashLoop({ exitCode: 1, finishedAgo: 1.5 + k, ranSeconds: 3 }, 34 + k * 3);
  const dns = coreDns([
    { node: names[0] ?? '' },
    { node: names[2] ?? '' },
    { node: freshNames[0] ?? '', story: loopExit(0), createdAgo: 2 * HOURS + 50 },
    { node: freshNames[1] ?? '', story: loopExit(1), createdAgo: 2 * HOURS + 48 },
  ]);
  for (const o of dns.objects) {
    const spec = (o as k8s.V1Pod).spec as { dnsPolicy?: string; template?: { spec?: { dnsPolicy?: string } } } | undefined;
    if (o.kind === 'Pod' && spec) spec.dnsPolicy = 'Default';
    if ((o.kind === 'Deployment' || o.kind === 'ReplicaSet') && spec?.template?.spec) spec.template.spec.dnsPolicy = 'Default';
  }
  const corefile = configMap({
    namespace: 'kube-system', name: 'coredns', createdAgo: 400 * DAYS,
    data: { Corefile: '.:53 {\n    errors\n    health {\n        lameduck 5s\n      }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' },
  });
  const image = (v: string) => `${ECR}/shop/checkout-api:${v}`;
  const app = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [
      { revision: 76, createdAgo: 8 * DAYS, changeCause: 'argocd: checkout-api 6.2.0', template: { containers: [container({ image: image('6.2.0'), readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080) })] } },
      { revision: 77, createdAgo: 2 * HOURS + 20, changeCause: 'argocd: checkout-api 6.2.1', template: { containers: [container({ image: image('6.2.1'), readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080) })] } },
    ],
    pods: [
      { revision: 77, node: names[1] ?? '', createdAgo: 2 * HOURS + 19 },
      { revision: 77, node: freshNames[0] ?? '', createdAgo: 2 * HOURS + 18 },
      { revision: 77, node: names[2] ?? '', createdAgo: 2 * HOURS + 17 },
    ],
    settled: { available: true, availableSince: 2 * HOURS + 15, progressingSince: 2 * HOURS + 20, progressingUpdatedAgo: 2 * HOURS + 15 },
  });
  const ip = (i: number) => ipOfPod(podOf(app, i));
  const appLog = (i: number) => {
    const out = [`{"time":"${at(2 * HOURS + 17 - i)}","level":"INFO","msg":"checkout-api listening","version":"6.2.1","addr":":8080"}`];
    const hosts = ['payments.shop.svc.cluster.local', 'inventory.shop.svc.cluster.local', 'api.stripe.com', 'tax-rates.shop.svc.cluster.local'];
    for (let k = 0; k < 9; k++) {
      const t = 100 - k * 11 - i * 2;
      const h = hosts[(k + i) % hosts.length] ?? 'payments';
      out.push(`{"time":"${at(t + 0.02)}","level":"INFO","msg":"POST /v1/checkout","status":200,"dur_ms":${140 + k * 7}}`);
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"upstream call failed","host":"${h}","error":"dial tcp: lookup ${h} on 172.20.0.10:53: read udp ${ip(i)}:${40000 + k * 311}->172.20.0.10:53: i/o timeout"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"POST /v1/checkout","status":502,"dur_ms":${5010 + k * 3}}`);
    }
    return lines(...out);
  };
  const loopLog = (k: number) => lines(
    '[INFO] plugin/ready: Still waiting on: "kubernetes"',
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.22.7, 5b9ba21',
    `[FATAL] plugin/loop: Loop (127.0.0.1:${48213 + k * 6151} -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO ${'4547991504243258144'.slice(0, 18 - k)}.${'3688648895315093531'}."`,
  );
  const okLog = lines('.:53', '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c', 'CoreDNS-1.11.3', 'linux/amd64, go1.22.7, 5b9ba21');
  const [d0, d1, d2, d3] = dns.pods;
  return {
    id: 'heldout88-coredns-loop-new-nodegroup',
    class: 'network',
    truth: 'Two nodes of the new node group general-2026-11 (3 h old) run an image whose /etc/resolv.conf points at the local stub resolver 127.0.0.53. The two CoreDNS replicas scheduled there (dnsPolicy Default, forward . /etc/resolv.conf) forward to themselves and exit on "[FATAL] plugin/loop: Loop ... detected", crash-looping; cluster DNS runs on half its replicas and checkout-api\'s lookups through 172.20.0.10 time out intermittently (i/o timeout, 502s). checkout-api revision 77 is innocent. Fix: point the node image\'s resolv.conf at the real upstream (or give CoreDNS an explicit forward), and keep CoreDNS off those nodes meanwhile.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...old, ...fresh, ...dns.objects, corefile, ...app.objects,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      ...(d2 && d3 ? [backOff(d2, 'coredns', { count: 640, firstAgo: 2 * HOURS + 45 }), backOff(d3, 'coredns', { count: 633, firstAgo: 2 * HOURS + 43 })] : []),
      ...(d2 && d3 ? [...restartedAgain(d2, 'coredns', '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.2', { count: 35, firstAgo: 2 * HOURS + 50, lastAgo: 1.6 }), ...restartedAgain(d3, 'coredns', '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.2', { count: 38, firstAgo: 2 * HOURS + 48, lastAgo: 2.6 })] : []),
      ...(d2 ? [scheduled(d2, 2 * HOURS + 50)] : []),
      ...fresh.map((n) => event({ on: n, type: 'Normal', reason: 'RegisteredNode', message: `Node ${nameOf(n)} event: Registered Node ${nameOf(n)} in Controller`, firstAgo: 3 * HOURS + 4, lastAgo: 3 * HOURS + 4, component: 'node-controller' })),
    ],
    logs: [
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: appLog(i) })),
      ...(d2 && d3 ? [logsFor(d2, 'coredns', { previous: loopLog(0), current: lines('.:53', 'CoreDNS-1.11.3') }), logsFor(d3, 'coredns', { previous: loopLog(1), current: lines('.:53') })] : []),
      ...(d0 && d1 ? [logsFor(d0, 'coredns', { current: okLog }), logsFor(d1, 'coredns', { current: okLog })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/coredns|cluster DNS|kube-dns/i, /loop|resolv\.conf|127\.0\.0\.53|crash|node ?group|general-2026-11/i],
      facts: [/plugin\/loop|Loop \(127\.0\.0\.1/, /i\/o timeout|time(d)? ?out/i, /general-2026-11|ip-10-0-141|new node/i],
      never: [ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 6. CronJob image tag deleted by the registry's retention ----------------------------------------------

function cronJobImageTagExpired(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.201', ['15', '88', '172']);
  const image = `${ECR}/finance/ledger-export:2.7.0-rc.3`;
  const cj = cronJob({
    namespace: ns, name: 'nightly-ledger-export', schedule: '30 1 * * *', createdAgo: 21 * DAYS,
    template: { containers: [batchContainer({ name: 'export', image, args: ['--date=yesterday', '--bucket=s3://acme-finance-exports/ledger'], cpu: '500m', memory: '1Gi' })] },
    jobs: [
      { createdAgo: DAYS + 104, pods: [{ node: names[1] ?? '', createdAgo: DAYS + 104, phase: 'Succeeded', containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(at(DAYS + 104)), finishedAt: new Date(at(DAYS + 91)) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS + 91 } },
      { createdAgo: 104, pods: [{ node: names[2] ?? '', createdAgo: 104, phase: 'Pending', containers: { export: waiting('ImagePullBackOff', `Back-off pulling image "${image}"`) } }] },
    ],
    lastSuccessfulAgo: DAYS + 91,
  });
  const j = cj.jobs[1] as Built;
  const pod = podOf(j, 0);
  const notFound = `failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  const fp = 'spec.containers{export}';
  const rec = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${ECR}/finance/ledger-api:4.1.0` })] } },
      { revision: 19, createdAgo: 50, changeCause: 'argocd: ledger-api 4.1.1', template: { containers: [container({ image: `${ECR}/finance/ledger-api:4.1.1` })] } },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 49 }, { revision: 19, node: names[1] ?? '', createdAgo: 48 }],
  });
  return {
    id: 'heldout88-cronjob-image-tag-expired',
    class: 'jobs',
    truth: 'nightly-ledger-export pins the pre-release tag ledger-export:2.7.0-rc.3, which the ECR lifecycle (retention) policy expired since yesterday\'s successful run. Tonight\'s Job (01:30, 104 minutes ago) cannot pull it: the pod sits in ErrImagePull/ImagePullBackOff with "not found", so the export has not run; the last success was yesterday. Fix: pin a released tag that exists (and exclude it from retention), then run the Job again.',
    ask: { service: 'nightly-ledger-export', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...rec.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: rec.pods }),
      cronJobEvent(cj.objects[0] as KubeJson as k8s.V1Pod, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, 104),
      jobEvent(j.objects[0] as k8s.V1Pod, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`, 104),
      scheduled(pod, 104),
      event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 24, firstAgo: 103.9, lastAgo: 3.2, fieldPath: fp }),
      event({ on: pod, reason: 'Failed', message: `Failed to pull image "${image}": rpc error: code = NotFound desc = ${notFound}`, count: 24, firstAgo: 103.8, lastAgo: 3.1, fieldPath: fp }),
      event({ on: pod, reason: 'Failed', message: 'Error: ErrImagePull', count: 24, firstAgo: 103.8, lastAgo: 3.1, fieldPath: fp }),
      event({ on: pod, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 451, firstAgo: 103.5, lastAgo: 0.3, fieldPath: fp }),
      event({ on: pod, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 451, firstAgo: 103.5, lastAgo: 0.3, fieldPath: fp }),
    ],
    logs: [],
    expect: {
      verdict: 'problems',
      headline: [/ImagePull|ErrImagePull|not found|manifest unknown|image|2\.7\.0-rc\.3/i],
      facts: [lit('2.7.0-rc.3'), /not found|NotFound/, /nightly-ledger-export-\d+/],
      never: [/\bOOM/, /crash ?loop/i, /imagePullSecret|credential|unauthori[sz]ed|\b40[13]\b/i],
    },
  };
}

// ---- 7. healthy control: Kafka consumer with unknown-config warnings ---------------------------------------

function kafkaConsumerUnknownConfigHealthy(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.66', ['40', '129', '211']);
  const image = (v: string) => `${ECR}/orders/order-events-consumer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [{ name: 'management', containerPort: 8081 }], cpu: '500m', memory: '768Mi', readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'order-events-consumer', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 11 * DAYS, changeCause: 'argocd: order-events-consumer 1.19.0', template: tpl('1.19.0') },
      { revision: 34, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: order-events-consumer 1.19.1', template: tpl('1.19.1') },
    ],
    pods: [
      { revision: 34, node: names[0] ?? '', createdAgo: 2 * HOURS + 4 },
      { revision: 34, node: names[1] ?? '', createdAgo: 2 * HOURS + 3, containers: { app: running({ sinceAgo: 2 * HOURS + 2.5, restarts: 1, last: { exitCode: 143, finishedAgo: 2 * HOURS + 2.6, ranSeconds: 20 } }) } },
      { revision: 34, node: names[2] ?? '', createdAgo: 2 * HOURS + 2 },
    ],
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const log = (i: number, start: number) => {
    const cid = `order-events-consumer-${i}`;
    const g = `[Consumer clientId=${cid}, groupId=order-events-consumer]`;
    const out = [
      `${pyTime(start)} INFO  [main] c.a.orders.events.ConsumerApplication: Starting ConsumerApplication v1.19.1 using Java 21.0.5 with PID 1`,
      `${pyTime(start - 0.2)} INFO  [main] o.a.k.c.c.ConsumerConfig: ConsumerConfig values: `,
      '\tauto.offset.reset = earliest',
      '\tbootstrap.servers = [kafka-0.kafka.kafka.svc:9092, kafka-1.kafka.kafka.svc:9092, kafka-2.kafka.kafka.svc:9092]',
      `\tclient.id = ${cid}`,
      '\tenable.auto.commit = false',
      '\tgroup.id = order-events-consumer',
      '\tkey.deserializer = class org.apache.kafka.common.serialization.StringDeserializer',
      '\tvalue.deserializer = class io.confluent.kafka.serializers.KafkaAvroDeserializer',
      '',
      `${pyTime(start - 0.21)} WARN  [main] o.a.k.c.c.ConsumerConfig: The configuration 'schema.registry.url' was supplied but isn't a known config.`,
      `${pyTime(start - 0.21)} WARN  [main] o.a.k.c.c.ConsumerConfig: The configuration 'specific.avro.reader' was supplied but isn't a known config.`,
      `${pyTime(start - 0.21)} INFO  [main] o.a.k.c.u.AppInfoParser: Kafka version: 3.6.2`,
      `${pyTime(start - 0.21)} INFO  [main] o.a.k.c.u.AppInfoParser: Kafka commitId: c4deed513057c94e`,
      `${pyTime(start - 0.22)} INFO  [main] o.a.k.c.c.KafkaConsumer: ${g} Subscribed to topic(s): order-events`,
      `${pyTime(start - 0.3)} INFO  [cons-0-C-1] o.a.k.c.Metadata: ${g} Cluster ID: 4xQm2KpLTdWq9rN1sV7bYg`,
      `${pyTime(start - 0.4)} INFO  [cons-0-C-1] o.a.k.c.c.i.ConsumerCoordinator: ${g} Successfully joined group with generation Generation{generationId=118, memberId='${cid}-2f1c9e0a-51d3-4b7e-9a6c-${(0x1e2d3c4b5a69 + i).toString(16)}', protocol='range'}`,
      `${pyTime(start - 0.41)} INFO  [cons-0-C-1] o.a.k.c.c.i.ConsumerCoordinator: ${g} Adding newly assigned partitions: order-events-${i * 2}, order-events-${i * 2 + 1}`,
      `${pyTime(start - 0.5)} INFO  [main] c.a.orders.events.ConsumerApplication: Started ConsumerApplication in 9.214 seconds (process running for 10.02)`,
    ];
    for (let k = 0; k < 5; k++) out.push(`${pyTime(60 - k * 13 - i)} INFO  [cons-0-C-1] c.a.orders.events.OrderEventHandler: processed batch of ${40 + ((k * 7 + i) % 25)} records from order-events-${i * 2 + (k % 2)}, lag 0`);
    return lines(...out);
  };
  return {
    id: 'heldout88-kafka-consumer-unknown-config-healthy',
    class: 'healthy',
    truth: 'order-events-consumer runs revision 34 (1.19.1, rolled out two hours ago) on three Ready pods that joined their group and process batches with lag 0. Their start-up log warns that schema.registry.url and specific.avro.reader "were supplied but isn\'t a known config": the Kafka client logs every property it does not itself know, although the Avro deserializer reads them. One pod restarted once during the rollout (SIGTERM, exit 143). Nothing is wrong.',
    ask: { service: 'order-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'order-events-consumer', selector: { app: 'order-events-consumer' }, pods: app.pods, ports: [{ name: 'management', port: 8081, targetPort: 8081 }], endpointPort: 8081 }),
      ...app.pods.flatMap((p, i) => startedNormally(p, 'app', image('1.19.1'), 2 * HOURS + 4 - i)),
    ],
    logs: [0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: log(i, 2 * HOURS + 3.8 - i) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|running normally|all .* ready/i],
      facts: [/order-events-consumer/],
      never: [/schema\.registry\.url[^\n]*(cause|fail|broken|misconfig)/i, /(known config|not used)[^\n]*(cause|fail|problem)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  daemonSetOnDeleteOldPodsCrash(),
  nettyDirectMemoryLowered(),
  hazelcastPortBlocked(),
  partitionsOutOfSharedMemory(),
  coreDnsLoopNewNodeGroup(),
  cronJobImageTagExpired(),
  kafkaConsumerUnknownConfigHealthy(),
];
