// Held-out stories, fifty-first round, part two: a leader-elected settlement worker whose leader
// died with its node while a config change had raised the lease to 3600 s, so the standbys wait an
// hour on a dead holder; a gRPC service whose new revision serves TLS on the port the kubelet's
// native (plaintext) gRPC probe dials; an Oracle user whose password expired (ORA-28001); large
// nodes overflowing the kernel's ARP neighbour table; a partner moved behind an SNI-routed shared
// edge that a legacy client with SNI disabled cannot reach; a route generator CronJob whose
// ConfigMap outgrew 1 MiB; and a healthy control: a Java service with one Hikari clock-leap WARN
// after a live migration and Tomcat's "method names must be tokens" lines from TLS probes.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event, exposed,
  httpProbe, jobEvent, networkPolicy, node, nodeEvent, probeFailed, probeKilling, rsOf, running, scaledReplicaSet, terminated,
  daemonSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** klog's header time: `I1121 02:36:05.412907`. */
const klog = (sev: string, minutes: number): string => {
  const t = at(minutes);
  return `${sev}${t.slice(5, 7)}${t.slice(8, 10)} ${t.slice(11, 23)}${String(Math.floor(minutes * 997) % 1000).padStart(3, '0')}`;
};
/** Spring Boot's console time: `2026-11-21T02:36:05.412Z`. */
const sb = (minutes: number): string => at(minutes);
const grpcProbe = (port: number, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe => ({ grpc: { port, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra });

// ---- 1. leader died with its node; lease raised to 3600 s ------------------------------------------

function leaderLeaseHeldByDeadPod(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.51', ['22', '88', '140']);
  const deadNode = names[1] ?? '';
  const deadIdx = nodes.findIndex((n) => n.metadata?.name === deadNode);
  nodes[deadIdx] = node({ name: deadNode, zone: 'eu-west-1b', ready: 'Unknown', readySince: 41 });
  const image = `${ECR}/payments/settlement-worker:3.8.2`;
  const cfg = configMap({
    namespace: ns, name: 'settlement-worker-config', createdAgo: 210 * DAYS, updatedAgo: 2 * DAYS + 190,
    data: {
      'config.yaml': [
        'queue:',
        '  url: amqps://settlement@rabbitmq.payments-infra.svc.cluster.local:5671/settlement',
        '  prefetch: 50',
        'leaderElection:',
        '  enabled: true',
        '  lockName: settlement-worker',
        '  lockNamespace: payments',
        '  # raised from 15s after leader flapping during the 2026-11-18 API server brownout (CHG-4471)',
        '  leaseDuration: 3600s',
        '  renewDeadline: 3000s',
        '  retryPeriod: 10s',
        'batch:',
        '  cutoff: "02:30"',
        '  maxItems: 5000',
      ].join('\n'),
    },
  });
  const tpl = {
    serviceAccountName: 'settlement-worker',
    annotations: { 'checksum/config': '7c1e0f4a9b33d2e8a1f5c6b7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012' },
    containers: [container({
      image, args: ['--config=/etc/settlement/config.yaml', '--v=4'], ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '250m', memory: '384Mi',
      env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      readiness: httpProbe('/healthz', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/settlement', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'settlement-worker-config', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'settlement-worker', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'argocd: settlement-worker 3.8.2', template: { ...tpl, annotations: { 'checksum/config': '0b9d2c61aa4e7f3358c1d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2' } } },
      { revision: 19, createdAgo: 2 * DAYS + 188, changeCause: 'argocd: settlement-worker config CHG-4471', template: tpl },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 2 * DAYS + 187 },
      { revision: 19, node: deadNode, createdAgo: 2 * DAYS + 186, deletingAgo: 35, ready: false },
      { revision: 19, node: names[2] ?? '', createdAgo: 2 * DAYS + 185 },
      { revision: 19, node: names[2] ?? '', createdAgo: 35 },
    ],
    settled: { available: true, availableSince: 34, progressingSince: 2 * DAYS + 188, progressingUpdatedAgo: 2 * DAYS + 185 },
  });
  const leader = podOf(app, 1);
  const leaderName = leader.metadata?.name ?? '';
  Object.assign(leader.status ?? {}, { conditions: [...(leader.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: at(35) }] });
  const feeder = bystander(ns, 'settlement-intake', names.filter((n) => n !== deadNode), 95, { revisions: [41, 42], versions: ['1.19.0', '1.19.1'], olderAgo: 9 * DAYS });
  const renew = at(42.2);
  const standbyLog = (k: number, startAgo: number) => {
    const me = podOf(app, k).metadata?.name ?? '';
    const out: string[] = [];
    if (startAgo < 100) {
      out.push(`{"level":"info","ts":"${at(startAgo - 0.2)}","logger":"main","msg":"starting settlement-worker","version":"3.8.2","identity":"${me}"}`);
      out.push(`${klog('I', startAgo - 0.25)}       1 leaderelection.go:254] attempting to acquire leader lease payments/settlement-worker...`);
    } else {
      out.push(`${klog('I', 2 * DAYS + 186)}       1 leaderelection.go:254] attempting to acquire leader lease payments/settlement-worker...`);
      for (let d = 2; d >= 1; d--) out.push(`${klog('I', d * DAYS + 400 + k)}       1 leaderelection.go:354] lock is held by ${leaderName} and has not yet expired`);
    }
    for (let i = 0; i < 14; i++) {
      const t = Math.min(startAgo - 0.5, 40) - i * 2.9;
      if (t < 0.1) break;
      out.push(`${klog('I', t)}       1 leaderelection.go:354] lock is held by ${leaderName} and has not yet expired`);
      out.push(`${klog('I', t - 0.01)}       1 leaderelection.go:259] failed to acquire lease payments/settlement-worker`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.02)}","logger":"election","msg":"standing by; not the leader","holder":"${leaderName}","leaseDurationSeconds":3600,"renewTime":"${renew}"}`);
    }
    return out.join('\n') + '\n';
  };
  const feederLog = lines(
    ...[30, 20, 10, 2].map((t, i) => `{"level":"warn","ts":"${at(t)}","msg":"settlement queue depth above threshold","queue":"settlement.pending","depth":${4100 + i * 3800},"consumers":0}`),
  );
  return {
    id: 'heldout51-leader-lease-dead-holder-3600s',
    class: 'nodes',
    truth: `Node ${deadNode} failed ~41 min ago (kubelet stopped posting status, no graceful shutdown), taking the settlement-worker leader ${leaderName} with it without releasing its Lease. Two days earlier CHG-4471 raised leaderElection.leaseDuration in settlement-worker-config from 15s to 3600s (revision 19), so the two standbys and the replacement pod keep seeing "lock is held by ${leaderName} and has not yet expired" and will not take over until about an hour after the last renew; nothing consumes the settlement queue (consumers 0, depth growing). The pods are Running and Ready; settlement-intake's rollout is unrelated. Fix: delete (or clear the holder of) the payments/settlement-worker Lease so a standby acquires it now, and bring the lease duration back to seconds (e.g. 15s/10s/2s).`,
    ask: { service: 'settlement-worker', namespace: ns },
    objects: [
      ...nodes, cfg, ...app.objects, ...feeder.objects,
      ...exposed({ namespace: ns, name: 'settlement-intake', selector: { app: 'settlement-intake' }, pods: feeder.pods }),
      nodeEvent(deadNode, 'NodeNotReady', 'Node ' + deadNode + ' status is now: NodeNotReady', { type: 'Normal', firstAgo: 40.5, component: 'node-controller' }),
      event({ on: leader, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 40.5, lastAgo: 40.5, component: 'node-controller' }),
      event({ on: leader, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${leaderName}`, firstAgo: 35.5, lastAgo: 35.5, component: 'taint-eviction-controller' }),
      scaledReplicaSet(deploymentOf(feeder), rsOf(feeder, 42), 2, 0, 95),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: standbyLog(0, 2 * DAYS + 187) }),
      logsFor(podOf(app, 2), 'app', { current: standbyLog(2, 2 * DAYS + 185) }),
      logsFor(podOf(app, 3), 'app', { current: standbyLog(3, 35) }),
      logsFor(podOf(feeder, 0), 'app', { current: feederLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lease|leader|lock/i, /3600|1 ?h(ou)?r?|hour|dead|lost|gone|NotReady|node|held|stale|not (yet )?expired/i],
      facts: [/3600/, new RegExp(leaderName), /ip-10-0-51-88|NotReady|node[^\n]*(down|lost|unreachable|failed)/i, /lease ?Duration|CHG-4471|settlement-worker-config/i],
      never: [/OOM ?Kill/i, /crash ?loop/i, /settlement-intake[^\n]*(cause|broke|roll)/i, /rabbitmq[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 2. TLS on the gRPC port vs the kubelet's plaintext gRPC probe ----------------------------------

function grpcTlsBreaksNativeProbe(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.63', ['17', '104', '230']);
  const image = (v: string) => `${ECR}/warehouse/stock-ledger:${v}`;
  const tpl = (v: string, tls: boolean) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9100 }], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'GRPC_LISTEN_ADDR', value: ':9090' },
        { name: 'DB_DSN', value: 'postgres://stock@stock-db.warehouse.svc:5432/stock?sslmode=require' },
        ...(tls ? [{ name: 'GRPC_TLS_ENABLED', value: 'true' }, { name: 'GRPC_TLS_CERT_FILE', value: '/etc/grpc-tls/tls.crt' }, { name: 'GRPC_TLS_KEY_FILE', value: '/etc/grpc-tls/tls.key' }] : []),
      ],
      readiness: grpcProbe(9090), liveness: grpcProbe(9090, { initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 3 }),
      ...(tls ? { volumeMounts: [{ name: 'grpc-tls', mountPath: '/etc/grpc-tls', readOnly: true }] } : {}),
    })],
    ...(tls ? { volumes: [{ name: 'grpc-tls', secret: { secretName: 'stock-ledger-grpc-tls', defaultMode: 420 } }] } : {}),
  });
  const crash = { exitCode: 2, reason: 'Error', finishedAgo: 1.5, ranSeconds: 44 };
  const app = deploymentApp({
    namespace: ns, name: 'stock-ledger', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: stock-ledger 2.6.0', template: tpl('2.6.0', false) },
      { revision: 15, createdAgo: 34, changeCause: 'argocd: stock-ledger 2.7.0 (mTLS-ready gRPC, SEC-212)', template: tpl('2.7.0', true) },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 14, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 15, node: names[1] ?? '', createdAgo: 33.8, containers: { app: { ...crashLoop(crash, 9), ready: false } } },
    ],
  });
  const newPod = podOf(app, 3);
  const ip = ipOfPod(newPod);
  const kubeletIp = '10.0.63.104';
  const newLog = lines(
    `{"level":"info","ts":"${at(2.3)}","msg":"stock-ledger starting","version":"2.7.0","commit":"e81a0c4"}`,
    `{"level":"info","ts":"${at(2.29)}","msg":"connected to postgres","host":"stock-db.warehouse.svc","pool_max":16}`,
    `{"level":"info","ts":"${at(2.28)}","msg":"grpc transport credentials","tls":true,"cert":"/etc/grpc-tls/tls.crt","client_auth":"NoClientCert"}`,
    `{"level":"info","ts":"${at(2.27)}","msg":"grpc server listening","addr":":9090","services":["stock.v1.Ledger","grpc.health.v1.Health","grpc.reflection.v1.ServerReflection"]}`,
    ...[2.1, 1.95, 1.78, 1.62, 1.45, 1.3, 1.12, 0.95].map((t, i) => `${at(t).replace('T', ' ').replace('Z', '').slice(0, 19).replace(/-/g, '/')} WARNING: [core] [Server #1] grpc: Server.Serve failed to complete security handshake from "${kubeletIp}:${41210 + i * 37}": tls: first record does not look like a TLS handshake`),
    `{"level":"info","ts":"${at(0.9)}","msg":"shutting down","signal":"terminated"}`,
  );
  const oldLog = lines(
    ...[25, 14, 5, 1].map((t, i) => `{"level":"info","ts":"${at(t)}","msg":"rpc","method":"/stock.v1.Ledger/Reserve","code":"OK","duration_ms":${7 + i}}`),
  );
  const other = bystander(ns, 'picking-planner', names, 70, { revisions: [88, 89], versions: ['5.1.4', '5.2.0'], olderAgo: 6 * DAYS });
  return {
    id: 'heldout51-grpc-tls-vs-native-grpc-probe',
    class: 'probes',
    truth: `stock-ledger revision 15 (2.7.0, rolled out 34 min ago for SEC-212) turned on TLS on its gRPC port 9090 (GRPC_TLS_ENABLED with a mounted cert), but its readiness and liveness probes are the kubelet's native gRPC probes, which always dial plaintext. The server rejects every probe ("tls: first record does not look like a TLS handshake"), the kubelet sees "error reading server preface: EOF", so the new pod is never Ready and is restarted by liveness (CrashLoopBackOff); with maxUnavailable 0 the rollout is stuck and the three revision-14 pods keep serving. Fix: roll back / pause, or probe a separate plaintext health port (or an exec grpc-health-probe with -tls) before enabling TLS.`,
    ask: { service: 'stock-ledger', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-ledger', selector: { app: 'stock-ledger' }, pods: app.pods.slice(0, 3), ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'picking-planner', selector: { app: 'picking-planner' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 34),
      probeFailed(newPod, 'app', 'Readiness', `error: failed to connect service at "${ip}:9090": connection error: desc = "error reading server preface: EOF"`, { count: 187, firstAgo: 33.5, lastAgo: 0.6 }),
      probeFailed(newPod, 'app', 'Liveness', `timeout: failed to connect service "${ip}:9090" within 1s: context deadline exceeded`, { count: 27, firstAgo: 33.2, lastAgo: 1.0 }),
      probeKilling(newPod, 'app', 'liveness', { count: 9, firstAgo: 33, lastAgo: 1.0 }),
      event({ on: newPod, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${newPod.metadata?.name ?? ''}_${ns}(${newPod.metadata?.uid ?? ''})`, count: 31, firstAgo: 20, lastAgo: 0.4, fieldPath: 'spec.containers{app}' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 70),
    ],
    logs: [logsFor(newPod, 'app', { current: newLog, previous: newLog }), logsFor(podOf(app, 0), 'app', { current: oldLog })],
    expect: {
      verdict: 'problems',
      headline: [/TLS|SSL|handshake|plaintext|preface/i, /grpc|probe|stock-ledger|revision 15|2\.7\.0/i],
      facts: [/first record does not look like a TLS handshake|server preface/i, /GRPC_TLS_ENABLED|revision 15|2\.7\.0/i, /grpc[^\n]*probe|probe[^\n]*grpc/i],
      never: [/OOM ?Kill/i, /picking-planner/, /cert(ificate)?[^\n]*expired/i, /postgres|stock-db/i, /NetworkPolicy/i],
    },
  };
}

// ---- 3. Oracle password expired (ORA-28001) ---------------------------------------------------------

function oraclePasswordExpired(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeEksNodes('10.0.77', ['9', '121', '203']);
  const image = (v: string) => `${ECR}/insurance/claims-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:oracle:thin:@//claimsdb.cx81kq2ab3f9.eu-west-1.rds.amazonaws.com:1521/CLAIMS' },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'CLAIMS_APP' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '12' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAX_LIFETIME', value: '1800000' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'claims-api', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 16 * DAYS, changeCause: 'argocd: claims-api 7.3.1', template: tpl('7.3.1') },
      { revision: 53, createdAgo: 2 * DAYS + 300, changeCause: 'argocd: claims-api 7.4.0', template: tpl('7.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[k] ?? '', createdAgo: 2 * DAYS + 299 - k, ready: k === 1, containers: { app: running({ sinceAgo: 2 * DAYS + 298 - k, ready: k === 1 }) } })),
    settled: { available: false, availableSince: 14, progressingSince: 2 * DAYS + 300, progressingUpdatedAgo: 2 * DAYS + 292 },
  });
  const other = bystander(ns, 'claims-notifier', names, 48, { revisions: [20, 21], versions: ['1.8.2', '1.9.0'], olderAgo: 30 * DAYS });
  const thr = (k: number) => `http-nio-8080-exec-${k + 3}`;
  const log = (k: number) => {
    const out: string[] = [
      `${sb(2 * DAYS + 297 - k)}  INFO 1 --- [claims-api] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
      `${sb(2 * DAYS + 297 - k)}  WARN 1 --- [claims-api] [           main] com.zaxxer.hikari.pool.PoolBase         : HikariPool-1 - SQLWarning: java.sql.SQLWarning: ORA-28002: the password will expire within 2 days`,
      `${sb(2 * DAYS + 297 - k)}  INFO 1 --- [claims-api] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Added connection oracle.jdbc.driver.T4CConnection@5b1f29fa`,
      `${sb(2 * DAYS + 296.5 - k)}  INFO 1 --- [claims-api] [           main] c.a.claims.ClaimsApiApplication          : Started ClaimsApiApplication in 38.412 seconds (process running for 40.1)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 52 - i * 5.1 - k * 0.3;
      out.push(`${sb(t)}  WARN 1 --- [claims-api] [l-1 connection adder] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Cannot acquire connection from data source (java.sql.SQLException: ORA-28001: the password has expired\nhttps://docs.oracle.com/error-help/db/ora-28001/)`);
      if (t < 30) {
        out.push(`${sb(t - 0.4)} ERROR 1 --- [claims-api] [${thr(i % 6)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause`,
          'java.sql.SQLException: ORA-28001: the password has expired',
          'https://docs.oracle.com/error-help/db/ora-28001/',
          '\tat oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:709)',
          '\tat oracle.jdbc.driver.T4CTTIfun.receive(T4CTTIfun.java:715)',
          '\tat oracle.jdbc.driver.T4CTTIoauthenticate.doOAUTH(T4CTTIoauthenticate.java:1370)',
          '\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:1009)',
          '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:364)',
          '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:476)',
          `${sb(t - 0.41)}  WARN 1 --- [claims-api] [${thr(i % 6)}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: null`,
          `${sb(t - 0.42)} ERROR 1 --- [claims-api] [${thr(i % 6)}] o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed out after 30001ms (total=0, active=0, idle=0, waiting=${3 + i})`);
      }
    }
    out.push(`${sb(0.5)}  WARN 1 --- [claims-api] [nio-8080-exec-9] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout51-oracle-ora-28001-password-expired',
    class: 'config',
    truth: 'The Oracle account CLAIMS_APP used by claims-api reached the end of its profile\'s PASSWORD_LIFE_TIME about an hour ago (the pods had logged ORA-28002 "will expire within 2 days" at startup). Every new connection now fails at logon with "ORA-28001: the password has expired"; as Hikari retires connections (maxLifetime 30 min) the pool drains to total=0, requests time out after 30 s and the readiness group (db health) fails on 2 of 3 pods. The 7.4.0 rollout two days ago and claims-notifier\'s rollout are unrelated. Fix: have the DBA reset the password (ALTER USER CLAIMS_APP IDENTIFIED BY … / update the secret) or move the service account to a profile with PASSWORD_LIFE_TIME UNLIMITED, then restart the pods.',
    ask: { service: 'claims-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-api', selector: { app: 'claims-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'claims-notifier', selector: { app: 'claims-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 21), 2, 0, 48),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 96, firstAgo: 24, lastAgo: 0.3 }),
      probeFailed(podOf(app, 2), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 81, firstAgo: 19, lastAgo: 0.2 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 12, lastAgo: 4 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/ORA-28001|password[^\n]*expir|expired[^\n]*password/i],
      facts: [/ORA-28001/, /CLAIMS_APP/i, /claimsdb|oracle/i],
      never: [ADVISES_ROLLBACK, /OOM ?Kill/i, /claims-notifier/, /DNS|NetworkPolicy|firewall/i],
    },
  };
}

// ---- 4. ARP neighbour table overflow on the large nodes -----------------------------------------------

function arpNeighbourTableOverflow(): CorpusScenario {
  const ns = 'pricing';
  const { nodes: small, names } = threeEksNodes('10.0.84', ['12', '139', '201']);
  const bigNames = [eksNodeName('10.0.85.44'), eksNodeName('10.0.86.173')];
  const big = bigNames.map((n, i) => {
    const nd = node({ name: n, zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'c6i.24xlarge', pool: 'compute-large', createdAgo: 5 * DAYS + 120 + i * 7, allocatable: { cpu: '95690m', 'ephemeral-storage': '192128325924', memory: '184424332Ki', pods: '250' } });
    if (nd.status) nd.status.capacity = { cpu: '96', 'ephemeral-storage': '209702892Ki', memory: '195592972Ki', pods: '250' };
    return nd;
  });
  const image = `${ECR}/pricing/quote-service:9.14.2`;
  const app = deploymentApp({
    namespace: ns, name: 'quote-service', replicas: 6,
    revisions: [{ revision: 77, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-service 9.14.2', template: { containers: [container({ image, ports: [3000], cpu: '500m', memory: '768Mi', env: [{ name: 'REDIS_URL', value: 'redis://pricing-redis.pricing.svc:6379' }, { name: 'PGHOST', value: 'pricing-db.cluster-ro-c1b2a3.eu-west-1.rds.amazonaws.com' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] } }],
    pods: [
      { revision: 77, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 77, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 77, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 77, node: bigNames[0] ?? '', createdAgo: 3 * DAYS + 44 },
      { revision: 77, node: bigNames[1] ?? '', createdAgo: 3 * DAYS + 43 },
      { revision: 77, node: bigNames[0] ?? '', createdAgo: 2 * DAYS + 610 },
    ],
  });
  const other = bystander(ns, 'pricing-rules-sync', names, 130, { revisions: [5, 6], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  const redisIp = '172.20.61.18';
  const dbIps = ['10.0.91.57', '10.0.92.214'];
  const bigLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 18; i++) {
      const t = 58 - i * 3.2 - k * 0.7;
      if (i % 3 === 0) out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${podOf(app, 3 + k).metadata?.name ?? ''}","msg":"quote failed","err":{"type":"Error","message":"connect ETIMEDOUT ${dbIps[i % 2]}:5432","code":"ETIMEDOUT","errno":-110,"syscall":"connect","address":"${dbIps[i % 2]}","port":5432}}`);
      else if (i % 3 === 1) out.push(`{"level":40,"time":${Date.parse(at(t))},"pid":1,"hostname":"${podOf(app, 3 + k).metadata?.name ?? ''}","msg":"redis connection error, reconnecting","err":{"message":"connect ETIMEDOUT","code":"ETIMEDOUT","address":"${redisIp}","port":6379}}`);
      else out.push(`{"level":30,"time":${Date.parse(at(t))},"pid":1,"msg":"request completed","req":{"method":"POST","url":"/v3/quotes"},"res":{"statusCode":200},"responseTime":${60 + i * 9}}`);
    }
    return out.join('\n') + '\n';
  };
  const smallLog = lines(...[40, 25, 11, 2].map((t, i) => `{"level":30,"time":${Date.parse(at(t))},"pid":1,"msg":"request completed","req":{"method":"POST","url":"/v3/quotes"},"res":{"statusCode":200},"responseTime":${41 + i * 3}}`));
  const npd = daemonSetApp({
    namespace: 'kube-system', name: 'node-problem-detector',
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'node-problem-detector', image: 'registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.19', ports: [20257], cpu: '20m', memory: '80Mi' })] } }],
    pods: [...names, ...bigNames].map((n, i) => ({ revision: 3, node: n, createdAgo: i < 3 ? 30 * DAYS : 5 * DAYS + 100 })),
  });
  const nodeEvents = bigNames.flatMap((n, i) => [
    nodeEvent(n, 'NeighbourTableOverflow', `kernel: [${431200 + i * 911}.${String(180233 + i * 7).padStart(6, '0')}] neighbour: arp_cache: neighbor table overflow!`, { type: 'Warning', count: 1840 - i * 311, firstAgo: 2 * DAYS + 40 + i * 60, lastAgo: 0.4 + i * 0.3, component: 'kernel-monitor' }),
    nodeEvent(n, 'KernelRateLimited', 'kernel: net_ratelimit: 214 callbacks suppressed', { type: 'Warning', count: 402 - i * 50, firstAgo: 2 * DAYS + 30, lastAgo: 1.1, component: 'kernel-monitor' }),
  ]);
  return {
    id: 'heldout51-arp-neighbour-table-overflow-large-nodes',
    class: 'nodes',
    truth: `The compute-large node group (c6i.24xlarge, ${bigNames.join(', ')}; up to 250 pods each, added 5 days ago) exceeds the kernel's default neighbour table limits (net.ipv4.neigh.default.gc_thresh3 = 1024): each node talks to far more pod and VPC IPs than that, so the kernel logs "neighbour: arp_cache: neighbor table overflow!" (reported by node-problem-detector's kernel-monitor as node events) and new connections whose next hop has no ARP entry are dropped. Only the quote-service pods on those two nodes see intermittent connect ETIMEDOUT to Postgres and Redis; the pods on the general nodes are fine. Fix: raise gc_thresh1/2/3 (e.g. 4096/8192/16384) on the large node group via launch template / sysctl DaemonSet, or cordon and drain those nodes meanwhile; the DB and Redis are healthy.`,
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...small, ...big, ...app.objects, ...other.objects, ...npd.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods, endpointPort: 3000 }),
      ...nodeEvents,
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 130),
    ],
    logs: [
      logsFor(podOf(app, 3), 'app', { current: bigLog(0) }),
      logsFor(podOf(app, 4), 'app', { current: bigLog(1) }),
      logsFor(podOf(app, 5), 'app', { current: bigLog(2) }),
      logsFor(podOf(app, 0), 'app', { current: smallLog }),
      logsFor(podOf(app, 1), 'app', { current: smallLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/arp|neighbou?r|gc_thresh/i],
      facts: [/neighbor table overflow|neighbou?r table/i, /ip-10-0-85-44|ip-10-0-86-173|compute-large|c6i\.24xlarge/i, /ETIMEDOUT|time(d)? ?out/i],
      never: [ADVISES_ROLLBACK, /OOM ?Kill/i, /coredns|DNS/i, /pricing-rules-sync/, /(redis|postgres|pricing-db)[^\n]*(down|overload|unavailable)/i],
    },
  };
}

// ---- 5. partner behind an SNI-routed edge; legacy client sends no SNI ---------------------------------

function legacyClientNoSni(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.93', ['25', '118', '240']);
  const image = (v: string) => `${ECR}/treasury/swift-bridge:${v}`;
  const javaOpts = '-Djsse.enableSNIExtension=false -Xms512m -Xmx1024m -Dfile.encoding=UTF-8';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '400m', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: javaOpts },
        { name: 'PARTNER_BASE_URL', value: 'https://api.nordbank-partners.example/v2' },
        { name: 'PARTNER_TIMEOUT_MS', value: '15000' },
      ],
      readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'swift-bridge', replicas: 2,
    revisions: [
      { revision: 61, createdAgo: 40 * DAYS, changeCause: 'argocd: swift-bridge 4.2.7', template: tpl('4.2.7') },
      { revision: 62, createdAgo: 4 * DAYS + 200, changeCause: 'argocd: swift-bridge 4.2.8', template: tpl('4.2.8') },
    ],
    pods: [0, 1].map((k) => ({ revision: 62, node: names[k] ?? '', createdAgo: 4 * DAYS + 199 - k })),
    settled: { available: true, availableSince: 4 * DAYS + 195, progressingSince: 4 * DAYS + 200, progressingUpdatedAgo: 4 * DAYS + 195 },
  });
  const egress = networkPolicy({ namespace: ns, name: 'swift-bridge-egress', podSelector: { app: 'swift-bridge' }, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'TCP', port: 443 }] }, { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }], createdAgo: 120 * DAYS });
  const other = bystander(ns, 'fx-rates', names, 66, { revisions: [30, 31], versions: ['3.0.1', '3.1.0'], olderAgo: 11 * DAYS });
  const log = (k: number) => {
    const out: string[] = [
      `Picked up JAVA_TOOL_OPTIONS: ${javaOpts}`,
      `${at(4 * DAYS + 198 - k).replace('T', ' ').replace('Z', '')} INFO  [main] c.a.t.SwiftBridge - swift-bridge 4.2.8 started, partner=https://api.nordbank-partners.example/v2`,
    ];
    for (const t of [200, 170, 141, 126]) out.push(`${at(t + k * 0.2).replace('T', ' ').replace('Z', '')} INFO  [pool-2-thread-${1 + k}] c.a.t.PartnerClient - POST /v2/transfers -> 201 in ${210 + t % 40} ms`);
    for (let i = 0; i < 12; i++) {
      const t = 118 - i * 9.7 - k * 0.4;
      out.push(`${at(t).replace('T', ' ').replace('Z', '')} ERROR [pool-2-thread-${1 + (i % 4)}] c.a.t.PartnerClient - transfer TRF-${(88120 + i * 13 + k).toString()} failed, will retry (attempt ${1 + (i % 3)}/3)`,
        'javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching api.nordbank-partners.example found.',
        '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)',
        '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)',
        '\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1305)',
        '\tat org.apache.http.conn.ssl.SSLConnectionSocketFactory.createLayeredSocket(SSLConnectionSocketFactory.java:436)',
        'Caused by: java.security.cert.CertificateException: No subject alternative DNS name matching api.nordbank-partners.example found.',
        '\tat java.base/sun.security.util.HostnameChecker.matchDNS(HostnameChecker.java:212)',
        `${at(t - 0.01).replace('T', ' ').replace('Z', '')} WARN  [pool-2-thread-${1 + (i % 4)}] c.a.t.PartnerClient - peer certificate: CN=default.edge-gw.sharedfront.example, SAN=[default.edge-gw.sharedfront.example], issuer=CN=R11, O=Let's Encrypt`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout51-partner-sni-required-legacy-client',
    class: 'network',
    truth: 'About two hours ago the partner moved api.nordbank-partners.example behind a shared, SNI-routed edge gateway. swift-bridge has run for years with JAVA_TOOL_OPTIONS -Djsse.enableSNIExtension=false (an old workaround), so its ClientHello carries no server name and the edge answers with its default certificate (CN=default.edge-gw.sharedfront.example); every partner call fails hostname verification ("No subject alternative DNS name matching api.nordbank-partners.example found") and transfers pile up in retries. The pods are Running and Ready; the 4.2.8 rollout four days ago and fx-rates\' rollout are unrelated, and egress 443 is allowed. Fix: remove -Djsse.enableSNIExtension=false (send SNI) and restart; never disable hostname verification.',
    ask: { service: 'swift-bridge', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, egress,
      ...exposed({ namespace: ns, name: 'swift-bridge', selector: { app: 'swift-bridge' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 66),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SNI|server ?name indication|enableSNIExtension|server name|default cert/i],
      facts: [/jsse\.enableSNIExtension=false|enableSNIExtension/i, /No subject alternative DNS name|hostname (mismatch|verification)/i, /nordbank-partners|partner/i],
      never: [ADVISES_ROLLBACK, /cert(ificate)?[^\n]*expired/i, /NetworkPolicy[^\n]*(block|den)/i, /fx-rates/, /OOM ?Kill/i],
    },
  };
}

// ---- 6. route generator CronJob vs the 1 MiB ConfigMap limit -----------------------------------------

function cronJobConfigMapTooLong(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.102', ['33', '150', '218']);
  const genImage = `${ECR}/edge/route-table-generator:2.3.0`;
  const gen = batchContainer({ name: 'generate', image: genImage, command: ['/bin/sh', '-c'], args: ['set -euo pipefail; python -m routegen --tenants-api http://tenant-registry.platform.svc:8080 --out /work/rules.json && kubectl create configmap edge-routing-rules -n edge --from-file=rules.json=/work/rules.json --dry-run=client -o yaml | kubectl replace -f -'], cpu: '200m', memory: '512Mi' });
  const fail = (a: number) => ({ phase: 'Failed' as const, node: names[a % 3] ?? '', createdAgo: 7 - a * 0.8, containers: { generate: terminated({ exitCode: 1, reason: 'Error', finishedAgo: 6.6 - a * 0.8, ranSeconds: 21 }) } });
  const cron = cronJob({
    namespace: ns, name: 'route-table-generator', schedule: '*/10 * * * *', backoffLimit: 2, createdAgo: 300 * DAYS,
    template: { containers: [gen], serviceAccountName: 'route-table-generator' },
    jobs: [
      { createdAgo: 7, pods: [fail(0), fail(1), fail(2)], outcome: { failed: 'BackoffLimitExceeded', ago: 4.7 } },
    ],
    lastSuccessfulAgo: 3 * HOURS + 7,
  });
  const lastJob = cron.jobs[0];
  if (lastJob === undefined) throw new Error('no job');
  const genLog = (a: number) => lines(
    `${at(6.9 - a * 0.8)} INFO routegen: fetching tenants from http://tenant-registry.platform.svc:8080/v1/tenants?active=true`,
    `${at(6.8 - a * 0.8)} INFO routegen: 1,286 tenants, 23,914 host rules, 4,410 path rewrites`,
    `${at(6.75 - a * 0.8)} INFO routegen: wrote /work/rules.json (1,097,412 bytes, sha256=4be1c07f2a93)`,
    `The ConfigMap "edge-routing-rules" is invalid: []: Too long: must have at most 1048576 bytes`,
  );
  const rules = configMap({ namespace: ns, name: 'edge-routing-rules', createdAgo: 300 * DAYS, data: { 'rules.json': '{"generatedAt":"' + at(3 * HOURS + 7) + '","tenants":1271,"rules":[{"host":"acme-shop.edge.example","backend":"tenant-acme-shop.tenants.svc:8080"},{"host":"bluefin.edge.example","backend":"tenant-bluefin.tenants.svc:8080"}]}' } });
  if (rules.metadata?.managedFields?.[0]) { rules.metadata.managedFields[0].manager = 'kubectl-replace'; rules.metadata.managedFields[0].time = new Date(at(3 * HOURS + 7)); }
  const router = deploymentApp({
    namespace: ns, name: 'edge-router', replicas: 3,
    revisions: [{ revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: edge-router 1.22.4', template: { containers: [container({ image: `${ECR}/edge/edge-router:1.22.4`, ports: [8080], cpu: '1', memory: '1Gi', readiness: httpProbe('/ready', 8080), volumeMounts: [{ name: 'rules', mountPath: '/etc/edge/rules', readOnly: true }] })], volumes: [{ name: 'rules', configMap: { name: 'edge-routing-rules', defaultMode: 420 } }] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const routerLog = lines(
    `{"level":"info","ts":"${at(3 * HOURS + 6)}","msg":"routing rules reloaded","source":"/etc/edge/rules/rules.json","generatedAt":"${at(3 * HOURS + 7)}","tenants":1271}`,
    ...[70, 41, 22, 9, 2].map((t, i) => `{"level":"warn","ts":"${at(t)}","msg":"no route for host","host":"${['lumen-labs', 'orchard-co', 'tidewater', 'lumen-labs', 'kestrel-pay'][i]}.edge.example","status":421}`),
    `{"level":"info","ts":"${at(1)}","msg":"request","host":"acme-shop.edge.example","path":"/","status":200,"ms":12}`,
  );
  const other = bystander(ns, 'edge-admin-ui', names, 25, { revisions: [11, 12], versions: ['0.14.0', '0.15.0'], olderAgo: 14 * DAYS });
  return {
    id: 'heldout51-route-generator-configmap-over-1mib',
    class: 'jobs',
    truth: 'The route-table-generator CronJob (every 10 min) regenerates edge-routing-rules from the tenant registry and `kubectl replace`s the ConfigMap. Since tenant onboarding pushed rules.json past 1 MiB (1,097,412 bytes now), the API server rejects it ("The ConfigMap \\"edge-routing-rules\\" is invalid: []: Too long: must have at most 1048576 bytes"); every run fails (BackoffLimitExceeded), the last success was 3h07m ago, and edge-router keeps serving the stale rules, answering 421 "no route for host" for tenants added since. Fix: shrink or shard the rules (compress, split into several ConfigMaps, or serve them from object storage), not a retry; edge-router and edge-admin-ui\'s rollout are fine.',
    ask: { service: 'route-table-generator', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, rules, ...router.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'edge-router', selector: { app: 'edge-router' }, pods: router.pods }),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${lastJob.objects[0]?.metadata?.name ?? ''}`, 7),
      jobEvent(lastJob.objects[0], 'SuccessfulCreate', `Created pod: ${lastJob.pods[0]?.metadata?.name ?? ''}`, 7),
      jobEvent(lastJob.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 4.7, 'Warning'),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${lastJob.objects[0]?.metadata?.name ?? ''}, condition: Failed`, 4.6),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 25),
    ],
    logs: [
      ...lastJob.pods.map((p, a) => logsFor(p, 'generate', { current: genLog(a) })),
      logsFor(podOf(router, 0), 'app', { current: routerLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/1 ?MiB|1048576|too (long|large|big)|size limit|exceed|over(sized)?|grown/i, /edge-routing-rules|config ?map|route-table-generator/i],
      facts: [/Too long: must have at most 1048576 bytes|1048576|1 ?MiB/i, /stale|last success|3 ?h|edge-router/i, /1,?097,?412|rules\.json/i],
      never: [/RBAC|forbidden/i, /OOM ?Kill/i, /edge-admin-ui/, /image ?pull/i, /tenant-registry[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. healthy control: Hikari clock leap after a live migration, TLS probes on the plain port --------

function healthyJavaClockLeapAndTlsProbes(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.111', ['14', '132', '207']);
  const image = `${ECR}/finance/ledger-query:6.0.3`;
  const app = deploymentApp({
    namespace: ns, name: 'ledger-query', replicas: 3,
    revisions: [{ revision: 24, createdAgo: 8 * DAYS, changeCause: 'argocd: ledger-query 6.0.3', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const scanner = ['10.0.7.41', '10.0.7.42'];
  const log = (k: number) => {
    const out: string[] = [
      `${sb(8 * DAYS - k - 0.9)}  INFO 1 --- [ledger-query] [           main] c.a.f.l.LedgerQueryApplication           : Started LedgerQueryApplication in 21.904 seconds (process running for 23.3)`,
      `${sb(6 * DAYS + 311 + k * 17)}  INFO 1 --- [ledger-query] [nio-8080-exec-${4 + k}] o.apache.coyote.http11.Http11Processor   : Error parsing HTTP request header`,
      ' Note: further occurrences of HTTP request parsing errors will be logged at DEBUG level.',
      '',
      'java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x030xa20x8f0x1c...]. HTTP method names must be tokens',
      '\tat org.apache.coyote.http11.Http11InputBuffer.parseRequestLine(Http11InputBuffer.java:407)',
      '\tat org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:264)',
      '\tat org.apache.coyote.AbstractProcessorLight.process(AbstractProcessorLight.java:63)',
      '\tat org.apache.coyote.AbstractProtocol$ConnectionHandler.process(AbstractProtocol.java:905)',
      '\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1741)',
      '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
      '',
    ];
    if (k === 1) out.push(`${sb(96)}  WARN 1 --- [ledger-query] [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s217ms).`);
    for (const t of [60, 33, 12, 3]) out.push(`${sb(t + k * 0.3)}  INFO 1 --- [ledger-query] [nio-8080-exec-${(t % 9) + 1}] c.a.f.l.web.AccessLog                    : GET /v1/ledgers/${4400 + t}/entries?from=2026-11-01 200 ${18 + (t % 7)}ms client=10.0.45.${20 + k}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout51-healthy-hikari-clock-leap-tls-probe-noise',
    class: 'healthy',
    truth: `ledger-query is healthy: 3/3 pods Ready for 8 days, no restarts, requests answered in ~20 ms. The node ${names[1] ?? ''} was live-migrated by the hypervisor about 96 minutes ago, so one pod logged a single HikariCP "Thread starvation or clock leap detected (housekeeper delta=1m4s217ms)" WARN (the JVM was paused); the pool recovered by itself. Each pod also logged once Tomcat's "Invalid character found in method name [0x16 0x03 0x01…]. HTTP method names must be tokens" INFO: the security team's TLS scanner (${scanner.join(', ')}) sends a TLS ClientHello to the plain-HTTP port 8080. Neither needs action.`,
    ask: { service: 'ledger-query', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'ledger-query', selector: { app: 'ledger-query' }, pods: app.pods }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problem|issue|incident)s?|fine|ok\b|nothing (wrong|to do)|all .*ready|3\/3/i],
      facts: [/ledger-query/i],
      never: [ADVISES_ROLLBACK, /OOM ?Kill/i, /crash ?loop/i, /(hikari|pool|database)[^\n]*(exhaust|starv|leak|down)/i, /(TLS|HTTPS)[^\n]*(misconfig|mismatch|broken)/i, /CPU[^\n]*throttl/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  leaderLeaseHeldByDeadPod(),
  grpcTlsBreaksNativeProbe(),
  oraclePasswordExpired(),
  arpNeighbourTableOverflow(),
  legacyClientNoSni(),
  cronJobConfigMapTooLong(),
  healthyJavaClockLeapAndTlsProbes(),
];
