// Held-out stories, ninety-third round, part two:
// 1. (network) notify-api moved to a node:20 base image in revision 14; it calls its OPA sidecar at
//    http://localhost:8181, which Node 18+ now resolves to ::1 first, while OPA listens on
//    127.0.0.1:8181 only — "connect ECONNREFUSED ::1:8181", the new pod never becomes ready.
// 2. (containers) thumbnailer revision 22 added a postStart exec hook whose script is not
//    executable (exit 126, Permission denied): FailedPostStartHook, the kubelet kills and restarts
//    the container.
// 3. (rollout) invoice-api revision 9 set imagePullPolicy: Never (pasted from a kind manifest):
//    the new pods sit in ErrImageNeverPull on nodes that never pulled 2.8.0; the old pods serve.
// 4. (capacity) job-coordinator (Curator leader latch) revision 17 raised -Xmx from 2g to 12g with
//    ParallelGC and the same 10 s ZooKeeper session timeout: 14 s full-GC pauses expire the
//    session, leadership and ephemeral nodes are lost, the scheduler restarts its work.
// 5. (capacity) ledger-api revision 41 lowered its posting executor to 8 threads / 100 queued
//    tasks: RejectedExecutionException under normal traffic, 503 for part of the requests.
// 6. (config) order-events' ConfigMap edit renamed the JetStream stream ORDERS -> ORDER_EVENTS and
//    the subjects orders.* -> order-events.*; the NATS server still defines ORDERS on orders.>:
//    "nats: no responders available for request" / "nats: stream not found".
// 7. (healthy) stock-svc, a Go service on go-sql-driver/mysql, logs a few "closing bad idle
//    connection: EOF" lines after MySQL's wait_timeout; otherwise healthy and serving.
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  nameOf, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot / logback time: `2026-11-21 03:12:41.563`. */
const sbTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Go's log package time: `2026/11/21 03:12:41`. */
const goTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. localhost -> ::1 after the node:20 base image ----------------------------------------------

function nodeLocalhostIpv6(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '121', '203']);
  const opaImage = 'openpolicyagent/opa:0.68.0-static';
  const image = (v: string) => `${ECR}/notify/notify-api:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v), ports: [3000], cpu: '300m', memory: '384Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PORT', value: '3000' },
          { name: 'OPA_URL', value: 'http://localhost:8181/v1/data/notify/authz/allow' },
          { name: 'REDIS_URL', value: 'redis://notify-redis.notify.svc.cluster.local:6379' },
        ],
        readiness: httpProbe('/ready', 3000, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }),
      }),
      container({
        name: 'opa', image: opaImage, args: ['run', '--server', '--addr=127.0.0.1:8181', '--diagnostic-addr=0.0.0.0:8282', '--log-format=json', '/policies'],
        ports: [{ name: 'diag', containerPort: 8282 }], cpu: '50m', memory: '64Mi',
        readiness: httpProbe('/health?bundles', 'diag'), liveness: httpProbe('/health', 'diag', { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'policies', mountPath: '/policies', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'policies', configMap: { name: 'notify-authz-policy' } }],
  });
  const api = deploymentApp({
    namespace: ns, name: 'notify-api', replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 12 * DAYS, changeCause: 'argocd: notify-api 3.7.2 (node:16-alpine)', template: tpl('3.7.2') },
      { revision: 14, createdAgo: 26, changeCause: 'argocd: notify-api 3.8.0 (base image node:20-alpine)', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 5 * DAYS },
      { revision: 13, node: names[1] ?? '', createdAgo: 5 * DAYS },
      { revision: 13, node: names[2] ?? '', createdAgo: 5 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 26, containers: { app: running({ sinceAgo: 25.5, ready: false }) } },
    ],
  });
  const other = bystander(ns, 'notify-digest', names, 3 * HOURS, { revisions: [5, 6], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const bad = podOf(api, 3);
  const ip = bad.status?.podIP ?? '';
  const newLog: string[] = [
    `{"level":30,"time":"${at(25.4)}","pid":1,"hostname":"${nameOf(bad)}","msg":"notify-api 3.8.0 starting (node v20.18.1)"}`,
    `{"level":30,"time":"${at(25.3)}","pid":1,"hostname":"${nameOf(bad)}","msg":"redis connected","url":"redis://notify-redis.notify.svc.cluster.local:6379"}`,
    `{"level":30,"time":"${at(25.3)}","pid":1,"hostname":"${nameOf(bad)}","msg":"Server listening at http://0.0.0.0:3000"}`,
  ];
  for (let i = 0; i < 12; i++) {
    const t = 25 - i * 2;
    newLog.push(`{"level":50,"time":"${at(t)}","pid":1,"hostname":"${nameOf(bad)}","msg":"readiness: policy engine unreachable","err":{"type":"Error","message":"connect ECONNREFUSED ::1:8181","stack":"Error: connect ECONNREFUSED ::1:8181\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"::1","port":8181}}`);
    newLog.push(`{"level":30,"time":"${at(t - 0.01)}","pid":1,"hostname":"${nameOf(bad)}","reqId":"req-${40 + i}","req":{"method":"GET","url":"/ready"},"res":{"statusCode":503},"responseTime":${(2.1 + i * 0.13).toFixed(2)},"msg":"request completed"}`);
  }
  const oldLog = (k: number) => lines(
    `{"level":30,"time":"${at(3.2 + k)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","reqId":"req-8812${k}","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":18.4,"msg":"request completed"}`,
    `{"level":30,"time":"${at(1.1 + k)}","pid":1,"hostname":"${nameOf(podOf(api, k))}","reqId":"req-8813${k}","req":{"method":"GET","url":"/v1/preferences/u_2291"},"res":{"statusCode":200},"responseTime":6.9,"msg":"request completed"}`,
  );
  const opaLog = lines(
    `{"addrs":["127.0.0.1:8181"],"diagnostic-addrs":["0.0.0.0:8282"],"level":"info","msg":"Initializing server.","time":"${at(25.5)}"}`,
    `{"level":"info","msg":"Starting decision logger.","plugin":"decision_logs","time":"${at(25.5)}"}`,
  );
  return {
    id: 'heldout93-node20-localhost-ipv6-sidecar',
    class: 'network',
    truth: 'notify-api revision 14 (3.8.0, 26 min ago) moved the base image from node:16-alpine to node:20-alpine. Since Node 17, dns.lookup keeps the resolver order, so "localhost" resolves to ::1 first and the app\'s OPA_URL http://localhost:8181 dials [::1]:8181, while the OPA sidecar listens on 127.0.0.1:8181 only (--addr=127.0.0.1:8181): "connect ECONNREFUSED ::1:8181". The new pod\'s readiness (which checks OPA) returns 503, the rollout is stuck and the three revision-13 pods keep serving. Fix: OPA_URL http://127.0.0.1:8181 (or OPA --addr=:8181 / --dns-result-order=ipv4first).',
    ask: { service: 'notify-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...other.objects,
      configMap({ namespace: ns, name: 'notify-authz-policy', createdAgo: 90 * DAYS, data: { 'authz.rego': 'package notify.authz\n\ndefault allow := false\n\nallow if input.subject.scopes[_] == "notify:send"\n' } }),
      ...exposed({ namespace: ns, name: 'notify-api', selector: { app: 'notify-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 14), 1, 0, 26),
      event({ on: bad, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 503`, count: 290, firstAgo: 25, lastAgo: 0.1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(bad, 'app', { current: lines(...newLog) }),
      logsFor(bad, 'opa', { current: opaLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ECONNREFUSED|refused|::1|IPv6|localhost/i, /8181|opa|sidecar|::1|IPv6|localhost/i],
      facts: [/ECONNREFUSED ::1:8181|::1/, /127\.0\.0\.1(:8181)?|--addr/i, /revision 14|node:?20|3\.8\.0/i],
      never: [/notify-digest/, /NetworkPolicy/i, /\bOOM/i, /DNS (failure|outage|resolution fail)/i],
    },
  };
}

// ---- 2. postStart hook exits 126 ------------------------------------------------------------------

function postStartHookFails(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.40', ['22', '140', '77']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const hook = ['/bin/sh', '-c', '/opt/thumbnailer/bin/warm-cache.sh'];
  const tpl = (v: string, withHook: boolean) => ({
    containers: [{
      ...container({
        image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
        env: [{ name: 'S3_BUCKET', value: 'media-originals-prod' }, { name: 'CACHE_DIR', value: '/var/cache/thumbs' }],
      }),
      ...(withHook ? { lifecycle: { postStart: { exec: { command: hook } } } } : {}),
    }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'thumbnailer', replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 5.2.1', template: tpl('5.2.1', false) },
      { revision: 22, createdAgo: 48, changeCause: 'argocd: thumbnailer 5.2.1 (warm cache on start)', template: tpl('5.2.1', true) },
    ],
    pods: [
      { revision: 21, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 22, node: names[1] ?? '', createdAgo: 48, containers: { app: crashLoop({ exitCode: 143, reason: 'Error', finishedAgo: 1.5, ranSeconds: 2 }, 14) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 47, containers: { app: crashLoop({ exitCode: 143, reason: 'Error', finishedAgo: 3, ranSeconds: 2 }, 13) } },
    ],
  });
  const other = bystander(ns, 'media-upload', names, 2 * HOURS, { revisions: [30, 31], versions: ['7.0.3', '7.0.4'], olderAgo: 14 * DAYS });
  const hookEvents = [1, 2].flatMap((k) => {
    const p = podOf(app, k);
    const msg = `Exec lifecycle hook ([${hook.join(' ')}]) for Container "app" in Pod "${nameOf(p)}_${ns}(${p.metadata?.uid ?? ''})" failed - error: command '${hook.join(' ')}' exited with 126: /bin/sh: /opt/thumbnailer/bin/warm-cache.sh: Permission denied\n, message: "/bin/sh: /opt/thumbnailer/bin/warm-cache.sh: Permission denied\\n"`;
    return [
      event({ on: p, reason: 'FailedPostStartHook', message: msg, count: 15 - k, firstAgo: 48 - k, lastAgo: 1.5 * k, fieldPath: 'spec.containers{app}' }),
      event({ on: p, type: 'Normal', reason: 'Killing', message: 'FailedPostStartHook', count: 15 - k, firstAgo: 48 - k, lastAgo: 1.5 * k, fieldPath: 'spec.containers{app}' }),
      backOff(p, 'app', { count: 180, firstAgo: 46 - k, lastAgo: 0.3 }),
    ];
  });
  const prev = (k: number) => lines(
    `time=${at(1.5 * k + 0.04)} level=INFO msg="thumbnailer starting" version=5.2.1 workers=4`,
    `time=${at(1.5 * k + 0.035)} level=INFO msg="listening" addr=:8080`,
  );
  return {
    id: 'heldout93-poststart-hook-permission-denied',
    class: 'containers',
    truth: 'thumbnailer revision 22 (48 min ago) added a lifecycle postStart exec hook `/bin/sh -c /opt/thumbnailer/bin/warm-cache.sh`; the script ships without the executable bit in the 5.2.1 image, so the hook exits 126 ("Permission denied"). The kubelet records FailedPostStartHook, kills the container (SIGTERM, exit 143) and restarts it: both new pods crash-loop while the one revision-21 pod serves. Fix: make the script executable (or call `sh /opt/…/warm-cache.sh`) or drop the hook.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...hookEvents,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 0, 48),
    ],
    logs: [
      logsFor(podOf(app, 1), 'app', { previous: prev(1), current: '' }),
      logsFor(podOf(app, 2), 'app', { previous: prev(2), current: '' }),
      logsFor(podOf(app, 0), 'app', { current: lines(`time=${at(2)} level=INFO msg="thumbnail rendered" key=img/8812.jpg sizes=3 ms=211`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/post-?start|lifecycle|hook/i],
      facts: [/FailedPostStartHook|postStart/i, /126|Permission denied/i, /warm-cache/i, /revision 22/i],
      never: [/\bOOM/i, /media-upload/, /image pull|ImagePull/i, /exec format/i],
    },
  };
}

// ---- 3. imagePullPolicy: Never --------------------------------------------------------------------

function imageNeverPull(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['31', '118', '240']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, never: boolean) => ({
    containers: [{
      ...container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }] }),
      imagePullPolicy: never ? 'Never' : 'IfNotPresent',
    }],
  });
  const msg = `Container image "${image('2.8.0')}" is not present with pull policy of Never`;
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 2.7.4', template: tpl('2.7.4', false) },
      { revision: 9, createdAgo: 41, changeCause: 'argocd: invoice-api 2.8.0', template: tpl('2.8.0', true) },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 8, node: names[2] ?? '', createdAgo: 6 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 41, containers: { app: waiting('ErrImageNeverPull', msg) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 41, containers: { app: waiting('ErrImageNeverPull', msg) } },
    ],
  });
  const other = bystander(ns, 'billing-webhooks', names, 70, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 30 * DAYS });
  const evs = [3, 4].flatMap((k) => {
    const p = podOf(app, k);
    return [
      event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(p)} to ${p.spec?.nodeName ?? ''}`, firstAgo: 41, lastAgo: 41, component: 'default-scheduler' }),
      event({ on: p, reason: 'ErrImageNeverPull', message: msg, count: 190, firstAgo: 41, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
      event({ on: p, reason: 'Failed', message: 'Error: ErrImageNeverPull', count: 190, firstAgo: 41, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
    ];
  });
  const sbLog = (k: number) => lines(
    `${sbTime(3 + k)}  INFO 1 --- [invoice-api] [nio-8080-exec-${3 + k}] c.a.billing.web.InvoiceController       : GET /v2/invoices/INV-2026-11-${4410 + k} 200 in 22 ms`,
    `${sbTime(1 + k)}  INFO 1 --- [invoice-api] [nio-8080-exec-${5 + k}] c.a.billing.web.InvoiceController       : POST /v2/invoices 201 in 48 ms`,
  );
  return {
    id: 'heldout93-image-pull-policy-never',
    class: 'rollout',
    truth: 'invoice-api revision 9 (2.8.0, 41 min ago) set imagePullPolicy: Never on the app container, copied from the team\'s local kind manifest. The kubelet never pulls, and no node ever pulled 2.8.0, so both new pods are stuck in ErrImageNeverPull ("Container image … is not present with pull policy of Never"); the rollout passed its progress deadline and the three revision-8 pods (2.7.4) keep serving. Fix: imagePullPolicy IfNotPresent (or remove it) in the manifest.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...evs,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 3, 4, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 2, 1, 41),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: sbLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/ErrImageNeverPull|pull ?policy|imagePullPolicy|Never/i],
      facts: [/ErrImageNeverPull|not present with pull policy of Never/i, /revision 9|2\.8\.0/i, /imagePullPolicy|pull policy/i],
      never: [/billing-webhooks/, /(ECR|registry)[^\n]*(auth|credential|denied|unauthori[sz]ed)/i, /imagePullSecret/i, /does not exist|not found in (the )?registry|manifest unknown/i],
    },
  };
}

// ---- 4. ZooKeeper session expiry after a heap increase ---------------------------------------------

function zkSessionExpiredGc(): CorpusScenario {
  const ns = 'scheduling';
  const { nodes, names } = threeEksNodes('10.0.64', ['19', '150', '88']);
  const image = `${ECR}/scheduling/job-coordinator:4.3.2`;
  const tpl = (xmx: string, mem: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '2', memory: mem,
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: `-Xms${xmx} -Xmx${xmx} -XX:+UseParallelGC -Xlog:gc:stdout` },
        { name: 'ZK_CONNECT', value: 'zk-0.zk-hs.scheduling.svc.cluster.local:2181,zk-1.zk-hs.scheduling.svc.cluster.local:2181,zk-2.zk-hs.scheduling.svc.cluster.local:2181' },
        { name: 'ZK_SESSION_TIMEOUT_MS', value: '10000' },
        { name: 'ZK_CONNECTION_TIMEOUT_MS', value: '5000' },
      ],
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'job-coordinator', replicas: 2,
    revisions: [
      { revision: 16, createdAgo: 25 * DAYS, changeCause: 'helm: job-coordinator 4.3.2 heap 2g', template: tpl('2g', '3Gi') },
      { revision: 17, createdAgo: 5 * HOURS, changeCause: 'helm: job-coordinator 4.3.2 heap 12g (bigger schedule cache)', template: tpl('12g', '14Gi') },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 5 * HOURS },
      { revision: 17, node: names[1] ?? '', createdAgo: 5 * HOURS - 2 },
    ],
    settled: { available: true, availableSince: 5 * HOURS - 2, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 2 },
  });
  const zkTpl = { containers: [container({ name: 'zookeeper', image: 'docker.io/library/zookeeper:3.8.4', ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], cpu: '500m', memory: '1Gi', readiness: tcpProbe('client'), liveness: tcpProbe('client', { initialDelaySeconds: 15 }) })] };
  const zk = statefulSetApp({
    namespace: ns, name: 'zk', replicas: 3, serviceName: 'zk-hs',
    revisions: [{ revision: 1, createdAgo: 120 * DAYS, template: zkTpl }],
    pods: [0, 1, 2].map((o) => ({ revision: 1, ordinal: o, node: names[o] ?? '', createdAgo: 40 * DAYS })),
  });
  const other = bystander(ns, 'job-runner', names, 26 * HOURS, { revisions: [44, 45], versions: ['8.1.0', '8.1.1'], olderAgo: 9 * DAYS });
  const j = (m: number, lvl: string, th: string, logger: string, msg: string) => `${sbTime(m)} ${lvl.padEnd(5)} [${th}] ${logger} - ${msg}`;
  const leaderLog = (k: number) => {
    const out: string[] = [];
    const sid = k === 0 ? '0x3000a1c2d5e0041' : '0x2000b7f19a3007c';
    for (const [m, pause] of (k === 0 ? [[41, 14211], [12.5, 13874]] : [[27, 14402]]) as [number, number][]) {
      out.push(j(m + 2, 'INFO', 'scheduler-1', 'c.a.sched.ScheduleLoop', 'tick: 1843 schedules, 212 due, dispatched 212 in 96 ms'));
      out.push(`[${at(m).replace('Z', '+0000')}][info][gc] GC(${400 + Math.round(m)}) Pause Full (Ergonomics) 11702M->6120M(11776M) ${pause}.511ms`);
      out.push(j(m - 0.01, 'WARN', 'JvmPauseMonitor', 'c.a.sched.util.JvmPauseMonitor', `Detected pause in JVM or host machine (eg GC): pause of approximately ${pause - 180}ms\nGC pool 'PS MarkSweep' had collection(s): count=1 time=${pause}ms`));
      out.push(j(m - 0.011, 'INFO', `main-SendThread(zk-1.zk-hs.scheduling.svc.cluster.local:2181)`, 'org.apache.zookeeper.ClientCnxn', `Client session timed out, have not heard from server in ${pause + 320}ms for session id ${sid}`));
      out.push(j(m - 0.012, 'INFO', 'Curator-ConnectionStateManager-0', 'o.a.c.f.state.ConnectionStateManager', 'State change: SUSPENDED'));
      out.push(j(m - 0.015, 'WARN', `main-SendThread(zk-2.zk-hs.scheduling.svc.cluster.local:2181)`, 'org.apache.zookeeper.ClientCnxn', `Unable to reconnect to ZooKeeper service, session ${sid} has expired`));
      out.push(j(m - 0.016, 'INFO', 'Curator-ConnectionStateManager-0', 'o.a.c.f.state.ConnectionStateManager', 'State change: LOST'));
      out.push(j(m - 0.017, 'ERROR', 'Curator-Framework-0', 'o.a.c.f.imps.CuratorFrameworkImpl', 'Background operation retry gave up\norg.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session expired for /job-coordinator/leader\n\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:133)\n\tat org.apache.curator.framework.imps.CuratorFrameworkImpl.checkBackgroundRetry(CuratorFrameworkImpl.java:887)'));
      out.push(j(m - 0.018, 'WARN', 'Curator-LeaderLatch-0', 'c.a.sched.leader.CoordinatorLeadership', 'leadership lost (connection LOST); stopping dispatch, releasing 214 in-flight claims under /job-coordinator/claims'));
      out.push(j(m - 0.05, 'INFO', 'Curator-ConnectionStateManager-0', 'o.a.c.f.state.ConnectionStateManager', 'State change: RECONNECTED'));
      out.push(j(m - 0.4, 'INFO', 'Curator-LeaderLatch-0', 'c.a.sched.leader.CoordinatorLeadership', 'leadership acquired; reloading 1843 schedules from Postgres, re-dispatching work'));
    }
    out.push(j(0.6, 'INFO', 'scheduler-1', 'c.a.sched.ScheduleLoop', 'tick: 1843 schedules, 37 due, dispatched 37 in 41 ms'));
    return out.join('\n') + '\n';
  };
  const zkLog = lines(
    `${sbTime(41.2).replace('.', ',')} [myid:2] - INFO  [SessionTracker:o.a.z.s.ZooKeeperServer@632] - Expiring session 0x3000a1c2d5e0041, timeout of 10000ms exceeded`,
    `${sbTime(27.2).replace('.', ',')} [myid:2] - INFO  [SessionTracker:o.a.z.s.ZooKeeperServer@632] - Expiring session 0x2000b7f19a3007c, timeout of 10000ms exceeded`,
    `${sbTime(12.7).replace('.', ',')} [myid:2] - INFO  [SessionTracker:o.a.z.s.ZooKeeperServer@632] - Expiring session 0x3000a1c2d5e0055, timeout of 10000ms exceeded`,
  );
  return {
    id: 'heldout93-zookeeper-session-expired-gc-pause',
    class: 'capacity',
    truth: 'job-coordinator revision 17 (5 h ago) raised the heap from -Xmx2g to -Xmx12g (container memory 14Gi) but kept ParallelGC and the 10 s ZooKeeper session timeout. Full GCs of the 12 GB old generation now stop the JVM for ~14 s, longer than the session timeout: ZooKeeper expires the Curator session ("KeeperErrorCode = Session expired"), the leader latch and the ephemeral claim nodes are lost, and the coordinator drops leadership and re-dispatches its work every time. Pods stay Running. Fix: use G1/ZGC with a pause target, go back to a smaller heap, or raise the session timeout above the worst pause.',
    ask: { service: 'job-coordinator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...zk.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'job-coordinator', selector: { app: 'job-coordinator' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'zk-hs', selector: { app: 'zk' }, pods: zk.pods, headless: true, ports: [{ name: 'client', port: 2181, targetPort: 'client' }], endpointPort: 2181 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: leaderLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: leaderLog(1) }),
      logsFor(podOf(zk, 1), 'zookeeper', { current: zkLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/session (expired|expir|timed out|timeout)|SessionExpired|ZooKeeper|zk\b/i, /GC|garbage|pause|heap|Xmx|12g|revision 17/i],
      facts: [/Session expired|SessionExpired/i, /pause of approximately|Pause Full|1[34]\d{3} ?ms|14 ?s/i, /Xmx12g|12g|revision 17/i],
      never: [/\bOOM ?Kill|OOMKilled/i, /job-runner/, /crash ?loop/i, /zk-[0-2][^\n]*(down|not ready|crash|unavailable)/i, /NetworkPolicy/i],
    },
  };
}

// ---- 5. RejectedExecutionException after the executor was cut -------------------------------------

function executorRejected(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.80', ['36', '161', '222']);
  const image = `${ECR}/payments/ledger-api:6.14.1`;
  const tpl = (pool: string, queue: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'LEDGER_POSTING_EXECUTOR_CORE_SIZE', value: pool },
        { name: 'LEDGER_POSTING_EXECUTOR_MAX_SIZE', value: pool },
        { name: 'LEDGER_POSTING_EXECUTOR_QUEUE_CAPACITY', value: queue },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '30' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: ledger-api 6.14.1', template: tpl('64', '2000') },
      { revision: 41, createdAgo: 95, changeCause: 'argocd: ledger-api values: align executor settings with staging', template: tpl('8', '100') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 95 - k * 2 })),
    settled: { available: true, availableSince: 90, progressingSince: 95, progressingUpdatedAgo: 90 },
  });
  const other = bystander(ns, 'ledger-reconciler', names, 4 * HOURS, { revisions: [18, 19], versions: ['2.2.0', '2.2.1'], olderAgo: 21 * DAYS });
  const tpe = (k: number, done: number) => `java.util.concurrent.ThreadPoolExecutor@${['5e2c3d1f', '1b7a90ce', '6f03d2a4'][k]}[Running, pool size = 8, active threads = 8, queued tasks = 100, completed tasks = ${done}]`;
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 60 - i * 4.2 - k * 0.3;
      const done = 91_204 + k * 3_117 + (14 - i) * 911;
      out.push(`${sbTime(t + 0.02)}  INFO 1 --- [ledger-api] [nio-8080-exec-${20 + i}] c.a.ledger.web.PostingController        : POST /v1/postings 201 in ${31 + i} ms`);
      if (i % 2 === 0) {
        out.push(`${sbTime(t)} ERROR 1 --- [ledger-api] [nio-8080-exec-${40 + i}] c.a.ledger.web.GlobalExceptionHandler    : Posting rejected, returning 503 Service Unavailable (POST /v1/postings, idempotency-key=pk_${9120 + i * 17 + k})\n` +
          `java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@${(0x3a2b1c00 + i * 4099 + k).toString(16)}[Not completed, task = com.acme.ledger.posting.PostingService$$Lambda/0x00007f3c8c4a1e28@2d8f4b1a] rejected from ${tpe(k, done)}\n` +
          `\tat java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2081)\n` +
          `\tat java.base/java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:841)\n` +
          `\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1376)\n` +
          `\tat java.base/java.util.concurrent.AbstractExecutorService.submit(AbstractExecutorService.java:145)\n` +
          `\tat com.acme.ledger.posting.PostingService.submit(PostingService.java:118)`);
      }
    }
    out.push(`${sbTime(0.5)}  INFO 1 --- [ledger-api] [nio-8080-exec-7] c.a.ledger.web.PostingController        : GET /v1/accounts/acc_77120/balance 200 in 9 ms`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout93-executor-rejected-execution',
    class: 'capacity',
    truth: 'ledger-api revision 41 (95 min ago, a values change "align executor settings with staging") cut the posting executor from 64 threads / 2000 queued tasks to LEDGER_POSTING_EXECUTOR_MAX_SIZE=8 and QUEUE_CAPACITY=100. Under normal production traffic the pool is saturated (8 active, 100 queued) and the AbortPolicy throws "RejectedExecutionException … rejected from ThreadPoolExecutor@…[Running, pool size = 8, active threads = 8, queued tasks = 100 …]", which the API returns as 503 for part of the postings. Pods are Running and ready. Fix: restore the production executor sizes (64/2000).',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, 95),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, 91),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/RejectedExecution|reject|thread ?pool|executor|queue/i],
      facts: [/RejectedExecutionException/, /pool size = 8|queued tasks = 100|MAX_SIZE|QUEUE_CAPACITY|\b8 threads/i, /revision 41|EXECUTOR/i, /503/],
      never: [/\bOOM/i, /ledger-reconciler/, /crash ?loop/i, /hikari[^\n]*(exhaust|saturat|timeout)|connection pool (exhaust|saturat)/i, /(CPU|cpu) throttl/i],
    },
  };
}

// ---- 6. NATS JetStream stream renamed in a ConfigMap ----------------------------------------------

function natsStreamRenamed(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.112', ['27', '139', '250']);
  const natsTpl = { containers: [container({
    name: 'nats', image: 'docker.io/library/nats:2.10.22-alpine', args: ['--config', '/etc/nats-config/nats.conf'],
    ports: [{ name: 'client', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }], cpu: '250m', memory: '512Mi',
    readiness: httpProbe('/healthz?js-enabled-only=true', 'monitor'), liveness: httpProbe('/healthz?js-enabled-only=true', 'monitor', { initialDelaySeconds: 10 }),
    volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }],
  })], volumes: [{ name: 'config', configMap: { name: 'nats-config' } }] };
  const nats = statefulSetApp({
    namespace: ns, name: 'nats', replicas: 3, serviceName: 'nats-headless', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 2, createdAgo: 60 * DAYS, template: natsTpl }],
    pods: [0, 1, 2].map((o) => ({ revision: 2, ordinal: o, node: names[o] ?? '', createdAgo: 33 * DAYS })),
  });
  const image = `${ECR}/orders/order-events:3.1.0`;
  const appTpl = { containers: [container({
    image, ports: [8080], cpu: '200m', memory: '256Mi',
    env: [{ name: 'NATS_URL', value: 'nats://nats.orders.svc.cluster.local:4222' }],
    volumeMounts: [{ name: 'config', mountPath: '/etc/order-events', readOnly: true }],
  })], volumes: [{ name: 'config', configMap: { name: 'order-events-config' } }] };
  const app = deploymentApp({
    namespace: ns, name: 'order-events', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 16 * DAYS, changeCause: 'argocd: order-events 3.1.0', template: appTpl }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k + 1] ?? '', createdAgo: 16 * DAYS - k })),
  });
  const other = bystander(ns, 'order-api', names, 80, { revisions: [57, 58], versions: ['12.4.0', '12.4.1'], olderAgo: 6 * DAYS });
  const appConfig = configMap({
    namespace: ns, name: 'order-events-config', createdAgo: 200 * DAYS, updatedAgo: 34,
    data: { 'config.yaml': 'nats:\n  stream: ORDER_EVENTS\n  subjects:\n    created: order-events.created\n    paid: order-events.paid\n    shipped: order-events.shipped\n  consumer: fulfillment\n  ackWait: 30s\npublishTimeout: 2s\n' },
  });
  const natsConfig = configMap({
    namespace: ns, name: 'nats-config', createdAgo: 60 * DAYS,
    data: { 'nats.conf': 'server_name: $POD_NAME\nport: 4222\nhttp_port: 8222\njetstream {\n  store_dir: /data\n  max_file_store: 20G\n}\ncluster {\n  name: orders-nats\n  port: 6222\n  routes: [\n    nats://nats-0.nats-headless:6222\n    nats://nats-1.nats-headless:6222\n    nats://nats-2.nats-headless:6222\n  ]\n}\n',
      'streams.json': '[{"name":"ORDERS","subjects":["orders.>"],"retention":"limits","storage":"file","num_replicas":3,"max_age":604800000000000},{"name":"ORDERS_DLQ","subjects":["orders-dlq.>"],"storage":"file","num_replicas":3}]\n' },
  });
  const log = (k: number) => {
    const out: string[] = [
      `${goTime(40 + k)} INFO published subject=orders.created order=ord_7731${k} seq=${884120 + k}`,
      `${goTime(33.9)} INFO config changed, reloading file=/etc/order-events/config.yaml`,
      `${goTime(33.9)} INFO jetstream context ready stream=ORDER_EVENTS consumer=fulfillment`,
      `${goTime(33.8)} ERROR consumer bind failed stream=ORDER_EVENTS consumer=fulfillment err="nats: stream not found"`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 33 - i * 3.2 - k * 0.2;
      out.push(`${goTime(t)} ERROR publish failed subject=order-events.${['created', 'paid', 'shipped'][i % 3]} order=ord_77${400 + i * 3 + k} err="nats: no responders available for request"`);
      if (i % 3 === 1) out.push(`${goTime(t - 0.1)} ERROR consumer bind failed stream=ORDER_EVENTS consumer=fulfillment err="nats: stream not found" retry_in=30s`);
    }
    return out.join('\n') + '\n';
  };
  const natsLog = lines(
    `[1] ${goTime(33 * DAYS).replace(/\//g, '/')}.114502 [INF] Starting nats-server`,
    `[1] ${goTime(33 * DAYS)}.114611 [INF]   Version:  2.10.22`,
    `[1] ${goTime(33 * DAYS)}.120944 [INF] Starting JetStream`,
    `[1] ${goTime(33 * DAYS)}.419820 [INF]   Restored 1 consumers for stream '$G > ORDERS'`,
    `[1] ${goTime(33 * DAYS)}.502113 [INF] Server is ready`,
  );
  return {
    id: 'heldout93-nats-stream-renamed-configmap',
    class: 'config',
    truth: 'An edit of the ConfigMap order-events-config 34 min ago renamed the JetStream stream from ORDERS to ORDER_EVENTS and the subjects from orders.* to order-events.*; order-events hot-reloaded it. The NATS cluster still defines only the stream ORDERS on orders.> (nats-config streams.json), so publishes to order-events.created get no stream ack ("nats: no responders available for request") and binding the fulfillment consumer to ORDER_EVENTS fails with "nats: stream not found". Pods stay Running and ready; no order events flow. Fix: revert the ConfigMap to ORDERS / orders.* (or create the new stream).',
    ask: { service: 'order-events', namespace: ns },
    objects: [
      ...nodes, ...nats.objects, ...app.objects, ...other.objects, appConfig, natsConfig,
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: nats.pods, ports: [{ name: 'client', port: 4222, targetPort: 'client' }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, pods: nats.pods, headless: true, ports: [{ name: 'cluster', port: 6222, targetPort: 'cluster' }], endpointPort: 6222 }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 58), 2, 0, 80),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
      logsFor(podOf(nats, 0), 'nats', { current: natsLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/stream|no responders|ORDER_EVENTS|ORDERS|subject/i, /order-events-config|ConfigMap|config|ORDER_EVENTS|renam/i],
      facts: [/no responders available|stream not found/i, /ORDER_EVENTS/, /order-events-config/, /\bORDERS\b|orders\.>/],
      never: [/order-api/, /nats-[0-2][^\n]*(down|not ready|crash|unavailable)/i, /NetworkPolicy/i, ADVISES_ROLLBACK, /\bOOM/i],
    },
  };
}

// ---- 7. healthy: go-sql-driver closing idle connections --------------------------------------------

function healthyMysqlIdleEof(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.120', ['11', '133', '245']);
  const image = (v: string) => `${ECR}/inventory/stock-svc:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '250m', memory: '256Mi',
    env: [
      { name: 'MYSQL_DSN', value: 'stock_app@tcp(inventory-db.cluster-cq81zk2m0a.eu-west-1.rds.amazonaws.com:3306)/inventory?parseTime=true&timeout=3s' },
      { name: 'DB_MAX_OPEN_CONNS', value: '25' },
      { name: 'DB_MAX_IDLE_CONNS', value: '10' },
    ],
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'stock-svc', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 18 * DAYS, changeCause: 'argocd: stock-svc 2.9.0', template: tpl('2.9.0') },
      { revision: 27, createdAgo: 2 * DAYS, changeCause: 'argocd: stock-svc 2.9.1', template: tpl('2.9.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
    settled: { available: true, availableSince: 2 * DAYS - 3, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const other = bystander(ns, 'stock-sync', names, 6 * HOURS, { revisions: [9, 10], versions: ['1.2.3', '1.2.4'], olderAgo: 12 * DAYS });
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 40 - i * 4 - k * 0.4;
      out.push(`${goTime(t)} INFO http request method=GET path=/v1/stock/SKU-${40211 + i * 13} status=200 duration=${4 + (i % 5)}.${k}ms`);
      if (i === 3 || (i === 7 && k !== 1)) out.push(`[mysql] ${goTime(t - 0.3)} packets.go:122: closing bad idle connection: EOF`);
      out.push(`${goTime(t - 0.5)} INFO http request method=POST path=/v1/reservations status=201 duration=${11 + i}.${k}ms`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout93-healthy-mysql-idle-connection-eof',
    class: 'healthy',
    truth: 'stock-svc is healthy: three ready pods of revision 27 (two days old) serving 200/201. The go-sql-driver/mysql driver logs "[mysql] … packets.go:122: closing bad idle connection: EOF" a few times because RDS closes connections idle longer than wait_timeout; the driver discards them and retries on a fresh connection transparently (no request fails). Setting db.SetConnMaxLifetime below wait_timeout would silence it; nothing is broken.',
    ask: { service: 'stock-svc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-svc', selector: { app: 'stock-svc' }, pods: app.pods }),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP ?? ''}:8080/ready": dial tcp ${podOf(other, 0).status?.podIP ?? ''}:8080: connect: connection refused`, count: 1, firstAgo: 6 * HOURS - 0.2, lastAgo: 6 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ready|serving|nothing/i],
      facts: [/stock-svc/],
      never: [/bad (idle )?connection[^\n]*(cause|fail|outage|broken)/i, /database (outage|unreachable|down)/i, /wait_timeout[^\n]*(cause|broke)/i, ADVISES_ROLLBACK, /stock-sync/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  nodeLocalhostIpv6(),
  postStartHookFails(),
  imageNeverPull(),
  zkSessionExpiredGc(),
  executorRejected(),
  natsStreamRenamed(),
  healthyMysqlIdleEof(),
];
