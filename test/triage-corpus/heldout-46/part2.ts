// Held-out stories, forty-sixth round, part two: a Flink job whose S3 checkpoints fail with
// AccessDenied since the bucket policy was changed outside the cluster (SSE-KMS now required on
// PutObject), so the JobManager restarts the job again and again on "Exceeded checkpoint tolerable
// failure threshold" while every pod looks Running; a StatefulSet recreated with a new `wal` claim
// template of volumeMode Block that its container still lists under volumeMounts, so the kubelet
// refuses to mount it and the rolling update stops at the highest ordinal; a MySQL StatefulSet whose
// new revision moved tmpdir to a 256Mi memory-backed emptyDir, so report queries fail with
// "ERROR 1114 (HY000): The table '/mysql-tmp/#sql…' is full"; a FastAPI service whose framework
// upgrade dropped the CORS middleware, so browsers' OPTIONS preflights get 405 while server-to-server
// calls still work; an upload service whose clamd sidecar never gets signatures because a new
// default-deny egress NetworkPolicy blocks freshclam, so the recreated pod stays unready; an nginx
// gateway whose ConfigMap edit made `proxy_pass http://$upstream_host;` use a variable without a
// `resolver`, so every payments call is a 502; and a healthy control: a Spring Boot service logging a
// Resilience4j WARN for each idempotent upstream call that succeeded on its first retry.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, clfTime, configMap, container, crashLoop, deploymentApp, epochMs, event,
  exposed, httpProbe, nameOf, networkPolicy, probeFailed, pyTime, rsOf, scaledReplicaSet, scheduled, service,
  endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, waiting, execProbe, running,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const statefulSetOf = (app: Built): k8s.V1StatefulSet => (app.objects[0] ?? {}) as k8s.V1StatefulSet;
/** log4j / logback time: `2026-11-21 03:12:41,563`. */
const l4j = pyTime;
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. Flink checkpoints to S3 denied after a bucket policy change ------------------------------

function flinkCheckpointAccessDenied(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = 'docker.io/library/flink:1.19.1-scala_2.12-java17';
  const flinkEnv = [
    { name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.19.1.jar' },
    { name: 'JOB_JAR', value: 'local:///opt/flink/usrlib/fraud-scoring-7.3.0.jar' },
  ];
  const mounts = [{ name: 'flink-config', mountPath: '/opt/flink/conf' }];
  const volumes = [{ name: 'flink-config', configMap: { name: 'fraud-scoring-flink-config', defaultMode: 420 } }];
  const jm = deploymentApp({
    namespace: ns,
    name: 'fraud-scoring-jobmanager',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: fraud-scoring 7.3.0', template: { serviceAccountName: 'fraud-scoring-flink', volumes, containers: [container({ name: 'jobmanager', image, args: ['standalone-job', '--job-classname', 'com.acme.fraud.ScoringJob'], env: flinkEnv, ports: [{ name: 'rpc', containerPort: 6123 }, { name: 'blob', containerPort: 6124 }, { name: 'webui', containerPort: 8081 }], cpu: '1', memory: '2Gi', readiness: tcpProbe('rpc'), liveness: tcpProbe('rpc', { initialDelaySeconds: 30, periodSeconds: 60 }), volumeMounts: mounts })] } },
    ],
    pods: [{ revision: 11, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 }],
  });
  const tm = deploymentApp({
    namespace: ns,
    name: 'fraud-scoring-taskmanager',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: fraud-scoring 7.3.0', template: { serviceAccountName: 'fraud-scoring-flink', volumes, containers: [container({ name: 'taskmanager', image, args: ['taskmanager'], env: flinkEnv, ports: [{ name: 'rpc', containerPort: 6122 }], cpu: '2', memory: '4Gi', readiness: null, liveness: tcpProbe('rpc', { initialDelaySeconds: 30, periodSeconds: 60 }), volumeMounts: mounts })] } },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 11, node: names[1] ?? '', createdAgo: 9 * DAYS - 2 },
      // An old restart (a spot reclaim moved it four days ago): noise.
      { revision: 11, node: names[2] ?? '', createdAgo: 4 * DAYS, containers: { taskmanager: running({ sinceAgo: 4 * DAYS - 1, restarts: 1, last: { exitCode: 143, finishedAgo: 4 * DAYS - 1, ranSeconds: 50 } }) } },
    ],
  });
  const other = bystander(ns, 'txn-enricher', names, 3 * HOURS, { revisions: [21, 22], versions: ['2.8.0', '2.8.1'], olderAgo: 12 * DAYS });
  const jmPod = podOf(jm, 0);
  const jobId = '5f1c0e9a7b3d4c2e8a6f1d0b9e7c3a21';
  const bucket = 'acme-prod-flink-checkpoints';
  const conf = configMap({
    namespace: ns,
    name: 'fraud-scoring-flink-config',
    createdAgo: 9 * DAYS,
    data: {
      'config.yaml': [
        'jobmanager.rpc.address: fraud-scoring-jobmanager',
        'taskmanager.numberOfTaskSlots: 4',
        'parallelism.default: 12',
        'state.backend.type: rocksdb',
        'state.backend.incremental: true',
        `execution.checkpointing.dir: s3://${bucket}/fraud-scoring/checkpoints`,
        `execution.checkpointing.savepoint-dir: s3://${bucket}/fraud-scoring/savepoints`,
        'execution.checkpointing.interval: 60s',
        'execution.checkpointing.timeout: 5min',
        'execution.checkpointing.tolerable-failed-checkpoints: 3',
        'restart-strategy.type: exponential-delay',
        'fs.s3a.aws.credentials.provider: com.amazonaws.auth.WebIdentityTokenCredentialsProvider',
        'fs.s3a.endpoint.region: eu-west-1',
        'high-availability.type: kubernetes',
        `high-availability.storageDir: s3://${bucket}/fraud-scoring/ha`,
        'kubernetes.cluster-id: fraud-scoring',
        '',
      ].join('\n'),
      'log4j-console.properties': 'rootLogger.level = INFO\nrootLogger.appenderRef.console.ref = ConsoleAppender\n',
    },
  });
  const denied = (key: string, reqId: string) =>
    `java.nio.file.AccessDeniedException: ${key}: PUT 0-byte object  on ${key}: com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: ${reqId}; S3 Extended Request ID: q8Zt3xk1VhY7w0rTnJm2bC4fLs9dQeG5aHcP6uRyKiO=; Proxy: null), S3 Extended Request ID: q8Zt3xk1VhY7w0rTnJm2bC4fLs9dQeG5aHcP6uRyKiO=:AccessDenied`;
  const jmLog: string[] = [
    `${l4j(2 * DAYS)} INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - Completed checkpoint 15102 for job ${jobId} (48213377 bytes, checkpointDuration=2114 ms, finalizationTime=41 ms).`,
    `${l4j(2 * DAYS - 0.2)} WARN  org.apache.flink.runtime.taskmanager.Task                    [] - Source: kafka-transactions (3/12) - execution #0 took 11238 ms to cancel a previous attempt; consider raising taskmanager.network.request-backoff.max`,
  ];
  let chk = 17890;
  let restoreFrom = 17887;
  for (let m = 56; m >= 1; m -= 1) {
    chk += 1;
    const trig = `${l4j(m)} INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - Triggering checkpoint ${chk} (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ ${epochMs(m)} for job ${jobId}.`;
    jmLog.push(trig);
    if (m > 52) {
      jmLog.push(`${l4j(m - 0.03)} INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - Completed checkpoint ${chk} for job ${jobId} (51904522 bytes, checkpointDuration=2391 ms, finalizationTime=38 ms).`);
      restoreFrom = chk;
      continue;
    }
    const fails = (chk % 4) + 1;
    jmLog.push(
      `${l4j(m - 0.02)} WARN  org.apache.flink.runtime.checkpoint.CheckpointFailureManager [] - Failed to trigger or complete checkpoint ${chk} for job ${jobId}. (${fails - 1} consecutive failed attempts so far)`,
      'org.apache.flink.runtime.checkpoint.CheckpointException: Asynchronous task checkpoint failed.',
      '\tat org.apache.flink.runtime.messages.checkpoint.SerializedCheckpointException.unwrap(SerializedCheckpointException.java:51) ~[flink-dist-1.19.1.jar:1.19.1]',
      '\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.receiveDeclineMessage(CheckpointCoordinator.java:1101) ~[flink-dist-1.19.1.jar:1.19.1]',
      `Caused by: ${denied(`s3a://${bucket}/fraud-scoring/checkpoints/${jobId}/chk-${chk}/_metadata`, `QW${chk}7K2M9PX4T1E`)}`,
      '\tat org.apache.hadoop.fs.s3a.S3AUtils.translateException(S3AUtils.java:249) ~[?:?]',
    );
    if (fails === 4) {
      jmLog.push(
        `${l4j(m - 0.03)} INFO  org.apache.flink.runtime.jobmaster.JobMaster                 [] - Trying to recover from a global failure.`,
        'org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Asynchronous task checkpoint failed., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.',
        '\tat org.apache.flink.runtime.checkpoint.CheckpointFailureManager.checkFailureAgainstCounter(CheckpointFailureManager.java:212) ~[flink-dist-1.19.1.jar:1.19.1]',
        `${l4j(m - 0.03)} INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph       [] - Job fraud-scoring (${jobId}) switched from state RUNNING to RESTARTING.`,
        `${l4j(m - 0.2)} INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph       [] - Job fraud-scoring (${jobId}) switched from state RESTARTING to RUNNING.`,
        `${l4j(m - 0.2)} INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - Restoring job ${jobId} from Checkpoint ${restoreFrom} @ ${epochMs(53)} for ${jobId} located at s3://${bucket}/fraud-scoring/checkpoints/${jobId}/chk-${restoreFrom}.`,
      );
    }
  }
  const tmLog = (k: number) => lines(
    `${l4j(2 * HOURS)} INFO  org.apache.flink.runtime.taskexecutor.TaskExecutor            [] - Successful registration at resource manager akka.tcp://flink@fraud-scoring-jobmanager:6123/user/rpc/resourcemanager_0 under registration id 8c1f${k}e2a.`,
    ...[40, 28, 16, 4].flatMap((m) => [
      `${l4j(m)} WARN  org.apache.flink.streaming.runtime.tasks.AsyncCheckpointRunnable [] - window-score (${k * 4 + 2}/12)#${Math.floor((56 - m) / 4)} - asynchronous part of checkpoint ${17890 + 57 - m} could not be completed.`,
      `java.util.concurrent.ExecutionException: java.io.IOException: Could not flush to file and close the file system output stream to s3://${bucket}/fraud-scoring/checkpoints/${jobId}/shared/${k}b7e1c${m}f-0d2a in order to obtain the stream state handle`,
      `Caused by: ${denied(`s3a://${bucket}/fraud-scoring/checkpoints/${jobId}/shared/${k}b7e1c${m}f-0d2a`, `9TB${m}X1QK0W${k}R`)}`,
      `${l4j(m - 0.2)} INFO  org.apache.flink.runtime.taskmanager.Task                    [] - window-score (${k * 4 + 2}/12)#${Math.floor((56 - m) / 4)} switched from RUNNING to CANCELING.`,
    ]),
  );
  return {
    id: 'heldout46-flink-s3-checkpoint-access-denied',
    class: 'config',
    truth: `About 52 minutes ago the security team changed the policy of the S3 bucket ${bucket} outside the cluster (a Deny on s3:PutObject without SSE-KMS). Every Flink checkpoint of the fraud-scoring job now fails with AccessDenied (403) when the TaskManagers and the JobManager write to s3://${bucket}; after 3 tolerable failures the JobManager fails the job with "Exceeded checkpoint tolerable failure threshold" and restarts it from the last good checkpoint, again and again, while all pods stay Running. Fix: restore write access (or set fs.s3a server-side encryption to SSE-KMS in the Flink config) — no rollout is involved.`,
    ask: { service: 'fraud-scoring-jobmanager', namespace: ns },
    objects: [
      ...nodes, ...jm.objects, ...tm.objects, ...other.objects, conf,
      ...exposed({ namespace: ns, name: 'fraud-scoring-jobmanager', selector: { app: 'fraud-scoring-jobmanager' }, pods: jm.pods, ports: [{ name: 'rpc', port: 6123, targetPort: 6123 }, { name: 'blob', port: 6124, targetPort: 6124 }, { name: 'webui', port: 8081, targetPort: 8081 }], endpointPort: 6123 }),
      ...exposed({ namespace: ns, name: 'txn-enricher', selector: { app: 'txn-enricher' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 3 * HOURS),
      event({ on: podOf(tm, 2), reason: 'Unhealthy', message: `Liveness probe failed: dial tcp ${podOf(tm, 2).status?.podIP ?? ''}:6122: i/o timeout`, count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{taskmanager}' }),
    ],
    logs: [
      logsFor(jmPod, 'jobmanager', { current: lines(...jmLog) }),
      ...tm.pods.map((p, k) => logsFor(p, 'taskmanager', { current: tmLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/AccessDenied|Access Denied|403|denied/i, /checkpoint|S3/i],
      facts: [lit(bucket), /tolerable failure threshold|RESTARTING|restart(s|ing)? (the )?job/i, /bucket policy|permission|IAM|PutObject|write access/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /taskmanager[^\n]*(crash|not running|down)/i, /txn-enricher/, /liveness/i],
    },
  };
}

// ---- 2. a StatefulSet's new Block claim listed in volumeMounts ------------------------------------

function blockVolumeInVolumeMounts(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '171', '87']);
  const image = (v: string) => `${ECR}/ledger/ledgerstore:${v}`;
  const base = (v: string, extra: k8s.V1VolumeMount[], args: string[]) => ({
    terminationGracePeriodSeconds: 120,
    containers: [container({
      name: 'ledgerstore', image: image(v), args: ['--data-dir=/var/lib/ledgerstore', '--peers=ledgerstore-0.ledgerstore-peers,ledgerstore-1.ledgerstore-peers,ledgerstore-2.ledgerstore-peers', ...args],
      ports: [{ name: 'client', containerPort: 7400 }, { name: 'raft', containerPort: 7401 }, { name: 'metrics', containerPort: 9400 }],
      cpu: '2', memory: '6Gi', readiness: httpProbe('/readyz', 'metrics'), liveness: httpProbe('/livez', 'metrics', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/ledgerstore' }, ...extra],
    })],
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'ledgerstore',
    replicas: 3,
    serviceName: 'ledgerstore-peers',
    createdAgo: 34,
    revisions: [
      { revision: 5, createdAgo: 23 * DAYS, template: base('3.4.2', [], ['--wal-dir=/var/lib/ledgerstore/wal']) },
      { revision: 6, createdAgo: 34, template: base('3.5.0', [{ name: 'wal', mountPath: '/dev/ledgerstore-wal' }], ['--wal-device=/dev/ledgerstore-wal', '--wal-direct-io=true']) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }, { name: 'wal', storage: '32Gi', storageClass: 'io2-block' }],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 23 * DAYS - 5 },
      { revision: 5, ordinal: 1, node: names[1] ?? '', createdAgo: 23 * DAYS - 7 },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 33, containers: { ledgerstore: waiting('ContainerCreating') } },
    ],
  });
  // The claim templates are immutable: the chart upgrade orphan-deleted and recreated the StatefulSet 34 minutes ago.
  const stsObj = statefulSetOf(sts);
  for (const t of stsObj.spec?.volumeClaimTemplates ?? []) if (t.metadata?.name === 'wal' && t.spec) t.spec.volumeMode = 'Block';
  stsObj.metadata = { ...stsObj.metadata, annotations: { 'meta.helm.sh/release-name': 'ledgerstore', 'meta.helm.sh/release-namespace': ns }, labels: { ...stsObj.metadata?.labels, 'helm.sh/chart': 'ledgerstore-5.0.0' } };
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-ledgerstore-${i}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 200 * DAYS, storageClass: 'gp3', labels: { app: 'ledgerstore' } }));
  const [walClaim, walPv] = boundClaim({ namespace: ns, name: 'wal-ledgerstore-2', storage: '32Gi', zone: 'eu-west-1c', createdAgo: 33, storageClass: 'io2-block', labels: { app: 'ledgerstore' } });
  if (walClaim.spec) walClaim.spec.volumeMode = 'Block';
  if (walPv.spec) walPv.spec.volumeMode = 'Block';
  const fresh = podOf(sts, 2);
  const unattached = `kube-api-access-7xq2m data wal`;
  const mountMsg = `Unable to attach or mount volumes: unmounted volumes=[wal], unattached volumes=[${unattached}]: volume wal has volumeMode Block, but is specified in volumeMounts`;
  const client = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 2.9.4', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:2.9.4`, memory: '512Mi' })] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS }],
  });
  const peerLog = (i: number) => lines(
    `${at(33.2)} INFO  raft: peer ledgerstore-2 (node 3) unreachable: dial tcp: lookup ledgerstore-2.ledgerstore-peers.ledger.svc.cluster.local: no such host`,
    `${at(33.2)} WARN  raft: quorum degraded: 2/3 voters reachable (term=412, leader=node 1)`,
    `${at(12)} INFO  wal: fsync p99=1.8ms segments=118 size=14.2GiB`,
    `${at(0.6)} INFO  server: committed index=88124510 applied=88124510 clients=42`,
  );
  return {
    id: 'heldout46-statefulset-block-claim-in-volumemounts',
    class: 'storage',
    truth: 'The ledgerstore chart 5.0.0 (image 3.5.0) recreated the StatefulSet with a new volumeClaimTemplate "wal" of volumeMode: Block for a raw WAL device, but the container still lists "wal" under volumeMounts (mountPath /dev/ledgerstore-wal) instead of volumeDevices. The claim wal-ledgerstore-2 bound fine, but the kubelet refuses it ("volume wal has volumeMode Block, but is specified in volumeMounts"), so ledgerstore-2 stays in ContainerCreating and the OrderedReady rolling update stops at the highest ordinal, leaving the Raft group on 2 of 3 voters. Fix: use volumeDevices with devicePath (or Filesystem mode).',
    ask: { service: 'ledgerstore', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, walClaim, walPv, ...client.objects,
      service({ namespace: ns, name: 'ledgerstore-peers', selector: { app: 'ledgerstore' }, headless: true, ports: [{ name: 'client', port: 7400, targetPort: 7400 }, { name: 'raft', port: 7401, targetPort: 7401 }] }),
      ...exposed({ namespace: ns, name: 'ledgerstore', selector: { app: 'ledgerstore' }, pods: sts.pods, ports: [{ name: 'client', port: 7400, targetPort: 7400 }], endpointPort: 7400 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: client.pods }),
      event({ on: { kind: 'StatefulSet', metadata: stsObj.metadata }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod ledgerstore-2 in StatefulSet ledgerstore successful', firstAgo: 33.5, lastAgo: 33.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', metadata: stsObj.metadata }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim wal-ledgerstore-2 Pod ledgerstore-2 in StatefulSet ledgerstore success', firstAgo: 33, lastAgo: 33, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', metadata: stsObj.metadata }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledgerstore-2 in StatefulSet ledgerstore successful', firstAgo: 33, lastAgo: 33, component: 'statefulset-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'wal-ledgerstore-2', namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${walPv.metadata?.name ?? ''}`, firstAgo: 32.8, lastAgo: 32.8, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7c8b5-q4x7z_1f0e2c3a-5b6d-4e7f-8a9b-0c1d2e3f4a5b' }),
      scheduled(fresh, 32.7),
      event({ on: fresh, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${walPv.metadata?.name ?? ''}"`, firstAgo: 32.4, lastAgo: 32.4, component: 'attachdetach-controller' }),
      event({ on: fresh, reason: 'FailedMount', message: mountMsg, count: 16, firstAgo: 30.6, lastAgo: 0.6 }),
      event({ on: podOf(sts, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(sts, 1).status?.podIP ?? ''}:9400/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{ledgerstore}' }),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'ledgerstore', { current: peerLog(0) }),
      logsFor(podOf(sts, 1), 'ledgerstore', { current: peerLog(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/volumeMode|Block|volumeDevices|volumeMounts/i],
      facts: [/wal/, /ledgerstore-2/, /volumeDevices|devicePath|volumeMounts/i],
      never: [/\bOOM/, /Multi-Attach/i, /FailedScheduling|unschedulable|insufficient/i, /ledger-api/],
    },
  };
}

// ---- 3. MySQL tmpdir moved to a small memory-backed emptyDir --------------------------------------

function mysqlTmpdirFull(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '161', '233']);
  const mysqlImage = 'docker.io/library/mysql:8.0.39';
  const mysqlTpl = (tmp: boolean) => ({
    securityContext: { fsGroup: 999 },
    volumes: [{ name: 'conf', configMap: { name: 'reports-mysql-conf' } }, ...(tmp ? [{ name: 'mysql-tmp', emptyDir: { medium: 'Memory', sizeLimit: '256Mi' } }] : [])],
    containers: [container({
      name: 'mysql', image: mysqlImage, args: ['--defaults-extra-file=/etc/mysql/conf.d/reports.cnf', ...(tmp ? ['--tmpdir=/mysql-tmp'] : [])],
      env: [{ name: 'MYSQL_DATABASE', value: 'reports' }, { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'reports-mysql', key: 'root-password' } } }],
      ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '8Gi',
      readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mysql', { initialDelaySeconds: 60, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }, ...(tmp ? [{ name: 'mysql-tmp', mountPath: '/mysql-tmp' }] : [])],
    })],
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'reports-mysql',
    replicas: 1,
    serviceName: 'reports-mysql',
    revisions: [
      { revision: 6, createdAgo: 47 * DAYS, template: mysqlTpl(false) },
      { revision: 7, createdAgo: 2 * HOURS + 12, template: mysqlTpl(true) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 2 * HOURS + 11 }],
  });
  const [dataClaim, dataPv] = boundClaim({ namespace: ns, name: 'data-reports-mysql-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS, storageClass: 'gp3', labels: { app: 'reports-mysql' } });
  const apiImage = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://reports-mysql.analytics.svc.cluster.local:3306/reports?useSSL=false' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: report-api 2.17.0', template: apiTpl('2.17.0') },
      { revision: 41, createdAgo: 3 * DAYS, changeCause: 'argocd: report-api 2.17.1', template: apiTpl('2.17.1') },
    ],
    pods: [{ revision: 41, node: names[0] ?? '', createdAgo: 3 * DAYS }, { revision: 41, node: names[2] ?? '', createdAgo: 3 * DAYS - 1 }],
  });
  const conf = configMap({ namespace: ns, name: 'reports-mysql-conf', createdAgo: 200 * DAYS, data: { 'reports.cnf': '[mysqld]\ninnodb_buffer_pool_size=5G\nmax_connections=300\ntmp_table_size=64M\nmax_heap_table_size=64M\ntemptable_max_ram=1G\nslow_query_log=ON\nlong_query_time=5\n' } });
  const dbPod = podOf(db, 0);
  const sqlFile = (k: number) => `/mysql-tmp/#sql1_${(0x3a + k).toString(16)}_${k % 3}`;
  const apiLog = (k: number) => {
    const out = [`${l4j(3 * DAYS - 1)}  INFO 1 --- [report-api] [           main] c.a.reports.ReportApiApplication         : Started ReportApiApplication in 18.412 seconds (process running for 19.903)`];
    for (let i = 0; i < 9; i++) {
      const t = 118 - i * 13 - k * 4;
      const tid = `http-nio-8080-exec-${(i * 3 + k) % 20 + 1}`;
      out.push(
        `${l4j(t)}  WARN 1 --- [report-api] [${tid}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 1114, SQLState: HY000`,
        `${l4j(t)} ERROR 1 --- [report-api] [${tid}] o.h.engine.jdbc.spi.SqlExceptionHelper   : The table '${sqlFile(i + k)}' is full`,
        `${l4j(t)} ERROR 1 --- [report-api] [${tid}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: JDBC exception executing SQL [select m.region,m.sku,sum(o.amount) ... group by m.region,m.sku order by 3 desc] [The table '${sqlFile(i + k)}' is full] [n/a]] with root cause`,
        `java.sql.SQLException: The table '${sqlFile(i + k)}' is full`,
        '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130) ~[mysql-connector-j-8.4.0.jar!/:8.4.0]',
        `${l4j(t - 0.5)}  INFO 1 --- [report-api] [${tid}] c.a.reports.web.AccessLog                : GET /v1/reports/monthly-revenue?month=2026-10 500 ${4100 + i * 211}ms`,
        `${l4j(t - 0.6)}  INFO 1 --- [report-api] [${tid}] c.a.reports.web.AccessLog                : GET /v1/reports/status 200 4ms`,
      );
    }
    return lines(...out);
  };
  const mysqlLog = lines(
    `${at(2 * HOURS + 10.9)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.39) starting as process 1`,
    `${at(2 * HOURS + 10.5)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${at(2 * HOURS + 10.4)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    ...[117, 104, 91, 78, 65, 52, 39, 26, 13, 2].map((m, i) => `${at(m)} ${4100 + i * 37} [ERROR] [MY-013132] [Server] The table '${sqlFile(i)}' is full!`),
  );
  return {
    id: 'heldout46-mysql-tmpdir-memory-emptydir-full',
    class: 'storage',
    truth: 'reports-mysql revision 7 (2 hours ago) moved MySQL\'s tmpdir to /mysql-tmp, a memory-backed emptyDir with sizeLimit 256Mi. The monthly report queries build multi-GB internal temporary tables that spill to tmpdir, which is now far too small, so they fail with "ERROR 1114 (HY000): The table \'/mysql-tmp/#sql…\' is full" and report-api\'s /v1/reports endpoints return 500 while every pod is Ready. Fix: give tmpdir a large disk-backed volume (or revert revision 7).',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, dataClaim, dataPv, ...api.objects, conf,
      ...exposed({ namespace: ns, name: 'reports-mysql', selector: { app: 'reports-mysql' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: api.pods }),
      event({ on: { kind: 'StatefulSet', metadata: statefulSetOf(db).metadata }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod reports-mysql-0 in StatefulSet reports-mysql successful', firstAgo: 2 * HOURS + 11, lastAgo: 2 * HOURS + 11, component: 'statefulset-controller' }),
      ...startedNormally(dbPod, 'mysql', mysqlImage, 2 * HOURS + 11),
      event({ on: dbPod, reason: 'Unhealthy', message: 'Readiness probe failed: mysqladmin: connect to server at \'127.0.0.1\' failed\nerror: \'Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)\'', count: 2, firstAgo: 2 * HOURS + 10.8, lastAgo: 2 * HOURS + 10.6, fieldPath: 'spec.containers{mysql}' }),
    ],
    logs: [
      logsFor(dbPod, 'mysql', { current: mysqlLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/1114|is full/i],
      facts: [/mysql-tmp|tmpdir/i, /256Mi|sizeLimit|Memory|tmpfs|emptyDir/i, /reports-mysql/],
      never: [/\bOOM/, /report-api[^\n]*revision 41[^\n]*(caused|broke|introduced)/i, /DiskPressure|disk pressure/i, /readiness probe/i],
    },
  };
}

// ---- 4. a framework upgrade that dropped CORS: OPTIONS preflights get 405 -------------------------

function corsPreflight405(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.33', ['12', '144', '205']);
  const image = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['uvicorn', 'cart_api.main:app', '--host', '0.0.0.0', '--port', '8080', '--workers', '4', '--no-access-log'], env: [{ name: 'CORS_ALLOWED_ORIGINS', value: 'https://www.acme-shop.com,https://m.acme-shop.com' }, { name: 'REDIS_URL', value: 'redis://cart-redis:6379/0' }], memory: '512Mi', readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 13 * DAYS, changeCause: 'argocd: cart-api 4.8.2', template: tpl('4.8.2') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: cart-api 5.0.0 (FastAPI 0.115 / Starlette 0.41, Pydantic v2 migration)', template: tpl('5.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 46 - k })),
  });
  const other = bystander(ns, 'catalog-web', names, 5 * HOURS, { revisions: [88, 89], versions: ['2026.11.20-2', '2026.11.20-3'], olderAgo: 2 * DAYS });
  const origins = ['https://www.acme-shop.com', 'https://m.acme-shop.com'];
  const uas = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Gecko/20100101 Firefox/132.0'];
  const paths = ['/v1/cart', '/v1/cart/items', '/v1/cart/checkout-preview', '/v1/cart/items/8812'];
  const log = (k: number) => {
    const out = [
      `{"ts":"${at(45.6 - k)}","level":"info","logger":"cart_api.main","msg":"starting cart-api","version":"5.0.0","fastapi":"0.115.4","starlette":"0.41.2","middleware":["GZipMiddleware","PrometheusMiddleware","RequestIdMiddleware"]}`,
      `{"ts":"${at(45.5 - k)}","level":"info","logger":"uvicorn.error","msg":"Application startup complete."}`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 40 - i * 2.2 - k * 0.3;
      const o = origins[(i + k) % 2] ?? '';
      const p = paths[(i + k) % paths.length] ?? '/v1/cart';
      out.push(`{"ts":"${at(t)}","level":"info","logger":"cart_api.access","method":"OPTIONS","path":"${p}","status":405,"duration_ms":1,"client":"10.0.${(i * 7) % 60}.${(i * 31 + k) % 250}","origin":"${o}","access_control_request_method":"${i % 3 === 0 ? 'PUT' : 'POST'}","user_agent":"${uas[i % uas.length] ?? ''}","response":"{\\"detail\\":\\"Method Not Allowed\\"}"}`);
      if (i % 3 === 1) out.push(`{"ts":"${at(t - 0.05)}","level":"info","logger":"cart_api.access","method":"GET","path":"/v1/cart/${41000 + i * 17}","status":200,"duration_ms":${9 + i},"client":"10.0.12.${40 + k}","origin":null,"user_agent":"checkout-service/3.2.1 httpx/0.27.2"}`);
      if (i % 4 === 2) out.push(`{"ts":"${at(t - 0.07)}","level":"info","logger":"cart_api.access","method":"POST","path":"/v1/cart/items","status":201,"duration_ms":${18 + i},"client":"10.0.9.${70 + k}","origin":null,"user_agent":"pricing-worker/1.9.0 aiohttp/3.10.10"}`);
    }
    out.push(`{"ts":"${at(31)}","level":"warning","logger":"pydantic","msg":"Field \\"model_version\\" has conflict with protected namespace \\"model_\\"."}`);
    return lines(...out);
  };
  return {
    id: 'heldout46-cart-api-cors-preflight-405',
    class: 'config',
    truth: 'cart-api revision 58 (5.0.0, 47 minutes ago) upgraded FastAPI/Starlette and rewrote the app factory, dropping the CORSMiddleware registration. Browsers\' CORS preflight requests (OPTIONS with Origin https://www.acme-shop.com) now get 405 Method Not Allowed, so the single-page shop cannot call the cart at all, while server-to-server calls (no preflight) still succeed and every pod is Ready. Fix: re-add the CORS middleware (or roll back to revision 57).',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 2, 44),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 44),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 5 * HOURS),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:8080/health/ready": dial tcp ${podOf(app, 1).status?.podIP ?? ''}:8080: connect: connection refused`, { count: 1, firstAgo: 45.2, lastAgo: 45.2 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/CORS|preflight|OPTIONS/i, /405|Method Not Allowed|CORS|preflight/i],
      facts: [/OPTIONS/, /405/, /revision 58|5\.0\.0|CORSMiddleware|middleware/i],
      never: [/\bOOM/, /catalog-web/, /readiness probe[^\n]*(fail|cause)/i, /crash ?loop/i],
    },
  };
}

// ---- 5. clamd sidecar without signatures: egress blocked by a new NetworkPolicy -------------------

function clamavEgressBlocked(): CorpusScenario {
  const ns = 'documents';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '118', '240']);
  const image = (v: string) => `${ECR}/documents/upload-service:${v}`;
  const clamImage = 'docker.io/clamav/clamav:1.4.1';
  const tpl = (v: string) => ({
    volumes: [{ name: 'staging', persistentVolumeClaim: { claimName: 'upload-staging' } }, { name: 'clamav-db', emptyDir: {} }],
    containers: [
      container({ image: image(v), memory: '768Mi', env: [{ name: 'CLAMD_ADDR', value: '127.0.0.1:3310' }, { name: 'STAGING_DIR', value: '/staging' }, { name: 'S3_BUCKET', value: 'acme-prod-documents' }], readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'staging', mountPath: '/staging' }] }),
      container({ name: 'clamd', image: clamImage, ports: [{ name: 'clamd', containerPort: 3310 }], cpu: '500m', memory: '2Gi', readiness: null, liveness: null, volumeMounts: [{ name: 'clamav-db', mountPath: '/var/lib/clamav' }] }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-service',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 23, createdAgo: 16 * DAYS, changeCause: 'argocd: upload-service 1.21.0', template: tpl('1.21.0') },
      { revision: 24, createdAgo: 38, changeCause: 'argocd: upload-service 1.22.0', template: tpl('1.22.0') },
    ],
    pods: [{ revision: 24, node: names[1] ?? '', createdAgo: 37, containers: { app: running({ sinceAgo: 36.8, ready: false }), clamd: crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 95 }, 9) } }],
  });
  const pod = podOf(app, 0);
  const ip = pod.status?.podIP ?? '';
  const [stClaim, stPv] = boundClaim({ namespace: ns, name: 'upload-staging', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 250 * DAYS, storageClass: 'gp3' });
  const policy = networkPolicy({
    namespace: ns,
    name: 'default-deny-egress',
    createdAgo: 19 * HOURS,
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ podSelector: {} }] },
      { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ],
  });
  if (policy.metadata) policy.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"default-deny-egress","namespace":"documents"},"spec":{"podSelector":{},"policyTypes":["Egress"]}}', 'acme.io/ticket': 'SEC-4471 egress lockdown' };
  const other = bystander(ns, 'thumbnailer', names, 9 * HOURS, { revisions: [12, 13], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const fc = (m: number) => {
    const d = new Date(Date.parse(at(m)));
    return d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
  };
  const clamPrev = lines(
    'Starting Freshclamd',
    `ClamAV update process started at ${fc(3.9)}`,
    'WARNING: Can\'t query current.cvd.clamav.net',
    'WARNING: Invalid DNS reply. Falling back to HTTP mode.',
    'Reading CVD header (daily.cvd): ',
    'ERROR: Download failed (28)',
    'ERROR:  Message: Connection timed out after 30001 milliseconds',
    'ERROR: getcvd: Failed to download CVD file from https://database.clamav.net/daily.cvd',
    'ERROR: check_for_new_database_version: Failed to get daily database version information from server: https://database.clamav.net',
    'ERROR: Database update process failed: Connection failed (3)',
    'ERROR: Update failed.',
    'Starting ClamAV',
    'Socket for clamd not found yet, retrying (0/1800) ...',
    'LibClamAV Error: cli_loaddbdir(): No supported database files found in /var/lib/clamav',
    'ERROR: Can\'t open file or directory',
  );
  const appLog = lines(
    `{"time":"${at(36.7)}","level":"INFO","msg":"upload-service starting","version":"1.22.0","addr":":8080"}`,
    `{"time":"${at(36.6)}","level":"INFO","msg":"staging dir ready","path":"/staging","free_gb":87.1}`,
    ...[30, 20, 10, 2].map((m) => `{"time":"${at(m)}","level":"WARN","msg":"readiness: clamd not reachable","addr":"127.0.0.1:3310","error":"dial tcp 127.0.0.1:3310: connect: connection refused"}`),
  );
  return {
    id: 'heldout46-upload-clamd-freshclam-egress-denied',
    class: 'network',
    truth: 'The NetworkPolicy default-deny-egress, added to the documents namespace 19 hours ago (SEC-4471), only allows DNS, in-namespace traffic and 10.0.0.0/16, so freshclam in the clamd sidecar can no longer reach database.clamav.net (download timeouts). The old pod kept its loaded signatures, but the pod recreated by the upload-service 1.22.0 rollout (revision 24, Recreate) starts with an empty /var/lib/clamav: clamd finds no database and exits, so the app\'s readiness (which needs clamd on 127.0.0.1:3310) never passes, the Service has no ready endpoint and uploads fail. Fix: allow egress to the ClamAV mirror (or serve signatures from an internal mirror); revision 24 itself is innocent.',
    ask: { service: 'upload-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, stClaim, stPv, policy,
      ...exposed({ namespace: ns, name: 'upload-service', selector: { app: 'upload-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 0, 1, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 37.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 9 * HOURS),
      ...startedNormally(pod, 'app', image('1.22.0'), 37),
      event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Container image "${clamImage}" already present on machine`, count: 10, firstAgo: 36.9, lastAgo: 2.3, fieldPath: 'spec.containers{clamd}' }),
      event({ on: pod, type: 'Normal', reason: 'Created', message: 'Created container clamd', count: 10, firstAgo: 36.9, lastAgo: 2.3, fieldPath: 'spec.containers{clamd}' }),
      event({ on: pod, type: 'Normal', reason: 'Started', message: 'Started container clamd', count: 10, firstAgo: 36.9, lastAgo: 2.3, fieldPath: 'spec.containers{clamd}' }),
      backOff(pod, 'clamd', { count: 131, firstAgo: 34, lastAgo: 0.3 }),
      probeFailed(pod, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 437, firstAgo: 36.5, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(pod, 'app', { current: appLog }),
      logsFor(pod, 'clamd', { current: clamPrev.split('\n').slice(0, 12).join('\n') + '\n', previous: clamPrev }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/freshclam|clamd|clamav|signature|database/i],
      facts: [/default-deny-egress|NetworkPolicy|egress/i, /database\.clamav\.net|Download failed|No supported database/i, /clamd/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /thumbnailer/, /upload-staging|Multi-Attach/i],
    },
  };
}

// ---- 6. nginx gateway: proxy_pass with a variable and no resolver ---------------------------------

function nginxNoResolver(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.20', ['16', '128', '199']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const reloader = 'ghcr.io/jimmidyson/configmap-reload:v0.14.0';
  const tpl = {
    volumes: [{ name: 'conf', configMap: { name: 'edge-gateway-conf' } }],
    containers: [
      container({ name: 'nginx', image, ports: [8080], cpu: '200m', memory: '256Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] }),
      container({ name: 'config-reloader', image: reloader, args: ['--volume-dir=/etc/nginx/conf.d', '--webhook-url=http://127.0.0.1:8081/reload', '--webhook-method=POST'], ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] }),
    ],
  };
  const gw = deploymentApp({
    namespace: ns,
    name: 'edge-gateway',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, changeCause: 'argocd: edge-gateway nginx 1.27.2', template: tpl }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 34 * DAYS - 1 }, { revision: 9, node: names[2] ?? '', createdAgo: 6 * DAYS, containers: { nginx: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 6 * DAYS, ranSeconds: 28 * DAYS * 60 } }) } }],
  });
  const payments = bystander(ns, 'payments', names, 2 * DAYS, { revisions: [70, 71], versions: ['6.3.0', '6.3.1'], olderAgo: 9 * DAYS });
  const confText = [
    'server {',
    '    listen 8080;',
    '    server_name _;',
    '    location = /nginx-health { access_log off; return 200 "ok\\n"; }',
    '    location /api/catalog/ { proxy_pass http://catalog.shop.svc.cluster.local:80; }',
    '    location /api/payments/ {',
    '        # SHOP-2291: route per tenant, host chosen by map below',
    '        set $upstream_host payments.shop.svc.cluster.local;',
    '        proxy_pass http://$upstream_host;',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Request-ID $request_id;',
    '        proxy_read_timeout 15s;',
    '    }',
    '}',
    '',
  ].join('\n');
  const conf = configMap({ namespace: ns, name: 'edge-gateway-conf', createdAgo: 200 * DAYS, updatedAgo: 24, data: { 'default.conf': confText } });
  const err = (p: k8s.V1Pod, k: number) => {
    const out = [
      `${ngxTime(6 * DAYS)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(6 * DAYS)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(23.9)} [notice] 1#1: signal 1 (SIGHUP) received from 61, reconfiguring`,
      `${ngxTime(23.9)} [notice] 1#1: reconfiguring`,
      `${ngxTime(23.9)} [notice] 1#1: start worker processes`,
      `${ngxTime(23.9)} [notice] 1#1: start worker process ${88 + k}`,
      `${ngxTime(23.8)} [notice] 33#33: gracefully shutting down`,
      `${ngxTime(23.8)} [notice] 33#33: exiting`,
      `${ngxTime(23.8)} [notice] 1#1: worker process 33 exited with code 0`,
    ];
    for (let i = 0; i < 20; i++) {
      const t = 23 - i * 1.1 - k * 0.2;
      const client = `10.0.${(i * 5) % 40}.${(i * 13 + k * 7) % 240 + 3}`;
      const path = i % 3 === 0 ? '/api/payments/v2/charges' : i % 3 === 1 ? '/api/payments/v2/intents/pi_7Hx' + String(i) : '/api/payments/v2/refunds';
      const method = i % 3 === 1 ? 'GET' : 'POST';
      out.push(`${ngxTime(t)} [error] ${88 + k}#${88 + k}: *${183211 + i * 37 + k} no resolver defined to resolve payments.shop.svc.cluster.local, client: ${client}, server: _, request: "${method} ${path} HTTP/1.1", host: "edge-gateway.shop.svc.cluster.local"`);
      out.push(`${client} - - [${clfTime(t)}] "${method} ${path} HTTP/1.1" 502 157 "-" "checkout-web/8.4.0 node-fetch/3.3.2"`);
      if (i % 4 === 0) out.push(`${client} - - [${clfTime(t - 0.01)}] "GET /api/catalog/v1/products?page=${i} HTTP/1.1" 200 18422 "-" "checkout-web/8.4.0 node-fetch/3.3.2"`);
    }
    void p;
    return lines(...out);
  };
  const reloadLog = lines(`${at(24)} config map updated`, `${at(23.95)} performing webhook request (1/1)`, `${at(23.9)} successfully triggered reload`);
  return {
    id: 'heldout46-nginx-proxy-pass-variable-no-resolver',
    class: 'config',
    truth: 'A kubectl edit of the ConfigMap edge-gateway-conf 24 minutes ago changed the payments location to `set $upstream_host payments.shop.svc.cluster.local; proxy_pass http://$upstream_host;`. With a variable in proxy_pass nginx resolves the name at request time, which needs a `resolver` directive, and there is none, so since the reload every payments request fails with "no resolver defined to resolve payments.shop.svc.cluster.local" and a 502, while nginx reloaded fine, the pods are Ready and the payments pods are healthy. Fix: add `resolver kube-dns.kube-system.svc.cluster.local valid=30s;` (or go back to a literal proxy_pass).',
    ask: { service: 'edge-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...payments.objects, conf,
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'payments', selector: { app: 'payments' }, pods: payments.pods }),
      scaledReplicaSet(deploymentOf(payments), rsOf(payments, 71), 2, 0, 2 * DAYS),
      event({ on: podOf(gw, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(gw, 1).status?.podIP ?? ''}:8080/nginx-health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS, fieldPath: 'spec.containers{nginx}' }),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'nginx', { current: err(p, k) })),
      ...gw.pods.map((p) => logsFor(p, 'config-reloader', { current: reloadLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/no resolver|resolver/i],
      facts: [/edge-gateway-conf/, /502/, /\$upstream_host|proxy_pass|variable/i],
      never: [ADVISES_ROLLBACK, /CoreDNS/i, /payments[^\n]*(down|crash|unhealthy|not ready)/i, /\bOOM/],
    },
  };
}

// ---- 7. healthy control: successful first retries of idempotent upstream calls -------------------

function healthyRetrySucceeded(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.77', ['25', '150', '210']);
  const image = (v: string) => `${ECR}/fulfilment/shipping-quotes:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '1Gi', env: [{ name: 'CARRIER_GATEWAY_URL', value: 'http://carrier-gateway.fulfilment.svc.cluster.local' }, { name: 'RESILIENCE4J_RETRY_INSTANCES_CARRIERRATES_MAXATTEMPTS', value: '3' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-quotes',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 20 * DAYS, changeCause: 'argocd: shipping-quotes 3.11.0', template: tpl('3.11.0') },
      { revision: 34, createdAgo: 4 * DAYS, changeCause: 'argocd: shipping-quotes 3.11.1', template: tpl('3.11.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const carrier = bystander(ns, 'carrier-gateway', names, 6 * DAYS, { revisions: [17, 18], versions: ['1.6.2', '1.6.3'], olderAgo: 40 * DAYS });
  const exc = ['java.net.SocketTimeoutException: Read timed out', 'org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://carrier-gateway.fulfilment.svc.cluster.local/v1/rates": Connection reset', 'org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: "{"error":"upstream carrier DHL busy"}"'];
  const log = (k: number) => {
    const out: string[] = [`${l4j(4 * DAYS - k - 0.5)}  INFO 1 --- [shipping-quotes] [           main] c.a.f.ShippingQuotesApplication          : Started ShippingQuotesApplication in 21.118 seconds (process running for 22.604)`];
    for (let i = 0; i < 30; i++) {
      const t = 59 - i * 2 - k * 0.4;
      const tid = `http-nio-8080-exec-${(i + k * 3) % 40 + 1}`;
      out.push(`${l4j(t)}  INFO 1 --- [shipping-quotes] [${tid}] c.a.f.web.AccessLog                      : POST /v2/quotes 200 ${62 + ((i * 17 + k) % 90)}ms`);
      if (i % 6 === 3) {
        out.push(
          `${l4j(t - 0.01)}  WARN 1 --- [shipping-quotes] [${tid}] c.a.f.carrier.CarrierRatesClient         : Retry 'carrierRates', waiting PT0.2S until attempt '2'. Last attempt failed with exception '${exc[(i + k) % 3] ?? ''}'.`,
          `${l4j(t - 0.012)}  WARN 1 --- [shipping-quotes] [${tid}] c.a.f.carrier.CarrierRatesClient         : Retry 'carrierRates' recorded a successful retry attempt. Number of retry attempts: '1', Last exception was: '${exc[(i + k) % 3] ?? ''}'. (GET /v1/rates idempotent=true, retry succeeded after 1 attempt)`,
        );
      }
      if (i % 10 === 5) out.push(`${l4j(t - 0.03)}  INFO 1 --- [shipping-quotes] [   scheduling-1] c.a.f.metrics.SloReporter                : slo=quotes-availability window=30d good=0.99981 target=0.9990 budget_remaining=81.2% carrier_retries_5m=${2 + (i % 3)} carrier_calls_5m=${4100 + i * 13}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout46-healthy-idempotent-retries-succeeded',
    class: 'healthy',
    truth: 'Nothing is wrong: shipping-quotes retries idempotent GETs to carrier-gateway once when a carrier call times out or gets a 503, and Resilience4j logs a WARN for each retry that then succeeds on its first retry — a few per five minutes out of thousands of calls, with the availability SLO at 99.98% and most of the error budget left. All pods are Ready, with no restarts and no warning events.',
    ask: { service: 'shipping-quotes', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...carrier.objects,
      ...exposed({ namespace: ns, name: 'shipping-quotes', selector: { app: 'shipping-quotes' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: carrier.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 0, 4 * DAYS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 4 * DAYS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?|nothing (is )?wrong/i],
      facts: [/shipping-quotes/],
      never: [/retr(y|ies)[^\n]*(cause|fail(ing|ed|s) (the|every)|problem)/i, /carrier-gateway[^\n]*(down|fail|unhealthy|broken)/i, /SocketTimeout|Read timed out|503/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  flinkCheckpointAccessDenied(),
  blockVolumeInVolumeMounts(),
  mysqlTmpdirFull(),
  corsPreflight405(),
  clamavEgressBlocked(),
  nginxNoResolver(),
  healthyRetrySucceeded(),
];
