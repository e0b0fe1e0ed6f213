// Held-out stories, fifty-ninth round, part two: a Postgres replica on a local NVMe PersistentVolume
// pinned to one node whose disk is failing, so that member logs "could not read block …:
// Input/output error" while the kernel monitor reports I/O errors on the node; read_committed Kafka
// consumers stalled behind a transaction a killed producer pod left open after its
// transaction.timeout.ms was raised to one hour; a PHP service on libpq 9.6 refused after a
// Postgres upgrade switched password_encryption to scram-sha-256; a Go client resolving its peer by
// the SRV record of a Service port the peer's chart renamed from `grpc` to `grpc-api`; a Java 8u212
// service whose partner API went TLS 1.3 only, so every handshake ends in protocol_version while a
// Go bystander still gets through; a Java client failing to deserialize the enum value
// PARTIALLY_REFUNDED an upstream started sending after its rollout 30 minutes ago; and a healthy
// control: PHP-FPM's "seems busy … spawning children" warnings during the morning ramp.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, nameOf,
  nodeEvent, probeFailed, pvc, running, service, endpointSliceFor, statefulSetApp, tcpProbe, execProbe, scheduled, ago,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
const javaTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. local NVMe volume with a failing disk -------------------------------------------------------

function localNvmeDiskFailing(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '102', '230']);
  const bad = names[1] ?? '';
  const image = 'docker.io/library/postgres:15.8';
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 3, serviceName: 'orders-db-hl',
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: { containers: [container({
      name: 'postgres', image, ports: [{ name: 'pg', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'PATRONI_SCOPE', value: 'orders-db' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10 }),
      liveness: tcpProbe('pg', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '1788Gi', storageClass: 'local-nvme' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 21 * DAYS },
      { revision: 4, ordinal: 1, node: bad, createdAgo: 21 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 3, ranSeconds: 95 }, 6) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 21 * DAYS },
    ],
  });
  const localPv = (i: number, host: string): KubeJson[] => {
    const claim = `data-orders-db-${i}`;
    const pvName = `local-pv-${['3f9a1c2e', '8b41d07a', 'c2e7f519'][i]}`;
    const c = pvc({ namespace: ns, name: claim, storage: '1788Gi', storageClass: 'local-nvme', phase: 'Bound', volumeName: pvName, createdAgo: 90 * DAYS });
    c.metadata!.annotations = { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', 'volume.kubernetes.io/selected-node': host };
    const v: k8s.V1PersistentVolume = {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: pvName, creationTimestamp: ago(90 * DAYS), labels: { 'storage.k8s.io/local-static-provisioner': 'true' }, annotations: { 'pv.kubernetes.io/provisioned-by': 'local-volume-provisioner-' + host }, finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        accessModes: ['ReadWriteOnce'], capacity: { storage: '1788Gi' }, local: { path: '/mnt/disks/nvme1n1' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name: claim },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } },
        persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'local-nvme', volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    };
    return [c, v];
  };
  const sick = podOf(db, 1);
  const api = bystander(ns, 'orders-api', names, 6 * HOURS, { revisions: [40, 41], versions: ['7.2.0', '7.2.1'], olderAgo: 9 * DAYS });
  const prev = lines(
    `${pgTime(4.6)} [1] LOG:  starting PostgreSQL 15.8 (Debian 15.8-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(4.6)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(4.59)} [31] LOG:  database system was interrupted while in recovery at log time ${pgTime(11).slice(0, 19)} UTC`,
    `${pgTime(4.58)} [31] LOG:  entering standby mode`,
    `${pgTime(4.5)} [31] LOG:  redo starts at 1A4/6E0021C8`,
    `${pgTime(4.1)} [31] LOG:  consistent recovery state reached at 1A4/71FF0A30`,
    `${pgTime(4.1)} [1] LOG:  database system is ready to accept read-only connections`,
    `${pgTime(3.9)} [47] LOG:  started streaming WAL from primary at 1A4/72000000 on timeline 7`,
    `${pgTime(3.4)} [58] ERROR:  could not read block 48213 in file "base/16384/24611": Input/output error`,
    `${pgTime(3.4)} [58] STATEMENT:  SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 20`,
    `${pgTime(3.2)} [61] ERROR:  could not read block 48213 in file "base/16384/24611": Input/output error`,
    `${pgTime(3.1)} [31] FATAL:  could not read from WAL segment 00000007000001A400000072, offset 2351104: Input/output error`,
    `${pgTime(3.1)} [31] CONTEXT:  WAL redo at 1A4/7223E018 for Heap/INSERT: off 14 flags 0x00; blkref #0: rel 1663/16384/24611, blk 48214`,
    `${pgTime(3.05)} [1] LOG:  startup process (PID 31) exited with exit code 1`,
    `${pgTime(3.05)} [1] LOG:  terminating any other active server processes`,
    `${pgTime(3.0)} [1] LOG:  shutting down due to startup process failure`,
    `${pgTime(3.0)} [1] LOG:  database system is shut down`,
  );
  const healthyPg = (m: number) => lines(
    `${pgTime(m)} [1] LOG:  database system is ready to accept read-only connections`,
    `${pgTime(m - 1)} [44] LOG:  started streaming WAL from primary at 19F/10000000 on timeline 7`,
    `${pgTime(14)} [66] LOG:  restartpoint complete: wrote 5121 buffers (3.9%); 0 WAL file(s) added, 0 removed, 3 recycled; write=269.9 s, sync=0.004 s, total=270.0 s`,
  );
  return {
    id: 'heldout59-local-nvme-disk-io-errors',
    class: 'storage',
    truth: `The local NVMe disk behind orders-db-1's local PersistentVolume (pinned by node affinity to ${bad}) is failing: the kernel logs Buffer I/O errors on nvme1n1 and Postgres fails reads and WAL replay with "Input/output error", so that replica crash-loops; the other replicas on other nodes are fine.`,
    ask: { service: 'orders-db' },
    objects: [
      ...nodes, ...db.objects, ...localPv(0, names[0] ?? ''), ...localPv(1, bad), ...localPv(2, names[2] ?? ''),
      service({ namespace: ns, name: 'orders-db-hl', selector: { app: 'orders-db' }, headless: true, ports: [{ name: 'pg', port: 5432, targetPort: 'pg' }] }),
      ...api.objects,
      nodeEvent(bad, 'IOError', 'Buffer I/O error on dev nvme1n1, logical block 223116287, async page read', { type: 'Warning', count: 41, firstAgo: 52, lastAgo: 3, component: 'kernel-monitor' }),
      nodeEvent(bad, 'Ext4Error', 'EXT4-fs error (device nvme1n1): __ext4_get_inode_loc:4436: inode #11534337: block 184549632: comm postgres: unable to read itable block', { type: 'Warning', count: 6, firstAgo: 31, lastAgo: 3.1, component: 'kernel-monitor' }),
      backOff(sick, 'postgres', { count: 19, firstAgo: 29, lastAgo: 1 }),
      probeFailed(sick, 'postgres', 'Readiness', '127.0.0.1:5432 - no response', { count: 37, firstAgo: 30, lastAgo: 1.5 }),
      event({ on: { kind: 'Pod', name: 'orders-db-migrate-29871440-7xk2p', namespace: ns }, reason: 'Completed', message: 'Job completed', type: 'Normal', firstAgo: 7 * HOURS, component: 'job-controller' }),
    ],
    logs: [
      logsFor(sick, 'postgres', { previous: prev, current: '' }),
      logsFor(podOf(db, 0), 'postgres', { current: healthyPg(21 * DAYS) }),
      logsFor(podOf(db, 2), 'postgres', { current: healthyPg(21 * DAYS) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/I\/O error|Input\/output|disk|nvme|IOError|EXT4|Ext4Error/i],
      facts: [lit(bad), /orders-db-1/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /out of (disk )?space|disk (is )?full|DiskPressure/i],
    },
  };
}

// ---- 2. read_committed consumers behind a hanging transaction ----------------------------------------

function kafkaHangingTransaction(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.41', ['19', '144', '207']);
  const outImage = `${ECR}/payments/payments-outbox:5.3.2`;
  const outTpl = (rev: number) => ({
    annotations: { 'checksum/config': rev === 15 ? '9e1d0a7c4b' : '4f72c88a13' },
    containers: [container({
      name: 'outbox', image: outImage, cpu: '500m', memory: '1Gi',
      env: [{ name: 'KAFKA_BOOTSTRAP', value: 'kafka-0.kafka-headless.data:9092,kafka-1.kafka-headless.data:9092,kafka-2.kafka-headless.data:9092' },
        { name: 'TRANSACTIONAL_ID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      envFrom: [{ configMapRef: { name: 'payments-outbox-kafka' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const outbox = deploymentApp({
    namespace: ns, name: 'payments-outbox', replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, template: outTpl(14) },
      { revision: 15, createdAgo: 2 * HOURS + 5, changeCause: 'helm upgrade payments-outbox: raise transaction timeout for bulk settlements', template: outTpl(15) },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 2 * HOURS + 4 }, { revision: 15, node: names[2] ?? '', createdAgo: 47 }],
    settled: { available: true, availableSince: 46, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const conImage = `${ECR}/payments/ledger-consumer:2.18.0`;
  const consumer = deploymentApp({
    namespace: ns, name: 'ledger-consumer', replicas: 3,
    revisions: [{ revision: 9, createdAgo: 6 * DAYS, template: { containers: [container({
      name: 'consumer', image: conImage, cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL', value: 'read_committed' }, { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'ledger-posting' }, { name: 'LEDGER_TOPIC', value: 'payments.settled.v1' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080),
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const killedPod = 'payments-outbox-6d8f9c7b54-w9t4q';
  const newOut = podOf(outbox, 1);
  const cm = configMap({ namespace: ns, name: 'payments-outbox-kafka', createdAgo: 200 * DAYS, updatedAgo: 2 * HOURS + 5, data: {
    KAFKA_ACKS: 'all', KAFKA_ENABLE_IDEMPOTENCE: 'true', KAFKA_TRANSACTION_TIMEOUT_MS: '3600000', KAFKA_MAX_IN_FLIGHT: '5', OUTBOX_BATCH_SIZE: '2000', OUTBOX_TOPIC: 'payments.settled.v1',
  } });
  const conLog = (k: number) => {
    const out = [
      `${javaTime(6 * DAYS - k)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : ledger-posting: partitions assigned: [payments.settled.v1-${k * 4}, payments.settled.v1-${k * 4 + 1}, payments.settled.v1-${k * 4 + 2}, payments.settled.v1-${k * 4 + 3}]`,
    ];
    for (let m = 70; m >= 1; m -= 7) {
      const lag = m > 46 ? 3 + k : Math.round((46 - m) * 410 + 120 * k);
      out.push(`${javaTime(m)}  INFO 1 --- [   scheduling-1] c.a.ledger.metrics.LagReporter           : group=ledger-posting partitions=4 records_consumed_last_60s=${m > 46 ? 2400 + 37 * k : 0} lag_total=${lag}`);
    }
    return lines(...out);
  };
  const outLog = lines(
    `${javaTime(46.8)}  INFO 1 --- [           main] o.a.k.clients.producer.ProducerConfig    : ProducerConfig values: acks = -1 enable.idempotence = true transaction.timeout.ms = 3600000 transactional.id = ${nameOf(newOut)}`,
    `${javaTime(46.7)}  INFO 1 --- [           main] o.a.k.c.p.internals.TransactionManager   : [Producer clientId=producer-${nameOf(newOut)}, transactionalId=${nameOf(newOut)}] ProducerId set to 88231 with epoch 0`,
    `${javaTime(46.5)}  INFO 1 --- [           main] c.a.outbox.OutboxApplication             : Started OutboxApplication in 9.8 seconds (process running for 10.6)`,
    `${javaTime(2)}  INFO 1 --- [     outbox-1] c.a.outbox.OutboxRelay                   : committed batch of 1874 records to payments.settled.v1 in 412 ms`,
  );
  return {
    id: 'heldout59-kafka-read-committed-hanging-transaction',
    class: 'config',
    truth: `payments-outbox's ConfigMap raised transaction.timeout.ms to 3600000 (1 h); a producer pod (${killedPod}) was killed mid-transaction 47 minutes ago and its replacement uses a new transactional.id, so the open transaction is never aborted and holds the last stable offset: ledger-consumer (isolation.level=read_committed) fetches nothing while lag grows, without any error.`,
    ask: { service: 'ledger-consumer' },
    objects: [
      ...nodes, ...outbox.objects, ...consumer.objects, cm,
      event({ on: { kind: 'Pod', name: killedPod, namespace: ns }, reason: 'Killing', message: 'Stopping container outbox', type: 'Normal', firstAgo: 47.5, fieldPath: 'spec.containers{outbox}' }),
      event({ on: { kind: 'Pod', name: killedPod, namespace: ns }, reason: 'ExceededGracePeriod', message: 'Container runtime did not kill the pod within specified grace period.', type: 'Warning', firstAgo: 47 }),
      scheduled(newOut, 47),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, reason: 'NodeNotSchedulable', message: `Node ${names[1]} status is now: NodeNotSchedulable`, type: 'Normal', firstAgo: 48, component: 'kubelet' }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(consumer, k), 'consumer', { current: conLog(k) })),
      logsFor(newOut, 'outbox', { current: outLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/transaction|LSO|last stable offset|read_committed/i, /payments-outbox|transaction\.timeout|3600000|1 ?h/i],
      facts: [/payments-outbox-kafka|transaction\.timeout|TRANSACTION_TIMEOUT/i],
      never: [/\bOOM/, /ledger-consumer[^\n]*(roll ?back|revision 9)/i],
    },
  };
}

// ---- 3. SCRAM after a Postgres upgrade, old libpq client ---------------------------------------------

function scramOldLibpq(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.57', ['33', '121', '240']);
  const pgTpl = (v: string) => ({ containers: [container({
    name: 'postgres', image: `docker.io/library/postgres:${v}`, ports: [{ name: 'pg', containerPort: 5432 }], cpu: '1', memory: '4Gi',
    args: ['-c', 'config_file=/etc/postgresql/postgresql.conf', '-c', 'hba_file=/etc/postgresql/pg_hba.conf'],
    readiness: execProbe(['pg_isready', '-U', 'postgres']), volumeMounts: [{ name: 'conf', mountPath: '/etc/postgresql' }, { name: 'data', mountPath: '/var/lib/postgresql/data' }],
  })], volumes: [{ name: 'conf', configMap: { name: v.startsWith('16') ? 'billing-db-conf-v16' : 'billing-db-conf' } }] });
  const db = statefulSetApp({
    namespace: ns, name: 'billing-db', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 300 * DAYS, template: pgTpl('11.22') }, { revision: 3, createdAgo: 95, template: pgTpl('16.4') }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 80 }],
    currentRevision: 3,
  });
  const phpImage = `${ECR}/billing/invoice-portal:2019.4.7`;
  const portal = deploymentApp({
    namespace: ns, name: 'invoice-portal', replicas: 2,
    revisions: [{ revision: 31, createdAgo: 140 * DAYS, template: { containers: [container({
      name: 'php-fpm', image: phpImage, ports: [9000], cpu: '250m', memory: '512Mi',
      env: [{ name: 'DB_DSN', value: 'host=billing-db.billing.svc.cluster.local port=5432 dbname=billing user=portal sslmode=disable' }],
      readiness: httpProbe('/health.php', 8080), liveness: tcpProbe(9000),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 31, node: names[k + 1] ?? '', createdAgo: 30 * DAYS, containers: { 'php-fpm': running({ sinceAgo: 30 * DAYS, ready: false }) } })),
  });
  const api = bystander(ns, 'billing-api', names, 3 * DAYS, { revisions: [55, 56], versions: ['3.4.0', '3.4.1'], olderAgo: 20 * DAYS });
  const confV16 = configMap({ namespace: ns, name: 'billing-db-conf-v16', createdAgo: 96, data: {
    'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 1GB\npassword_encryption = scram-sha-256\nlog_connections = on\n",
    'pg_hba.conf': 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all 0.0.0.0/0 scram-sha-256\n',
  } });
  const confOld = configMap({ namespace: ns, name: 'billing-db-conf', createdAgo: 300 * DAYS, data: {
    'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 1GB\npassword_encryption = md5\n",
    'pg_hba.conf': 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all 0.0.0.0/0 md5\n',
  } });
  const phpLog = (k: number) => {
    const out: string[] = [];
    for (let m = 78; m >= 1; m -= 6) {
      const t = at(m - k * 0.3);
      const d = new Date(t);
      const stamp = `${String(d.getUTCDate()).padStart(2, '0')}-Nov-2026 ${t.slice(11, 19)}`;
      out.push(`[${stamp}] WARNING: [pool www] child ${212 + m} said into stderr: "PHP Warning:  pg_connect(): Unable to connect to PostgreSQL server: SCRAM authentication requires libpq version 10 or above in /var/www/html/lib/Db.php on line 42"`);
      out.push(`10.0.57.${90 + k} - - [${stamp.replace(' ', ':').replace(/-/g, '/')} +0000] "GET /health.php" 503`);
    }
    return lines(...out);
  };
  const pgLog = lines(
    `${pgTime(80)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(80)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(79)} [88] LOG:  connection authorized: user=billing_api database=billing application_name=billing-api SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)`,
    `${pgTime(76)} [93] LOG:  connection received: host=10.0.57.91 port=51122`,
    `${pgTime(76)} [93] LOG:  could not receive data from client: Connection reset by peer`,
    `${pgTime(5)} [1201] LOG:  connection received: host=10.0.57.92 port=40318`,
    `${pgTime(5)} [1201] LOG:  could not receive data from client: Connection reset by peer`,
  );
  return {
    id: 'heldout59-postgres-scram-old-libpq',
    class: 'config',
    truth: 'The billing-db upgrade from Postgres 11 to 16 (StatefulSet revision 3, ConfigMap billing-db-conf-v16) set password_encryption = scram-sha-256 and scram-sha-256 in pg_hba and passwords were reset; invoice-portal is built on libpq 9.6, which cannot do SCRAM, so every pg_connect fails "SCRAM authentication requires libpq version 10 or above".',
    ask: { service: 'invoice-portal' },
    objects: [
      ...nodes, ...db.objects, ...portal.objects, ...api.objects, confV16, confOld,
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, ports: [{ name: 'pg', port: 5432, targetPort: 'pg' }], pods: db.pods, endpointPort: 5432 }),
      ...portal.pods.map((p) => probeFailed(p, 'php-fpm', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 460, firstAgo: 78, lastAgo: 0.2 })),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(portal, k), 'php-fpm', { current: phpLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SCRAM|scram-sha-256|libpq|password_encryption/i],
      facts: [/billing-db/],
      never: [/\bOOM/, /wrong password|password (was )?(changed|rotated) in (the )?secret/i],
    },
  };
}

// ---- 4. SRV lookup by a Service port name the peer's chart renamed ------------------------------------

function srvPortRenamed(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.63', ['12', '98', '211']);
  const ledgerTpl = (v: string, port: string) => ({
    labels: { 'helm.sh/chart': `ledger-${v}` },
    containers: [container({ name: 'ledger', image: `${ECR}/treasury/ledger:${v}`, ports: [{ name: port, containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '768Mi',
      readiness: { grpc: { port: 9090 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } as k8s.V1Probe })],
  });
  const ledger = deploymentApp({
    namespace: ns, name: 'ledger', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 18 * DAYS, template: ledgerTpl('4.6.2', 'grpc') },
      { revision: 23, createdAgo: 36, changeCause: 'helm upgrade ledger --version 5.0.0', template: ledgerTpl('5.0.0', 'grpc-api') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 35 - k })),
    settled: { available: true, availableSince: 32, progressingSince: 36, progressingUpdatedAgo: 32 },
  });
  const ledgerSvc = service({ namespace: ns, name: 'ledger', selector: { app: 'ledger' }, createdAgo: 200 * DAYS, ports: [{ name: 'grpc-api', port: 9090, targetPort: 'grpc-api' }, { name: 'metrics', port: 9102, targetPort: 'metrics' }] });
  ledgerSvc.metadata!.labels = { app: 'ledger', 'helm.sh/chart': 'ledger-5.0.0', 'app.kubernetes.io/managed-by': 'Helm' };
  ledgerSvc.metadata!.annotations = { 'meta.helm.sh/release-name': 'ledger', 'meta.helm.sh/release-namespace': ns };
  const slice = endpointSliceFor(ledgerSvc, ledger.pods, 9090);
  const image = `${ECR}/treasury/settlement-worker:1.31.4`;
  const worker = deploymentApp({
    namespace: ns, name: 'settlement-worker', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, template: { containers: [container({
      name: 'worker', image, cpu: '250m', memory: '256Mi',
      env: [{ name: 'LEDGER_TARGET', value: 'dns-srv:///_grpc._tcp.ledger.treasury.svc.cluster.local' }, { name: 'GRPC_GO_LOG_SEVERITY_LEVEL', value: 'warning' }],
      readiness: httpProbe('/readyz', 8080),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k + 1] ?? '', createdAgo: 9 * DAYS, containers: { worker: running({ sinceAgo: 9 * DAYS, ready: false }) } })),
  });
  const wLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(9 * DAYS - k)}","msg":"ledger resolver","target":"dns-srv:///_grpc._tcp.ledger.treasury.svc.cluster.local","endpoints":3}`];
    for (let m = 34; m >= 1; m -= 3) {
      out.push(`{"level":"warn","ts":"${at(m - k * 0.1)}","msg":"srv lookup failed","name":"_grpc._tcp.ledger.treasury.svc.cluster.local","error":"lookup _grpc._tcp.ledger.treasury.svc.cluster.local on 172.20.0.10:53: no such host"}`);
      out.push(`{"level":"error","ts":"${at(m - 0.05 - k * 0.1)}","msg":"settle batch failed","batch":"stl-${88120 + m}","error":"rpc error: code = Unavailable desc = no children to pick from"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout59-dns-srv-port-name-renamed',
    class: 'network',
    truth: "settlement-worker finds ledger through the SRV record _grpc._tcp.ledger.treasury.svc.cluster.local, which exists only for a Service port named `grpc`; ledger's chart 5.0.0 (revision 23, 36 minutes ago) renamed the port to `grpc-api`, so the SRV lookup answers NXDOMAIN and the client has no endpoints.",
    ask: { service: 'settlement-worker' },
    objects: [
      ...nodes, ...ledger.objects, ledgerSvc, slice, ...worker.objects,
      ...worker.pods.map((p) => probeFailed(p, 'worker', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 201, firstAgo: 34, lastAgo: 0.3 })),
      ...exposed({ namespace: ns, name: 'settlement-worker', selector: { app: 'settlement-worker' }, pods: worker.pods }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(worker, k), 'worker', { current: wLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SRV|_grpc\._tcp|port name|grpc-api|no such host|NXDOMAIN/i, /ledger/i],
      facts: [/grpc-api/],
      never: [/\bOOM/, /NetworkPolicy/i, /settlement-worker[^\n]*roll ?back/i],
    },
  };
}

// ---- 5. partner TLS 1.3 only, Java 8u212 --------------------------------------------------------------

function tls13OldJdk(): CorpusScenario {
  const ns = 'fx';
  const { nodes, names } = threeEksNodes('10.0.29', ['40', '166', '219']);
  const image = `${ECR}/fx/rates-sync:3.2.7`;
  const sync = deploymentApp({
    namespace: ns, name: 'rates-sync', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 74 * DAYS, template: { containers: [container({
      name: 'app', image, cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_VERSION', value: 'jdk8u212-b04' }, { name: 'PARTNER_BASE_URL', value: 'https://api.rates-partner.example.com/v2' }, { name: 'JAVA_OPTS', value: '-Xmx768m -Dhttps.protocols=TLSv1.2' }],
      readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 20 * DAYS })),
  });
  const quotes = deploymentApp({
    namespace: ns, name: 'quotes-gateway', replicas: 2,
    revisions: [{ revision: 40, createdAgo: 11 * DAYS, template: { containers: [container({ image: `${ECR}/fx/quotes-gateway:1.9.3`, env: [{ name: 'PARTNER_BASE_URL', value: 'https://api.rates-partner.example.com/v2' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 40, node: names[k + 1] ?? '', createdAgo: 11 * DAYS })),
  });
  const jLog = (k: number) => {
    const out = [`${javaTime(20 * DAYS)} INFO  [main] c.a.fx.RatesSyncApplication - Started RatesSyncApplication in 7.412 seconds (JVM running for 8.09) java.version=1.8.0_212`];
    for (let m = 5 * HOURS - 10 + k; m >= 1; m -= 40) {
      out.push(`${javaTime(m)} INFO  [sync-1] c.a.fx.sync.RatesSyncJob - syncing EUR,GBP,JPY,CHF,USD from https://api.rates-partner.example.com/v2/rates`);
      if (m > 3 * HOURS + 30) { out.push(`${javaTime(m - 0.01)} INFO  [sync-1] c.a.fx.sync.RatesSyncJob - stored 162 rates (as of ${at(m).slice(0, 16)}Z)`); continue; }
      out.push(
        `${javaTime(m - 0.01)} ERROR [sync-1] c.a.fx.sync.RatesSyncJob - rates sync failed, keeping last snapshot`,
        'javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version',
        '\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:192)',
        '\tat sun.security.ssl.Alerts.getSSLException(Alerts.java:154)',
        '\tat sun.security.ssl.SSLSocketImpl.recvAlert(SSLSocketImpl.java:2020)',
        '\tat sun.security.ssl.SSLSocketImpl.readRecord(SSLSocketImpl.java:1127)',
        '\tat sun.security.ssl.SSLSocketImpl.performInitialHandshake(SSLSocketImpl.java:1367)',
        '\tat sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:1395)',
        '\tat org.apache.http.conn.ssl.SSLConnectionSocketFactory.createLayeredSocket(SSLConnectionSocketFactory.java:396)',
        '\tat org.apache.http.impl.client.CloseableHttpClient.execute(CloseableHttpClient.java:108)',
        '\tat com.acme.fx.sync.PartnerClient.fetchRates(PartnerClient.java:77)',
        `${javaTime(m - 0.02)} WARN  [sync-1] c.a.fx.sync.StalenessGuard - rates snapshot is ${Math.round(250 + k - m)} minutes old (threshold 60)`,
      );
    }
    return lines(...out);
  };
  const qLog = lines(
    `{"level":"info","ts":"${at(3)}","msg":"partner call","url":"https://api.rates-partner.example.com/v2/quotes","status":200,"tls":"TLS 1.3","duration_ms":88}`,
    `{"level":"info","ts":"${at(1)}","msg":"partner call","url":"https://api.rates-partner.example.com/v2/quotes","status":200,"tls":"TLS 1.3","duration_ms":91}`,
  );
  return {
    id: 'heldout59-partner-tls13-only-old-jdk8',
    class: 'network',
    truth: 'The rates partner switched its API to TLS 1.3 only about three and a half hours ago; rates-sync runs on JDK 8u212, which has no TLS 1.3 (it came in 8u261), so every call fails "SSLHandshakeException: Received fatal alert: protocol_version", while the Go quotes-gateway negotiates TLS 1.3 and works.',
    ask: { service: 'rates-sync' },
    objects: [
      ...nodes, ...sync.objects, ...quotes.objects,
      ...exposed({ namespace: ns, name: 'rates-sync', selector: { app: 'rates-sync' }, pods: sync.pods }),
      ...exposed({ namespace: ns, name: 'quotes-gateway', selector: { app: 'quotes-gateway' }, pods: quotes.pods }),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, reason: 'NodeHasSufficientMemory', message: `Node ${names[2]} status is now: NodeHasSufficientMemory`, type: 'Normal', firstAgo: 4 * HOURS }),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(sync, k), 'app', { current: jLog(k) })),
      logsFor(podOf(quotes, 0), 'app', { current: qLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/TLS ?(v)?1\.3|protocol_version|SSLHandshake|handshake/i],
      facts: [/8u212|1\.8\.0_212|JDK ?8|Java 8/i],
      never: [/\bOOM/, /certificate (has )?expired|expired certificate/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. new enum value from the upstream --------------------------------------------------------------

function newEnumValue(): CorpusScenario {
  const ns = 'billing-core';
  const { nodes, names } = threeEksNodes('10.0.104', ['21', '87', '190']);
  const payTpl = (v: string) => ({ containers: [container({ image: `${ECR}/billing-core/payments-api:${v}`, readiness: httpProbe('/actuator/health/readiness', 8080) })] });
  const payments = deploymentApp({
    namespace: ns, name: 'payments-api', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 15 * DAYS, template: payTpl('3.8.4') },
      { revision: 64, createdAgo: 31, changeCause: 'argocd: payments-api 3.9.0 (partial refunds)', template: payTpl('3.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 30 - k })),
    settled: { available: true, availableSince: 27, progressingSince: 31, progressingUpdatedAgo: 27 },
  });
  const inv = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 2,
    revisions: [
      { revision: 28, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/billing-core/invoice-service:2.11.0` })] } },
      { revision: 29, createdAgo: 4 * DAYS, changeCause: 'argocd: invoice-service 2.11.1', template: { containers: [container({ image: `${ECR}/billing-core/invoice-service:2.11.1` })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 29, node: names[k + 1] ?? '', createdAgo: 4 * DAYS })),
  });
  const iLog = (k: number) => {
    const out: string[] = [];
    for (let m = 40; m >= 1; m -= 3) {
      const id = `inv_${7710231 + m * 7 + k}`;
      if (m > 30) { out.push(`${javaTime(m)}  INFO 1 --- [nio-8080-exec-${k + 2}] c.a.billing.InvoiceController           : rendered ${id} payment=PAID`); continue; }
      if (m % 2 === 0) { out.push(`${javaTime(m)}  INFO 1 --- [nio-8080-exec-${k + 3}] c.a.billing.InvoiceController           : rendered ${id} payment=PAID`); continue; }
      out.push(
        `${javaTime(m)} ERROR 1 --- [nio-8080-exec-${k + 4}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.web.client.RestClientException: Error while extracting response for type [class com.acme.billing.PaymentDto] and content type [application/json]] with root cause`,
        'com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `com.acme.billing.PaymentStatus` from String "PARTIALLY_REFUNDED": not one of the values accepted for Enum class: [PAID, REFUNDED, PENDING, FAILED]',
        ` at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: 87] (through reference chain: com.acme.billing.PaymentDto["status"])`,
        '\tat com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)',
        '\tat com.fasterxml.jackson.databind.DeserializationContext.weirdStringException(DeserializationContext.java:1959)',
        '\tat com.fasterxml.jackson.databind.deser.std.EnumDeserializer._deserializeAltString(EnumDeserializer.java:342)',
        '\tat com.acme.billing.PaymentsClient.payment(PaymentsClient.java:54)',
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout59-upstream-new-enum-value',
    class: 'rollout',
    truth: 'payments-api 3.9.0 (revision 64, rolled out 31 minutes ago) started returning status "PARTIALLY_REFUNDED"; invoice-service\'s PaymentStatus enum does not know it, so Jackson fails to deserialize those payments and invoice requests for them return 500.',
    ask: { service: 'invoice-service' },
    objects: [
      ...nodes, ...payments.objects, ...inv.objects,
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: payments.pods }),
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: inv.pods }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(inv, k), 'app', { current: iLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/PARTIALLY_REFUNDED|enum|PaymentStatus|deserializ|InvalidFormat/i, /payments-api/i],
      facts: [/3\.9\.0|revision 64/i],
      never: [/\bOOM/, /invoice-service[^\n]*(roll ?back|revision 29)/i],
    },
  };
}

// ---- 7. healthy: PHP-FPM pool spawning children during the morning ramp ------------------------------

function healthyFpmSeemsBusy(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.15', ['22', '131', '245']);
  const image = `${ECR}/shop/storefront-php:8.2-2026.11.3`;
  const app = deploymentApp({
    namespace: ns, name: 'storefront', replicas: 3,
    revisions: [{ revision: 88, createdAgo: 5 * DAYS, template: { containers: [
      container({ name: 'php-fpm', image, ports: [9000], cpu: '1', memory: '1Gi', liveness: tcpProbe(9000), readiness: tcpProbe(9000) }),
      container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2-alpine', ports: [8080], cpu: '100m', memory: '64Mi', readiness: httpProbe('/healthz', 8080) }),
    ] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 5 * DAYS })),
  });
  const fpm = configMap({ namespace: ns, name: 'storefront-fpm-pool', createdAgo: 60 * DAYS, data: {
    'www.conf': '[www]\npm = dynamic\npm.max_children = 40\npm.start_servers = 4\npm.min_spare_servers = 2\npm.max_spare_servers = 6\npm.max_requests = 1000\n',
  } });
  const stamp = (m: number) => { const t = at(m); return `21-Nov-2026 ${t.slice(11, 19)}`; };
  const fLog = (k: number) => lines(
    `[${stamp(5 * DAYS)}] NOTICE: fpm is running, pid 1`,
    `[${stamp(5 * DAYS)}] NOTICE: ready to handle connections`,
    `[${stamp(12 - k)}] WARNING: [pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 12 total children`,
    `[${stamp(11.9 - k)}] WARNING: [pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 16 children, there are 1 idle, and 20 total children`,
    `[${stamp(6 - k)}] WARNING: [pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 18 total children`,
  );
  const nLog = (k: number) => lines(
    ...[9, 5, 2, 0.5].map((m) => `10.0.15.${40 + k} - - [${at(m).slice(8, 10)}/Nov/2026:${at(m).slice(11, 19)} +0000] "GET /catalog/winter-jackets HTTP/1.1" 200 48211 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)" rt=0.0${41 + k} urt=0.0${39 + k}`),
  );
  return {
    id: 'heldout59-healthy-fpm-seems-busy-ramp',
    class: 'healthy',
    truth: 'storefront is healthy: at the morning ramp PHP-FPM warns that pool www "seems busy" and spawns children up to well below pm.max_children = 40; latency stays normal, no errors, every pod is ready.',
    ask: { service: 'storefront' },
    objects: [
      ...nodes, ...app.objects, fpm,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'php-fpm', { current: fLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'nginx', { current: nLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|ready|fine/i],
      facts: [/storefront/],
      never: [/max_children|pm\.start_servers|increase .*children|saturat|exhaust/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  localNvmeDiskFailing(),
  kafkaHangingTransaction(),
  scramOldLibpq(),
  srvPortRenamed(),
  tls13OldJdk(),
  newEnumValue(),
  healthyFpmSeemsBusy(),
];
