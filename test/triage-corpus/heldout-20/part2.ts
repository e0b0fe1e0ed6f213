// Held-out stories, twentieth round, part two: written without reading the analysis code.
//
// ECR pulls failing only on the nodes of a new AMI that lost the kubelet's image credential
// provider, an EFS access point re-created under running pods (stale file handles), a legacy
// service-account token Secret invalidated by the 1.30 cleaner, the Vault agent injector down so
// new pods start without their secrets, a StatefulSet whose name is too long for its revision
// label, a single-replica StatefulSet on spot capacity reclaimed again and again, and a healthy
// control: volumes being expanded online.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, batchContainer, clusterIpOf, container, containerStatus, crashLoop, daemonSetApp, deploymentApp, event,
  every, execProbe, exposed, exited, httpProbe, nameOf, node, nodeEvent, pv, pvc, pyTime, restartedAgain, rsOf, running,
  scheduled, service, statefulSetApp, tcpProbe, waiting, configMap, backOff, pulledFresh, startedNormally, createdPod,
  scaledReplicaSet, replicaSetOf, volumeOf,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, lit, logsFor, podOf } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** klog's header: `E1121 03:10:12.331245`. */
function klog(level: 'I' | 'W' | 'E', minutes: number): string {
  const iso = at(minutes); // 2026-11-21T03:12:41.563Z
  return `${level}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}${String(Math.floor(minutes * 997) % 1000).padStart(3, '0')}`;
}

/** The Deployment object of a built app. */
const deploymentOf = (objects: readonly KubeJson[], name: string): KubeJson => {
  const d = objects.find((o) => o.kind === 'Deployment' && o.metadata?.name === name);
  if (d === undefined) throw new Error(`no Deployment ${name}`);
  return d;
};

/** Applies `fn` to the pod template of every Deployment / ReplicaSet / StatefulSet among `objects`. */
function patchTemplates(objects: readonly KubeJson[], fn: (spec: k8s.V1PodSpec) => void): void {
  for (const o of objects) {
    const t = (o as { spec?: { template?: k8s.V1PodTemplateSpec } }).spec?.template?.spec;
    if (t !== undefined && ['Deployment', 'ReplicaSet', 'StatefulSet'].includes(o.kind ?? '')) fn(t);
  }
}

// ---- 1. ECR pulls fail on the new AMI's nodes: the kubelet's credential provider is missing ----

function ecrCredentialProviderMissing(): CorpusScenario {
  const ns = 'reporting';
  const OLD_AMI = 'ami-0a1b2c3d4e5f60718';
  const NEW_AMI = 'ami-0f1e2d3c4b5a69788';
  const mk = (ip: string, zone: string, fresh: boolean, createdAgo: number, cordoned = false): k8s.V1Node => {
    const n = node({
      name: eksNodeName(ip),
      zone,
      pool: 'general',
      createdAgo,
      readySince: fresh ? createdAgo - 0.8 : 40 * DAYS,
      labels: {
        'eks.amazonaws.com/nodegroup-image': fresh ? NEW_AMI : OLD_AMI,
        'eks.amazonaws.com/sourceLaunchTemplateId': 'lt-07c1e5a9d3b2f4e61',
        'eks.amazonaws.com/sourceLaunchTemplateVersion': fresh ? '15' : '14',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'platform.acme.io/ami-build': fresh ? 'eks-al2023-1.31-hardened-20261119' : 'eks-al2023-1.31-hardened-20261008',
      },
      ...(cordoned ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(9) }] } : {}),
    });
    if (n.status?.nodeInfo) n.status.nodeInfo.osImage = fresh ? 'Amazon Linux 2023.6.20261117' : 'Amazon Linux 2023.6.20241007';
    return n;
  };
  const oldB = mk('10.0.64.52', 'eu-west-1b', false, 44 * DAYS, true);
  const oldC = mk('10.0.96.19', 'eu-west-1c', false, 44 * DAYS);
  const newA = mk('10.0.33.201', 'eu-west-1a', true, 31);
  const newB = mk('10.0.71.88', 'eu-west-1b', true, 25);
  const newC = mk('10.0.102.140', 'eu-west-1c', true, 13);
  const nodes = [oldB, oldC, newA, newB, newC];
  const image = `${ECR}/reports/report-api:3.2.1`;
  const tpl = { containers: [container({ image, ports: [8080], memory: '1Gi', cpu: '500m', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })], serviceAccountName: 'report-api' };
  const pullBackOff = waiting('ImagePullBackOff', `Back-off pulling image "${image}"`);
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: report-api 3.2.0', template: { ...tpl, containers: tpl.containers.map((c) => ({ ...c, image: `${ECR}/reports/report-api:3.2.0` })) } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: report-api 3.2.1', template: tpl },
    ],
    settled: { available: false, availableSince: 21, progressingSince: 9 * DAYS },
    pods: [
      { revision: 12, node: nameOf(oldB), createdAgo: 9 * DAYS },
      { revision: 12, node: nameOf(oldC), createdAgo: 9 * DAYS - 1 },
      { revision: 12, node: nameOf(newA), createdAgo: 27.2, containers: { app: pullBackOff } },
      { revision: 12, node: nameOf(newB), createdAgo: 21.1, containers: { app: pullBackOff } },
    ],
  });
  // report-scheduler pulls from GHCR with an imagePullSecret: it runs on the new nodes.
  const schedImage = (v: string) => `ghcr.io/acme-analytics/report-scheduler:${v}`;
  const sched = deploymentApp({
    namespace: ns,
    name: 'report-scheduler',
    replicas: 2,
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, template: { containers: [container({ image: schedImage('1.7.4'), ports: [9090], memory: '256Mi' })], imagePullSecrets: ['ghcr-pull'] } },
      { revision: 7, createdAgo: 64, changeCause: 'argocd: report-scheduler 1.8.0', template: { containers: [container({ image: schedImage('1.8.0'), ports: [9090], memory: '256Mi' })], imagePullSecrets: ['ghcr-pull'] } },
    ],
    pods: [
      { revision: 7, node: nameOf(oldC), createdAgo: 63 },
      { revision: 7, node: nameOf(newA), createdAgo: 26.8 },
    ],
  });
  const fp = 'spec.containers{app}';
  const denied = `failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`;
  const pullEvents = (p: k8s.V1Pod, since: number, n: number, backoffs: number) => [
    scheduled(p, since),
    event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: n, firstAgo: since - 0.05, lastAgo: 2.4, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: `Failed to pull image "${image}": rpc error: code = Unknown desc = ${denied}`, count: n, firstAgo: since - 0.1, lastAgo: 2.4, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: n, firstAgo: since - 0.1, lastAgo: 2.4, fieldPath: fp }),
    event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: backoffs, firstAgo: since - 0.3, lastAgo: 0.3, fieldPath: fp }),
    event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: backoffs, firstAgo: since - 0.3, lastAgo: 0.3, fieldPath: fp }),
  ];
  const rs = replicaSetOf(app, 12);
  const springLine = (m: number, msg: string) => `${at(m).replace('T', ' ').replace('Z', '')}  INFO 1 --- [report-api] [nio-8080-exec-3] c.a.reports.web.ReportController        : ${msg}`;
  return {
    id: 'heldout20-ecr-credential-provider-missing-new-ami',
    class: 'nodes',
    truth: 'The platform team rolled the general node group to a new hardened AMI (launch template version 15, ami-0f1e2d3c4b5a69788) 30 minutes ago. The AMI build dropped the kubelet image credential provider configuration (ecr-credential-provider and its config under /etc/eks/image-credential-provider), so kubelets on the new nodes pull from ECR anonymously: the two report-api pods recreated on new nodes as the old ones were drained fail with ErrImagePull / ImagePullBackOff (pull access denied … no basic auth credentials), while the same image 3.2.1 keeps running on the two old-AMI nodes; report-scheduler, which pulls from GHCR with an imagePullSecret, runs fine on the new nodes. No revision change. Fix: restore the credential provider config in the AMI (or roll the node group back to launch template version 14) before the last old nodes are drained.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sched.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'report-scheduler', selector: { app: 'report-scheduler' }, pods: sched.pods, endpointPort: 9090 }),
      ...pullEvents(podOf(app, 2), 27.2, 9, 112),
      ...pullEvents(podOf(app, 3), 21.1, 8, 88),
      createdPod(rs, podOf(app, 2), 27.2),
      createdPod(rs, podOf(app, 3), 21.1),
      scaledReplicaSet(deploymentOf(sched.objects, 'report-scheduler'), rsOf(sched, 7), 2, 0, 64),
      ...pulledFresh(podOf(sched, 1), 'app', schedImage('1.8.0'), { atAgo: 26.8, bytes: 88214530, seconds: 3.114 }),
      nodeEvent(nameOf(newA), 'RegisteredNode', `Node ${nameOf(newA)} event: Registered Node ${nameOf(newA)} in Controller`, { firstAgo: 30.9, component: 'node-controller' }),
      nodeEvent(nameOf(newA), 'NodeReady', `Node ${nameOf(newA)} status is now: NodeReady`, { firstAgo: 30.2 }),
      nodeEvent(nameOf(newB), 'RegisteredNode', `Node ${nameOf(newB)} event: Registered Node ${nameOf(newB)} in Controller`, { firstAgo: 24.9, component: 'node-controller' }),
      nodeEvent(nameOf(newB), 'NodeReady', `Node ${nameOf(newB)} status is now: NodeReady`, { firstAgo: 24.2 }),
      nodeEvent(nameOf(newC), 'RegisteredNode', `Node ${nameOf(newC)} event: Registered Node ${nameOf(newC)} in Controller`, { firstAgo: 12.9, component: 'node-controller' }),
      nodeEvent(nameOf(newC), 'NodeReady', `Node ${nameOf(newC)} status is now: NodeReady`, { firstAgo: 12.2 }),
      nodeEvent(nameOf(oldB), 'NodeNotSchedulable', `Node ${nameOf(oldB)} status is now: NodeNotSchedulable`, { firstAgo: 9 }),
      nodeEvent('ip-10-0-40-7.eu-west-1.compute.internal', 'NodeNotSchedulable', 'Node ip-10-0-40-7.eu-west-1.compute.internal status is now: NodeNotSchedulable', { firstAgo: 28 }),
      nodeEvent('ip-10-0-40-7.eu-west-1.compute.internal', 'RemovingNode', 'Node ip-10-0-40-7.eu-west-1.compute.internal event: Removing Node ip-10-0-40-7.eu-west-1.compute.internal from Controller', { firstAgo: 24.5, component: 'node-controller' }),
      nodeEvent('ip-10-0-81-33.eu-west-1.compute.internal', 'NodeNotSchedulable', 'Node ip-10-0-81-33.eu-west-1.compute.internal status is now: NodeNotSchedulable', { firstAgo: 22 }),
      nodeEvent('ip-10-0-81-33.eu-west-1.compute.internal', 'RemovingNode', 'Node ip-10-0-81-33.eu-west-1.compute.internal event: Removing Node ip-10-0-81-33.eu-west-1.compute.internal from Controller', { firstAgo: 18.3, component: 'node-controller' }),
      // Yesterday's noise: a slow readiness during a GC pause.
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * 60, lastAgo: 19 * 60 - 0.2, fieldPath: fp }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: lines(springLine(3.1, 'GET /v2/reports/monthly?tenant=4411 200 184ms'), springLine(0.8, 'GET /v2/reports/daily?tenant=2093 200 61ms')) }),
      logsFor(podOf(app, 1), 'app', { current: lines(springLine(2.2, 'POST /v2/reports/export 202 37ms'), springLine(0.4, 'GET /v2/reports/daily?tenant=118 200 52ms')) }),
      logsFor(podOf(sched, 1), 'app', { current: lines(`{"time":"${at(26.5)}","level":"INFO","msg":"report-scheduler 1.8.0 started","jobs":14}`, `{"time":"${at(5)}","level":"INFO","msg":"enqueued","job":"monthly-rollup","tenant":4411}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/credential|no basic auth|pull access denied|unauthori[sz]ed|auth/i, /AMI|node ?group|new nodes?|launch template/i],
      facts: [lit(image), /no basic auth credentials/i, /ami-0f1e2d3c4b5a69788|sourceLaunchTemplateVersion|launch template|new AMI|nodegroup-image/i, /credential provider|ecr-credential-provider|image-credential-provider|kubelet[^\n]{0,40}credential/i],
      never: [ADVISES_ROLLBACK, /(tag|image)[^\n]{0,40}(not found|does not exist|was deleted)/i, /report-scheduler/, /\bOOM/],
    },
  };
}

// ---- 2. EFS access point re-created under running pods: stale file handles ----------------------

function efsAccessPointRecreated(): CorpusScenario {
  const ns = 'media';
  const nodes = [
    node({ name: eksNodeName('10.0.21.45'), zone: 'eu-west-1a', pool: 'workers' }),
    node({ name: eksNodeName('10.0.58.112'), zone: 'eu-west-1b', pool: 'workers' }),
    node({ name: eksNodeName('10.0.90.7'), zone: 'eu-west-1c', pool: 'workers' }),
  ];
  const names = nodes.map(nameOf);
  const fs = 'fs-0abc12de34f567890';
  const oldAp = 'fsap-07b2c94e1d8a6f3b0';
  const newAp = 'fsap-0d4e9b1c7a2f38e56';
  const image = `${ECR}/media/media-worker:2.14.0`;
  const tpl = {
    containers: [container({ image, ports: [{ name: 'health', containerPort: 8081 }], memory: '2Gi', cpu: '1', command: ['python', '-m', 'media_worker'], env: [{ name: 'MEDIA_ROOT', value: '/data' }, { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/media-ingest' }], readiness: null, liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'media-data' } }],
    serviceAccountName: 'media-worker',
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'media-worker',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, template: { ...tpl, containers: tpl.containers.map((c) => ({ ...c, image: `${ECR}/media/media-worker:2.13.2` })) } },
      { revision: 8, createdAgo: 3 * DAYS, changeCause: 'argocd: media-worker 2.14.0', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const apiImage = (v: string) => `${ECR}/media/media-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, template: { containers: [container({ image: apiImage('5.9.0') })] } },
      { revision: 42, createdAgo: 58, changeCause: 'argocd: media-api 5.9.1', template: { containers: [container({ image: apiImage('5.9.1') })] } },
    ],
    pods: [{ revision: 42, node: names[0] ?? '', createdAgo: 57 }, { revision: 42, node: names[2] ?? '', createdAgo: 56 }],
  });
  const claim = pvc({ namespace: ns, name: 'media-data', storage: '1Ti', storageClass: 'efs-static', phase: 'Bound', volumeName: 'media-efs', accessModes: ['ReadWriteMany'], createdAgo: 410 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'efs.csi.aws.com' } });
  const volume = pv({ name: 'media-efs', storage: '1Ti', claim: { namespace: ns, name: 'media-data' }, storageClass: 'efs-static', static: true, reclaimPolicy: 'Retain', accessModes: ['ReadWriteMany'], createdAgo: 31, csi: { driver: 'efs.csi.aws.com', volumeHandle: `${fs}::${newAp}` } });
  volume.metadata = { ...volume.metadata, labels: { 'app.kubernetes.io/managed-by': 'terraform', 'platform.acme.io/stack': 'media-storage' }, managedFields: [{ manager: 'Terraform', operation: 'Update', apiVersion: 'v1', time: ago(31), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:csi': {}, 'f:claimRef': {} } } }] };
  // The EFS CSI node plugin mounted the old access point for each pod three days ago.
  const csiImage = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-efs-csi-driver:v2.0.7';
  const csi = daemonSetApp({
    namespace: 'kube-system',
    name: 'efs-csi-node',
    selector: { app: 'efs-csi-node' },
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'efs-plugin', image: csiImage, ports: [{ name: 'healthz', containerPort: 9809 }], cpu: '100m', memory: '128Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 10, timeoutSeconds: 3, periodSeconds: 2, failureThreshold: 5 }) })], priorityClassName: 'system-node-critical', serviceAccountName: 'efs-csi-node-sa' } }],
    pods: names.map((n) => ({ revision: 4, node: n, createdAgo: 60 * DAYS })),
  });
  const workers = app.pods;
  const files = ['upload-8f3a2c.mov', 'upload-91d0e7.mp4', 'upload-a4417b.mov', 'upload-b02f5e.mkv', 'upload-c7e913.mp4', 'upload-d55a08.mov'];
  const workerLog = (k: number) => {
    const ok = every(70, 31.5, 240, (t, i) => `${pyTime(t)} INFO media_worker.jobs: job ${(0x3a10 + i * 7 + k).toString(16)} done: transcoded /data/incoming/2026/11/21/${files[(i + k) % files.length] ?? ''} -> /data/renditions/ in ${(38 + ((i * 13 + k) % 20)).toFixed(1)}s\n`);
    const bad = every(30.8, 0.2, 45, (t, i) => {
      const f = `/data/incoming/2026/11/21/${files[(i + k + 2) % files.length] ?? ''}`;
      return `${pyTime(t)} ERROR media_worker.jobs: job ${(0x3b00 + i * 5 + k).toString(16)} failed, message returned to queue\n` +
        'Traceback (most recent call last):\n' +
        '  File "/app/media_worker/jobs.py", line 88, in process\n' +
        '    with open(src, "rb") as fh:\n' +
        '         ^^^^^^^^^^^^^^^^\n' +
        `OSError: [Errno 116] Stale file handle: '${f}'\n` +
        (i % 6 === 0 ? `${pyTime(t - 0.01)} WARNING media_worker.sweeper: cannot list /data/incoming: [Errno 116] Stale file handle: '/data/incoming'\n` : '');
    });
    return ok + bad + `${pyTime(0.1)} INFO media_worker.health: GET /healthz 200\n`;
  };
  const csiLog = (k: number) => {
    const w = podOf(app, k);
    const target = `/var/lib/kubelet/pods/${w.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/media-efs/mount`;
    const m = 3 * DAYS - k - 0.05;
    return lines(
      `${klog('I', m)}       1 node.go:54] NodePublishVolume: called with args volume_id:"${fs}::${oldAp}" target_path:"${target}" volume_capability:<mount:<> access_mode:<mode:MULTI_NODE_MULTI_WRITER > > volume_context:<key:"storage.kubernetes.io/csiProvisionerIdentity" value:"" >`,
      `${klog('I', m - 0.001)}       1 node.go:310] Target path ${target} is not mounted, proceeding to mount`,
      `${klog('I', m - 0.002)}       1 mount_linux.go:218] Mounting cmd (mount) with arguments (-t efs -o accesspoint=${oldAp},tls ${fs}:/ ${target})`,
      `${klog('I', m - 0.02)}       1 node.go:199] NodePublishVolume: ${target} was mounted`,
    );
  };
  return {
    id: 'heldout20-efs-access-point-recreated-stale-handles',
    class: 'storage',
    truth: 'A Terraform apply 31 minutes ago replaced the EFS access point behind media-worker\'s volume (root directory change forced a new access point, fsap-07b2c94e1d8a6f3b0 → fsap-0d4e9b1c7a2f38e56) and re-created the static PersistentVolume media-efs with the new volumeHandle (the claim media-data re-bound to it by name). The three running media-worker pods still hold the kernel NFS mount made through the deleted access point three days ago, so every file operation under /data fails with OSError [Errno 116] Stale file handle since then; their liveness probe is HTTP-only, so they stay Running and Ready while every job fails and is returned to the queue. media-api and the revision history are not involved. Fix: restart the media-worker pods (rollout restart) so the CSI driver remounts through the new access point.',
    ask: { service: 'media-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects, ...csi.objects, claim, volume,
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api.objects, 'media-api'), rsOf(api, 42), 2, 0, 58),
      scaledReplicaSet(deploymentOf(api.objects, 'media-api'), rsOf(api, 41), 0, 2, 56),
      // Yesterday's noise: a slow /healthz during a large transcode.
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(app, 1).status?.podIP ?? ''}:8081/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 17 * 60, lastAgo: 17 * 60, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...workers.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      ...csi.pods.map((p, k) => logsFor(p, 'efs-plugin', { current: csiLog(k) })),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.5)}","level":"info","msg":"GET /v1/assets/8f3a2c","status":200,"dur_ms":9}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/stale file handle|ESTALE|errno 116/i, /EFS|media-efs|access point|fsap|\/data|volume|mount/i],
      facts: [/media-efs|fsap-0d4e9b1c7a2f38e56|access point/i, /\/data\/incoming/, /restart|remount|re-?create the pods|delete the pods/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /media-api/, /no space|disk (is )?full|disk ?pressure|quota/i, /liveness probe[^\n]{0,30}(fail|kill)/i],
    },
  };
}

// ---- 3. A legacy service-account token Secret invalidated by the 1.30 cleaner -------------------

function legacyTokenInvalidated(): CorpusScenario {
  const ns = 'warehouse';
  const nodes = [
    node({ name: eksNodeName('10.0.17.230'), zone: 'eu-west-1a', createdAgo: 18 * DAYS }),
    node({ name: eksNodeName('10.0.49.16'), zone: 'eu-west-1b', createdAgo: 18 * DAYS }),
    node({ name: eksNodeName('10.0.83.94'), zone: 'eu-west-1c', createdAgo: 18 * DAYS }),
  ];
  for (const n of nodes) if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.30.6-eks-7f9249a', kubeProxyVersion: 'v1.30.6-eks-7f9249a' });
  const names = nodes.map(nameOf);
  const token = 'inventory-sync-token-7qv4h';
  const image = `${ECR}/warehouse/inventory-sync:0.9.4`;
  const c = container({ image, ports: [{ name: 'probes', containerPort: 8081 }, { name: 'metrics', containerPort: 8080 }], memory: '128Mi', cpu: '100m', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }), args: ['--leader-elect', '--namespace=warehouse', '--sync-period=5m'] });
  c.volumeMounts = [{ name: 'sa-token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
  const tpl = { containers: [c], volumes: [{ name: 'sa-token', secret: { secretName: token, defaultMode: 420 } }], serviceAccountName: 'inventory-sync' };
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-sync',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 430 * DAYS, changeCause: 'kubectl apply -f deploy/inventory-sync.yaml', template: tpl }],
    createdAgo: 2 * 365 * DAYS,
    pods: [{ revision: 5, node: names[0] ?? '', createdAgo: 34 }, { revision: 5, node: names[2] ?? '', createdAgo: 34 }],
  });
  patchTemplates(app.objects, (s) => { s.automountServiceAccountToken = false; });
  for (const p of app.pods) if (p.spec) { p.spec.automountServiceAccountToken = false; p.spec.volumes = (p.spec.volumes ?? []).filter((v) => v.name !== 'kube-api-access'); }
  const stockImage = (v: string) => `${ECR}/warehouse/stock-api:${v}`;
  const stock = deploymentApp({
    namespace: ns,
    name: 'stock-api',
    replicas: 2,
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, template: { containers: [container({ image: stockImage('7.3.0') })] } },
      { revision: 89, createdAgo: 49, changeCause: 'argocd: stock-api 7.3.1', template: { containers: [container({ image: stockImage('7.3.1') })] } },
    ],
    pods: [{ revision: 89, node: names[1] ?? '', createdAgo: 48 }, { revision: 89, node: names[2] ?? '', createdAgo: 47 }],
  });
  const tracking = configMap({ namespace: 'kube-system', name: 'kube-apiserver-legacy-service-account-token-tracking', createdAgo: 540 * DAYS, data: { since: '2025-05-30' } });
  const dep = deploymentOf(app.objects, 'inventory-sync');
  const rs = replicaSetOf(app, 5);
  const log = (k: number) => {
    const start = 33.6 - k * 0.02;
    const head = lines(
      `${klog('I', start)}       1 main.go:64] inventory-sync v0.9.4 (go1.21.6, client-go v0.29.3) starting`,
      `${klog('I', start - 0.001)}       1 main.go:91] using in-cluster configuration (token file /var/run/secrets/kubernetes.io/serviceaccount/token)`,
      `${klog('I', start - 0.002)}       1 server.go:38] serving probes on :8081, metrics on :8080`,
      `${klog('I', start - 0.003)}       1 leaderelection.go:250] attempting to acquire leader lease warehouse/inventory-sync-leader...`,
    );
    const loop = every(start - 0.01, 0.1, 37, (t) =>
      `${klog('W', t)}       1 reflector.go:539] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: failed to list *v1.ConfigMap: Unauthorized\n` +
      `${klog('E', t)}       1 reflector.go:147] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.ConfigMap: failed to list *v1.ConfigMap: Unauthorized\n` +
      `${klog('E', t - 0.03)}       1 leaderelection.go:332] error retrieving resource lock warehouse/inventory-sync-leader: Unauthorized\n`);
    return head + loop;
  };
  return {
    id: 'heldout20-legacy-service-account-token-invalidated',
    class: 'config',
    truth: 'inventory-sync, a two-year-old controller, authenticates to the API server with a long-lived legacy service-account token Secret (inventory-sync-token-7qv4h) mounted as a volume at /var/run/secrets/kubernetes.io/serviceaccount, with automountServiceAccountToken false. The Deployment sat at zero replicas for over a year, so the token went unused; after the cluster upgrade to 1.30 (18 days ago) the LegacyServiceAccountTokenCleaner labelled it kubernetes.io/legacy-token-invalid-since. Scaled back to 2 replicas 34 minutes ago for the stocktake, both pods run and pass their probes but every API call is rejected with 401 Unauthorized (failed to list *v1.ConfigMap: Unauthorized; the leader lease cannot be read), so nothing syncs. Not an RBAC problem (that would be 403 Forbidden). Fix: drop the Secret volume and let the pod use the projected, bound service-account token (automountServiceAccountToken true), or re-create a token only as a stopgap.',
    ask: { service: 'inventory-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...stock.objects, tracking,
      ...exposed({ namespace: ns, name: 'stock-api', selector: { app: 'stock-api' }, pods: stock.pods }),
      scaledReplicaSet(dep, rsOf(app, 5), 2, 0, 34.2),
      ...app.pods.flatMap((p) => [createdPod(rs, p, 34.1), ...startedNormally(p, 'app', image, 34)]),
      scaledReplicaSet(deploymentOf(stock.objects, 'stock-api'), rsOf(stock, 89), 2, 0, 49),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...stock.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(2)}","level":"info","msg":"GET /v1/stock/sku-88120","status":200,"ms":4}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unauthori[sz]ed|\b401\b/i, /token|credential/i],
      facts: [/inventory-sync-token-7qv4h|legacy|long-lived|token secret/i, /projected|automount|bound (service ?account )?token|TokenRequest/i, /Unauthorized/],
      never: [ADVISES_ROLLBACK, /forbidden|\b403\b|missing (RBAC|permissions?|role)/i, /stock-api/, /\bOOM|crash ?loop/i],
    },
  };
}

// ---- 4. The Vault agent injector is down: new pods start without their secrets -----------------

function vaultInjectorDown(): CorpusScenario {
  const ns = 'billing';
  const nodes = [
    node({ name: eksNodeName('10.0.12.66'), zone: 'eu-west-1a' }),
    node({ name: eksNodeName('10.0.44.201'), zone: 'eu-west-1b', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(31) }] }),
    node({ name: eksNodeName('10.0.77.38'), zone: 'eu-west-1c' }),
    node({ name: eksNodeName('10.0.109.5'), zone: 'eu-west-1a', createdAgo: 29 }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/billing/billing-api:4.8.2`;
  const annotations = {
    'vault.hashicorp.com/agent-inject': 'true',
    'vault.hashicorp.com/role': 'billing-api',
    'vault.hashicorp.com/agent-inject-secret-config.env': 'kv/data/billing/api',
    'vault.hashicorp.com/agent-inject-template-config.env': '{{- with secret "kv/data/billing/api" -}}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\n{{ end }}{{- end }}',
    'vault.hashicorp.com/agent-pre-populate-only': 'false',
  };
  const app0 = container({ image, command: ['/app/billing-api'], args: ['--env-file=/vault/secrets/config.env'], ports: [8080], memory: '512Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }) });
  const tpl = { containers: [app0], annotations, serviceAccountName: 'billing-api' };
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 19 * DAYS, changeCause: 'argocd: billing-api 4.8.1', template: { ...tpl, containers: [{ ...app0, image: `${ECR}/billing/billing-api:4.8.1` }] } },
      { revision: 23, createdAgo: 6 * DAYS, changeCause: 'argocd: billing-api 4.8.2', template: tpl },
    ],
    settled: { available: false, availableSince: 29, progressingSince: 6 * DAYS },
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 23, node: names[2] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 23, node: names[0] ?? '', createdAgo: 30.4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 0.2 }, 10) } },
      { revision: 23, node: names[3] ?? '', createdAgo: 30.3, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 0.2 }, 10) } },
    ],
  });
  // What the injector's webhook added to the pods admitted while it was up.
  const agentImage = 'hashicorp/vault:1.17.2';
  const agentEnv = [{ name: 'NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } }, { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } }, { name: 'VAULT_CONFIG', value: 'eyJhdXRvX2F1dGgiOnsibWV0aG9kIjp7InR5cGUiOiJrdWJlcm5ldGVzIiwibW91bnRfcGF0aCI6ImF1dGgva3ViZXJuZXRlcyIsImNvbmZpZyI6eyJyb2xlIjoiYmlsbGluZy1hcGkifX19fQ==' }];
  const vaultMounts = [{ name: 'home-init', mountPath: '/home/vault' }, { name: 'vault-secrets', mountPath: '/vault/secrets' }];
  const agentInit = batchContainer({ name: 'vault-agent-init', image: agentImage, command: ['/bin/sh', '-ec'], args: ['echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json'], env: agentEnv, cpu: '250m', memory: '64Mi', memoryLimit: '128Mi', volumeMounts: vaultMounts });
  const agent = batchContainer({ name: 'vault-agent', image: agentImage, command: ['/bin/sh', '-ec'], args: ['echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json'], env: agentEnv, cpu: '250m', memory: '64Mi', memoryLimit: '128Mi', volumeMounts: [{ name: 'home-sidecar', mountPath: '/home/vault' }, { name: 'vault-secrets', mountPath: '/vault/secrets' }] });
  for (const p of app.pods.slice(0, 2)) {
    const appInjected = { ...app0, volumeMounts: [...(app0.volumeMounts ?? []), { name: 'vault-secrets', mountPath: '/vault/secrets' }] };
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'vault.hashicorp.com/agent-inject-status': 'injected' } };
    if (p.spec) p.spec = { ...p.spec, initContainers: [agentInit], containers: [appInjected, agent], volumes: [...(p.spec.volumes ?? []), { name: 'home-init', emptyDir: { medium: 'Memory' } }, { name: 'home-sidecar', emptyDir: { medium: 'Memory' } }, { name: 'vault-secrets', emptyDir: { medium: 'Memory' } }] };
    const seed = `${ns}/${nameOf(p)}`;
    if (p.status) {
      p.status.initContainerStatuses = [containerStatus(agentInit, { state: exited({ exitCode: 0, reason: 'Completed', finishedAgo: 6 * DAYS - 0.2, ranSeconds: 2 }, 'init'), ready: true, restartCount: 0, started: false }, seed)];
      p.status.containerStatuses = [...(p.status.containerStatuses ?? []), containerStatus(agent, running({ sinceAgo: 6 * DAYS - 0.2 }), seed)];
    }
  }
  const fresh = [podOf(app, 2), podOf(app, 3)];
  // The injector, in namespace vault: crash-looping since its TLS Secret was emptied.
  const injImage = 'hashicorp/vault-k8s:1.4.2';
  const inj = deploymentApp({
    namespace: 'vault',
    name: 'vault-agent-injector',
    replicas: 2,
    selector: { 'app.kubernetes.io/name': 'vault-agent-injector', 'app.kubernetes.io/instance': 'vault', component: 'webhook' },
    revisions: [{ revision: 9, createdAgo: 47 * DAYS, changeCause: 'helm upgrade vault hashicorp/vault --version 0.28.1', template: {
      containers: [container({ name: 'sidecar-injector', image: injImage, args: ['agent-inject', '2>&1'], ports: [{ name: 'https', containerPort: 8080 }], cpu: '50m', memory: '64Mi', memoryLimit: '256Mi',
        env: [{ name: 'AGENT_INJECT_LISTEN', value: ':8080' }, { name: 'AGENT_INJECT_VAULT_ADDR', value: 'https://vault.vault.svc:8200' }, { name: 'AGENT_INJECT_VAULT_IMAGE', value: agentImage }, { name: 'AGENT_INJECT_TLS_CERT_FILE', value: '/etc/webhook/certs/tls.crt' }, { name: 'AGENT_INJECT_TLS_KEY_FILE', value: '/etc/webhook/certs/tls.key' }, { name: 'AGENT_INJECT_LOG_LEVEL', value: 'info' }],
        readiness: { httpGet: { path: '/health/ready', port: 8080, scheme: 'HTTPS' }, periodSeconds: 2, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 2, initialDelaySeconds: 5 },
        liveness: { httpGet: { path: '/health/ready', port: 8080, scheme: 'HTTPS' }, periodSeconds: 2, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 2, initialDelaySeconds: 5 },
        volumeMounts: [{ name: 'webhook-certs', mountPath: '/etc/webhook/certs', readOnly: true }] })],
      volumes: [{ name: 'webhook-certs', secret: { secretName: 'injector-tls', defaultMode: 420 } }],
      serviceAccountName: 'vault-agent-injector',
    } }],
    settled: { available: false, availableSince: 40, progressingSince: 47 * DAYS },
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { 'sidecar-injector': crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 0.1 }, 13) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 12 * DAYS, containers: { 'sidecar-injector': crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 0.1 }, 13) } },
    ],
  });
  const injLog = (m: number) => lines(
      '==> Vault Agent Injector running:',
      '             Listening on: :8080',
      '            Vault address: https://vault.vault.svc:8200',
      `${at(m)} [INFO]  handler: Starting handler..`,
      `${at(m)} [ERROR] handler: failed to load TLS keypair from /etc/webhook/certs/tls.crt and /etc/webhook/certs/tls.key: error="tls: failed to find any PEM data in certificate input"`,
      'Error: failed to load TLS keypair: tls: failed to find any PEM data in certificate input',
    );
  const ledgerImage = (v: string) => `${ECR}/billing/billing-ledger:${v}`;
  const ledger = deploymentApp({
    namespace: ns,
    name: 'billing-ledger',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, template: { containers: [container({ image: ledgerImage('2.2.0') })] } },
      { revision: 15, createdAgo: 72, changeCause: 'argocd: billing-ledger 2.2.1', template: { containers: [container({ image: ledgerImage('2.2.1') })] } },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 71 }, { revision: 15, node: names[3] ?? '', createdAgo: 28 }],
  });
  const drained = names[1] ?? '';
  const rs = replicaSetOf(app, 23);
  const crashLog = (m: number) => lines(
    `{"level":"info","ts":"${at(m)}","caller":"cmd/main.go:41","msg":"billing-api starting","version":"4.8.2","commit":"9c1e07a"}`,
    `{"level":"fatal","ts":"${at(m - 0.002)}","caller":"cmd/main.go:58","msg":"cannot load configuration","error":"open /vault/secrets/config.env: no such file or directory"}`,
  );
  return {
    id: 'heldout20-vault-injector-down-pods-without-secrets',
    class: 'config',
    truth: 'The vault-agent-injector (namespace vault) crash-loops since 40 minutes ago: an Argo CD sync overwrote its TLS Secret injector-tls with an empty placeholder, its certificate watcher failed (tls: failed to find any PEM data in certificate input) and every restart exits 1 for the same reason. Its MutatingWebhookConfiguration has failurePolicy Ignore, so pods admitted since then are created without the vault-agent-init init container and vault-agent sidecar. A node drain 30 minutes ago recreated two billing-api pods (revision 23, unchanged for 6 days): they have no injection (no agent-inject-status annotation, no /vault/secrets volume) and exit 1 on open /vault/secrets/config.env: no such file or directory → CrashLoopBackOff, while the two older, injected pods keep serving. Not the revision, not the drain itself. Fix: restore the injector\'s certificate so it runs again, then delete the uninjected billing-api pods so they are re-admitted with the agent.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...inj.objects, ...ledger.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-ledger', selector: { app: 'billing-ledger' }, pods: ledger.pods }),
      ...exposed({ namespace: 'vault', name: 'vault-agent-injector-svc', selector: { 'app.kubernetes.io/name': 'vault-agent-injector', 'app.kubernetes.io/instance': 'vault', component: 'webhook' }, ports: [{ name: 'https', port: 443, targetPort: 8080 }], pods: inj.pods }),
      nodeEvent(drained, 'NodeNotSchedulable', `Node ${drained} status is now: NodeNotSchedulable`, { firstAgo: 31 }),
      nodeEvent(names[3] ?? '', 'NodeReady', `Node ${names[3] ?? ''} status is now: NodeReady`, { firstAgo: 28.4 }),
      ...fresh.flatMap((p, k) => [
        createdPod(rs, p, 30.4 - k * 0.1),
        scheduled(p, 30.4 - k * 0.1),
        ...restartedAgain(p, 'app', image, { count: 11, firstAgo: 30.2 - k * 0.1, lastAgo: k === 0 ? 1.9 : 3.1 }),
        backOff(p, 'app', { count: 138 - k * 3, firstAgo: 30 - k * 0.1 }),
      ]),
      ...inj.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'sidecar-injector', injImage, { count: 13, firstAgo: 40.1, lastAgo: k === 0 ? 2.7 : 1 }),
        backOff(p, 'sidecar-injector', { count: 181 - k * 2, firstAgo: 39.9 }),
        event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "https://${p.status?.podIP ?? ''}:8080/health/ready": dial tcp ${p.status?.podIP ?? ''}:8080: connect: connection refused`, count: 9, firstAgo: 40.2, lastAgo: 5, fieldPath: 'spec.containers{sidecar-injector}' }),
      ]),
      scaledReplicaSet(deploymentOf(ledger.objects, 'billing-ledger'), rsOf(ledger, 15), 2, 0, 72),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'app', { current: crashLog(k === 0 ? 1.9 : 3.1), previous: crashLog(k === 0 ? 7.1 : 8.3) })),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1.1)}","caller":"http/log.go:22","msg":"POST /v1/invoices","status":201,"ms":31}`, `{"level":"info","ts":"${at(0.3)}","caller":"http/log.go:22","msg":"GET /v1/invoices/INV-20261121-0412","status":200,"ms":7}`) })),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'vault-agent', { current: lines(`${at(9)} [INFO]  agent: (runner) rendered "(dynamic)" => "/vault/secrets/config.env"`, `${at(8.9)} [INFO]  agent.auth.handler: renewed auth token`) })),
      ...inj.pods.map((p, k) => logsFor(p, 'sidecar-injector', { current: injLog(k === 0 ? 2.6 : 0.9), previous: injLog(k === 0 ? 7.8 : 6.1) })),
      logsFor(podOf(ledger, 0), 'app', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"ledger batch committed","entries":212}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vault/i, /inject/i],
      facts: [/vault-agent-injector/, /config\.env|\/vault\/secrets/, /PEM|tls\.crt|TLS|certificate/i, /delete|re-?create|restart/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /billing-ledger/, /drain[^\n]{0,40}(root cause|caused|broke)/i],
    },
  };
}

// ---- 5. A StatefulSet whose name is too long for its controller-revision-hash label ------------

function statefulSetNameTooLong(): CorpusScenario {
  const ns = 'notifications';
  const nodes = [
    node({ name: eksNodeName('10.0.30.11'), zone: 'eu-west-1a' }),
    node({ name: eksNodeName('10.0.62.140'), zone: 'eu-west-1b' }),
    node({ name: eksNodeName('10.0.99.73'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const name = 'customer-notification-preferences-replicator-eu-west-1';
  const image = `${ECR}/notifications/preferences-replicator:1.0.0`;
  const sts = statefulSetApp({
    namespace: ns,
    name,
    replicas: 3,
    serviceName: name,
    createdAgo: 10.2,
    revisions: [{ revision: 1, createdAgo: 10.2, template: { containers: [container({ image, ports: [{ name: 'grpc', containerPort: 9000 }, { name: 'http', containerPort: 8080 }], memory: '768Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'journal', mountPath: '/var/lib/replicator' }] })], serviceAccountName: 'preferences-replicator' } }],
    volumeClaimTemplates: [{ name: 'journal', storage: '10Gi', storageClass: 'gp3' }],
    pods: [],
  });
  const hashLabel = nameOf(sts.objects.find((o) => o.kind === 'ControllerRevision'));
  const dispImage = (v: string) => `${ECR}/notifications/notification-dispatcher:${v}`;
  const disp = deploymentApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 8 * DAYS, template: { containers: [container({ image: dispImage('3.11.0') })] } },
      { revision: 58, createdAgo: 63, changeCause: 'argocd: notification-dispatcher 3.11.1', template: { containers: [container({ image: dispImage('3.11.1') })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 62 - k })),
  });
  const prefs = deploymentApp({
    namespace: ns,
    name: 'preferences-api',
    replicas: 2,
    revisions: [{ revision: 19, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/notifications/preferences-api:2.4.7` })] } }],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 15 * DAYS }, { revision: 19, node: names[1] ?? '', createdAgo: 15 * DAYS }],
  });
  const stsObj = sts.objects.find((o) => o.kind === 'StatefulSet');
  const pod0 = `${name}-0`;
  return {
    id: 'heldout20-statefulset-name-too-long-for-revision-label',
    class: 'config',
    truth: `The new StatefulSet ${name} (54 characters, first installed 10 minutes ago, revision 1) never creates a pod: the StatefulSet controller labels each pod controller-revision-hash=<name>-<hash>, here "${hashLabel}" (65 characters), and label values are limited to 63, so every create of ${pod0} is rejected (FailedCreate: metadata.labels: Invalid value … must be no more than 63 characters). Nothing is scheduled, pulled or run; quota, nodes and image are not involved. Fix: give the StatefulSet a name of at most 52 characters (e.g. preferences-replicator-euw1) and re-create it.`,
    ask: { service: name, namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...disp.objects, ...prefs.objects,
      service({ namespace: ns, name, selector: { app: name }, headless: true, createdAgo: 10.2, ports: [{ name: 'grpc', port: 9000, targetPort: 'grpc' }] }),
      ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: disp.pods }),
      ...exposed({ namespace: ns, name: 'preferences-api', selector: { app: 'preferences-api' }, pods: prefs.pods }),
      configMap({ namespace: ns, name: `${name}-config`, createdAgo: 10.3, data: { 'replicator.yaml': 'source:\n  topic: customer.preferences.v2\ntarget:\n  region: eu-west-1\n  table: customer_notification_preferences\n' } }),
      ...(stsObj === undefined ? [] : [
        event({ on: stsObj, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim journal-${pod0} Pod ${pod0} in StatefulSet ${name} success`, firstAgo: 10.1, lastAgo: 10.1, component: 'statefulset-controller' }),
        event({ on: stsObj, reason: 'FailedCreate', message: `create Pod ${pod0} in StatefulSet ${name} failed error: Pod "${pod0}" is invalid: metadata.labels: Invalid value: "${hashLabel}": must be no more than 63 characters`, count: 19, firstAgo: 10.1, lastAgo: 0.4, component: 'statefulset-controller' }),
      ]),
      pvc({ namespace: ns, name: `journal-${pod0}`, storage: '10Gi', phase: 'Pending', createdAgo: 10.1, labels: { app: name }, annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' } }),
      event({ on: { kind: 'PersistentVolumeClaim', name: `journal-${pod0}`, namespace: ns }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 42, firstAgo: 10.1, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      scaledReplicaSet(deploymentOf(disp.objects, 'notification-dispatcher'), rsOf(disp, 58), 3, 0, 63),
      // Yesterday's noise on the dispatcher.
      event({ on: podOf(disp, 0), reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(podOf(disp, 0))}_${ns}(${podOf(disp, 0).metadata?.uid ?? ''})`, count: 3, firstAgo: 20 * 60, lastAgo: 20 * 60 - 2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...disp.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(1)}","level":"info","msg":"dispatched","channel":"email","count":118}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b63\b|too long|length|exceeds/i, /label|name/i],
      facts: [/controller-revision-hash|metadata\.labels/i, /FailedCreate|is invalid|Invalid value/i, /shorter|rename|52|at most/i],
      never: [ADVISES_ROLLBACK, /exceeded quota|insufficient (cpu|memory)/i, /ImagePull|pull(ing)? the image/i, /notification-dispatcher/],
    },
  };
}

// ---- 6. Spot interruptions take a single-replica StatefulSet down again and again ---------------

/** redis-server's log time: `21 Nov 2026 03:11:19.512`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

function spotInterruptionsSingleReplica(): CorpusScenario {
  const ns = 'pricing';
  const karpenterNode = (ip: string, zone: string, o: { spot: boolean; createdAgo: number; readySince?: number; instanceType: string }): k8s.V1Node => {
    const pool = o.spot ? 'spot-general' : 'on-demand';
    const n = node({
      name: eksNodeName(ip), zone, instanceType: o.instanceType, createdAgo: o.createdAgo, readySince: o.readySince ?? o.createdAgo - 0.7,
      labels: { 'karpenter.sh/capacity-type': o.spot ? 'spot' : 'on-demand', 'karpenter.sh/nodepool': pool, 'karpenter.sh/registered': 'true', 'karpenter.sh/initialized': 'true', 'karpenter.k8s.aws/instance-family': o.instanceType.split('.')[0] ?? '', 'karpenter.k8s.aws/ec2nodeclass': 'default' },
    });
    if (n.metadata?.labels) delete n.metadata.labels['eks.amazonaws.com/nodegroup'];
    return n;
  };
  const odA = karpenterNode('10.0.14.90', 'eu-west-1a', { spot: false, createdAgo: 12 * DAYS, instanceType: 'm6i.xlarge' });
  const odB = karpenterNode('10.0.52.17', 'eu-west-1b', { spot: false, createdAgo: 12 * DAYS, instanceType: 'm6i.xlarge' });
  const spotA = karpenterNode('10.0.25.133', 'eu-west-1a', { spot: true, createdAgo: 3 * DAYS, instanceType: 'm6a.large' });
  const spotNow = karpenterNode('10.0.77.164', 'eu-west-1b', { spot: true, createdAgo: 4.6, readySince: 3.9, instanceType: 'm5.large' });
  const nodes = [odA, odB, spotA, spotNow];
  const gone = [
    { node: eksNodeName('10.0.70.23'), claim: 'spot-general-9qfzt', at: 103.4 },
    { node: eksNodeName('10.0.88.201'), claim: 'spot-general-x2lbd', at: 47.3 },
    { node: eksNodeName('10.0.65.9'), claim: 'spot-general-4hnmw', at: 6.6 },
  ];
  const nowClaim = 'spot-general-7xk2m';
  const image = `${ECR}/mirror/redis:7.2.5`;
  const redis = (selector?: Record<string, string>) => ({
    containers: [container({ name: 'redis', image, command: ['redis-server', '/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '4Gi', readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe(6379, { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }] })],
    volumes: [{ name: 'config', configMap: { name: 'quote-cache-config' } }],
    ...(selector === undefined ? {} : { nodeSelector: selector }),
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'quote-cache',
    replicas: 1,
    serviceName: 'quote-cache-headless',
    createdAgo: 200 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 80 * DAYS, template: redis() },
      { revision: 4, createdAgo: 21 * DAYS, template: redis({ 'karpenter.sh/capacity-type': 'spot' }) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: nameOf(spotNow), createdAgo: 6.2, containers: { redis: running({ sinceAgo: 2.7 }) } }],
  });
  const cache = podOf(sts, 0);
  const claimName = 'data-quote-cache-0';
  const volName = volumeOf(ns, claimName);
  const claim = pvc({ namespace: ns, name: claimName, storage: '20Gi', phase: 'Bound', volumeName: volName, createdAgo: 200 * DAYS, labels: { app: 'quote-cache' } });
  const volume = pv({ name: volName, storage: '20Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: claimName }, createdAgo: 200 * DAYS });
  const apiImage = (v: string) => `${ECR}/pricing/pricing-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    revisions: [
      { revision: 70, createdAgo: 5 * DAYS, template: { containers: [container({ image: apiImage('9.4.0'), env: [{ name: 'QUOTE_CACHE_ADDR', value: 'quote-cache:6379' }] })] } },
      { revision: 71, createdAgo: 88, changeCause: 'argocd: pricing-api 9.4.1', template: { containers: [container({ image: apiImage('9.4.1'), env: [{ name: 'QUOTE_CACHE_ADDR', value: 'quote-cache:6379' }] })] } },
    ],
    pods: [
      { revision: 71, node: nameOf(odA), createdAgo: 87 },
      { revision: 71, node: nameOf(odB), createdAgo: 86 },
      { revision: 71, node: nameOf(spotA), createdAgo: 85 },
    ],
  });
  const svc = exposed({ namespace: ns, name: 'quote-cache', selector: { app: 'quote-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: sts.pods, endpointPort: 6379 });
  const cacheIp = clusterIpOf(svc, 'quote-cache');
  const windows = [[103.3, 99.2], [47.2, 43.1], [6.55, 2.5]] as const;
  const down = (t: number) => windows.some(([a, b]) => t <= a && t >= b);
  const apiLog = (k: number) => every(118, 0.1, 20, (t, i) => down(t)
    ? `{"time":"${at(t)}","level":"ERROR","msg":"quote cache get failed, computing quote","key":"q:${(0xa000 + i * 31 + k).toString(16)}","err":"dial tcp ${cacheIp}:6379: connect: connection refused"}\n`
    : i % 6 === k ? `{"time":"${at(t)}","level":"INFO","msg":"POST /v2/quotes","status":200,"dur_ms":${12 + ((i * 7) % 9)},"cache":"hit"}\n` : '');
  const karpLog = (): string => {
    const j = (t: number, rest: string) => `{"level":"INFO","time":"${at(t)}","logger":"controller",${rest},"commit":"6e9d95f"}`;
    const out: string[] = [];
    const claims = [...gone.map((g) => g.claim).slice(1), nowClaim];
    const newNodes = [gone[1]?.node ?? '', gone[2]?.node ?? '', nameOf(spotNow)];
    gone.forEach((g, k) => {
      out.push(
        j(g.at, `"message":"initiating delete from interruption message","controller":"interruption","queue":"prod-eu-west-1-karpenter","messageKind":"spot_interrupted","NodeClaim":{"name":"${g.claim}"},"action":"CordonAndDrain","Node":{"name":"${g.node}"}`),
        j(g.at - 0.02, `"message":"tainted node","controller":"node.termination","Node":{"name":"${g.node}"},"taint.Key":"karpenter.sh/disrupted","taint.Value":"","taint.Effect":"NoSchedule"`),
        j(g.at - 0.35, `"message":"found provisionable pod(s)","controller":"provisioner","Pods":"${ns}/quote-cache-0","duration":"38.114ms"`),
        j(g.at - 0.36, `"message":"computed new nodeclaim(s) to fit pod(s)","controller":"provisioner","nodeclaims":1,"pods":1`),
        j(g.at - 0.37, `"message":"created nodeclaim","controller":"provisioner","NodePool":{"name":"spot-general"},"NodeClaim":{"name":"${claims[k] ?? ''}"},"requests":{"cpu":"1150m","memory":"4352Mi","pods":"5"},"instance-types":"c5.xlarge, m5.large, m5a.large, m6a.large, m6i.large and 14 other(s)"`),
        j(g.at - 0.9, `"message":"launched nodeclaim","controller":"nodeclaim.lifecycle","NodeClaim":{"name":"${claims[k] ?? ''}"},"provider-id":"aws:///eu-west-1b/i-0${(0x4c1f9 + k * 977).toString(16)}e2b7d0a91","instance-type":"${['m6a.large', 'm5a.large', 'm5.large'][k] ?? ''}","zone":"eu-west-1b","capacity-type":"spot"`),
        j(g.at - 1.8, `"message":"deleted node","controller":"node.termination","Node":{"name":"${g.node}"}`),
        j(g.at - 2.4, `"message":"registered nodeclaim","controller":"nodeclaim.lifecycle","NodeClaim":{"name":"${claims[k] ?? ''}"},"Node":{"name":"${newNodes[k] ?? ''}"}`),
        j(g.at - 2.7, `"message":"initialized nodeclaim","controller":"nodeclaim.lifecycle","NodeClaim":{"name":"${claims[k] ?? ''}"},"Node":{"name":"${newNodes[k] ?? ''}"},"allocatable":{"cpu":"1930m","ephemeral-storage":"17Gi","memory":"6903Mi","pods":"29"}`),
      );
    });
    return out.join('\n') + '\n';
  };
  const karp = deploymentApp({
    namespace: 'kube-system',
    name: 'karpenter',
    replicas: 2,
    selector: { 'app.kubernetes.io/name': 'karpenter', 'app.kubernetes.io/instance': 'karpenter' },
    revisions: [{ revision: 12, createdAgo: 34 * DAYS, changeCause: 'helm upgrade karpenter oci://public.ecr.aws/karpenter/karpenter --version 1.0.8', template: { containers: [container({ name: 'controller', image: 'public.ecr.aws/karpenter/controller:1.0.8', ports: [{ name: 'http-metrics', containerPort: 8080 }, { name: 'http', containerPort: 8081 }], cpu: '1', memory: '1Gi', readiness: httpProbe('/readyz', 'http'), liveness: httpProbe('/healthz', 'http', { initialDelaySeconds: 30 }) })], nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' }, priorityClassName: 'system-cluster-critical', serviceAccountName: 'karpenter' } }],
    pods: [{ revision: 12, node: nameOf(odA), createdAgo: 12 * DAYS }, { revision: 12, node: nameOf(odB), createdAgo: 12 * DAYS }],
  });
  const cacheRef = { kind: 'Pod', name: 'quote-cache-0', namespace: ns };
  const incarnation = (g: { node: string; at: number }, nextNode: string) => [
    event({ on: cacheRef, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: g.at - 0.05, lastAgo: g.at - 0.05, fieldPath: 'spec.containers{redis}' }),
    event({ on: cacheRef, reason: 'FailedScheduling', message: '0/4 nodes are available: 1 node(s) had untolerated taint {karpenter.sh/disrupted: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.', count: 4, firstAgo: g.at - 0.38, lastAgo: g.at - 1.5, component: 'default-scheduler' }),
    event({ on: cacheRef, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/quote-cache-0 to ${nextNode}`, firstAgo: g.at - 2.8, lastAgo: g.at - 2.8, component: 'default-scheduler' }),
    event({ on: cacheRef, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volName}" `, firstAgo: g.at - 3.5, lastAgo: g.at - 3.5, component: 'attachdetach-controller' }),
  ];
  return {
    id: 'heldout20-spot-interruptions-single-replica-statefulset',
    class: 'nodes',
    truth: 'quote-cache is a single-replica Redis StatefulSet that a cost-saving change (revision 4, 21 days ago) pinned to spot capacity (nodeSelector karpenter.sh/capacity-type: spot); its EBS volume keeps it in eu-west-1b. In the last two hours AWS reclaimed its spot node three times (103, 47 and 7 minutes ago): each time Karpenter received the spot interruption warning, cordoned and drained the node, quote-cache-0 was deleted and could only run again once a new spot node had launched in eu-west-1b and the volume had re-attached — about four minutes without any quote-cache endpoint, during which pricing-api got connection refused and fell back to the slow path. The pod is fine now (age 6 minutes, on its third node); pricing-api\'s rollout 88 minutes ago is unrelated. Fix: run quote-cache on on-demand capacity (or 2+ replicas with a PodDisruptionBudget and a replica in another zone).',
    ask: { service: 'quote-cache', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...api.objects, ...karp.objects, claim, volume, ...svc,
      service({ namespace: ns, name: 'quote-cache-headless', selector: { app: 'quote-cache' }, headless: true, createdAgo: 200 * DAYS, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] }),
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: api.pods }),
      configMap({ namespace: ns, name: 'quote-cache-config', createdAgo: 200 * DAYS, data: { 'redis.conf': 'maxmemory 3gb\nmaxmemory-policy allkeys-lru\nsave 300 100\nappendonly no\ndir /data\n' } }),
      // The events still kept (one hour): the last two interruptions.
      ...gone.slice(1).flatMap((g) => [
        nodeEvent(g.node, 'SpotInterrupted', 'Spot interruption warning was triggered', { type: 'Warning', firstAgo: g.at, component: 'karpenter' }),
        nodeEvent(g.node, 'TerminatingOnInterruption', 'Interruption triggered termination for the Node', { type: 'Warning', firstAgo: g.at - 0.01, component: 'karpenter' }),
        nodeEvent(g.node, 'NodeNotSchedulable', `Node ${g.node} status is now: NodeNotSchedulable`, { firstAgo: g.at - 0.02 }),
        nodeEvent(g.node, 'RemovingNode', `Node ${g.node} event: Removing Node ${g.node} from Controller`, { firstAgo: g.at - 2, component: 'node-controller' }),
        event({ on: { kind: 'NodeClaim', name: g.claim }, reason: 'SpotInterrupted', message: 'Spot interruption warning was triggered', firstAgo: g.at, lastAgo: g.at, component: 'karpenter' }),
      ]),
      event({ on: { kind: 'Pod', name: 'quote-cache-0', namespace: ns }, type: 'Normal', reason: 'Nominated', message: `Pod should schedule on: nodeclaim/${gone[2]?.claim ?? ''}`, firstAgo: 46.9, lastAgo: 46.9, component: 'karpenter' }),
      ...incarnation(gone[1] ?? { node: '', at: 47.3 }, gone[2]?.node ?? ''),
      event({ on: cache, reason: 'FailedScheduling', message: '0/4 nodes are available: 1 node(s) had untolerated taint {karpenter.sh/disrupted: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.', count: 3, firstAgo: 6.2, lastAgo: 4.5, component: 'default-scheduler' }),
      event({ on: cache, type: 'Normal', reason: 'Nominated', message: `Pod should schedule on: nodeclaim/${nowClaim}`, firstAgo: 6.15, lastAgo: 6.15, component: 'karpenter' }),
      event({ on: cacheRef, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 6.55, lastAgo: 6.55, fieldPath: 'spec.containers{redis}' }),
      scheduled(cache, 3.8),
      event({ on: cache, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volName}" `, firstAgo: 3.1, lastAgo: 3.1, component: 'attachdetach-controller' }),
      event({ on: cache, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 3.0, lastAgo: 3.0, fieldPath: 'spec.containers{redis}' }),
      event({ on: cache, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 4.211s (4.211s including waiting). Image size: 40984512 bytes.`, firstAgo: 2.8, lastAgo: 2.8, fieldPath: 'spec.containers{redis}' }),
      event({ on: cache, type: 'Normal', reason: 'Created', message: 'Created container redis', firstAgo: 2.75, lastAgo: 2.75, fieldPath: 'spec.containers{redis}' }),
      event({ on: cache, type: 'Normal', reason: 'Started', message: 'Started container redis', firstAgo: 2.7, lastAgo: 2.7, fieldPath: 'spec.containers{redis}' }),
      nodeEvent(nameOf(spotNow), 'RegisteredNode', `Node ${nameOf(spotNow)} event: Registered Node ${nameOf(spotNow)} in Controller`, { firstAgo: 4.5, component: 'node-controller' }),
      nodeEvent(nameOf(spotNow), 'NodeReady', `Node ${nameOf(spotNow)} status is now: NodeReady`, { firstAgo: 3.9 }),
      scaledReplicaSet(deploymentOf(api.objects, 'pricing-api'), rsOf(api, 71), 3, 0, 88),
    ],
    logs: [
      logsFor(cache, 'redis', { current: lines(
        `1:C ${redisTime(2.7)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${redisTime(2.7)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
        `1:C ${redisTime(2.7)} * Configuration loaded`,
        `1:M ${redisTime(2.69)} * monotonic clock: POSIX clock_gettime`,
        `1:M ${redisTime(2.69)} * Running mode=standalone, port=6379.`,
        `1:M ${redisTime(2.69)} * Server initialized`,
        `1:M ${redisTime(2.69)} * Loading RDB produced by version 7.2.5`,
        `1:M ${redisTime(2.69)} * RDB age 231 seconds`,
        `1:M ${redisTime(2.67)} * Done loading RDB, keys loaded: 184211, keys expired: 9122.`,
        `1:M ${redisTime(2.67)} * DB loaded from disk: 1.214 seconds`,
        `1:M ${redisTime(2.67)} * Ready to accept connections tcp`,
        `1:M ${redisTime(0.1)} * 100 changes in 300 seconds. Saving...`,
        `1:M ${redisTime(0.1)} * Background saving started by pid 27`,
      ) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(karp, 0), 'controller', { current: karpLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/spot|interrupt|reclaim/i],
      facts: [/SpotInterrupted|spot interruption|interruption warning|interrupted/i, /on-demand|capacity-type|replicas|PodDisruptionBudget|\bPDB\b/i, /connection refused/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i, /Multi-Attach/i, /pricing-api[^\n]{0,40}(caused|broke|bug)/i],
    },
  };
}

// ---- 7. Healthy control: volumes being expanded online ------------------------------------------

function volumesExpandingOnline(): CorpusScenario {
  const ns = 'orders';
  const nodes = [
    node({ name: eksNodeName('10.0.8.214'), zone: 'eu-west-1a', pool: 'databases', instanceType: 'r6i.2xlarge' }),
    node({ name: eksNodeName('10.0.41.57'), zone: 'eu-west-1b', pool: 'databases', instanceType: 'r6i.2xlarge' }),
    node({ name: eksNodeName('10.0.85.120'), zone: 'eu-west-1c', pool: 'databases', instanceType: 'r6i.2xlarge' }),
  ];
  const names = nodes.map(nameOf);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = `${ECR}/mirror/postgres:16.4`;
  const sts = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 3,
    serviceName: 'orders-db-headless',
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 6, createdAgo: 12 * DAYS, template: { containers: [container({ name: 'postgres', image, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '16Gi', env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }], readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }), liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })], serviceAccountName: 'orders-db' } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 12 * DAYS - k * 2 })),
  });
  const resizer = 'external-resizer ebs.csi.aws.com';
  const claims = [0, 1, 2].map((k) => {
    const name = `data-orders-db-${k}`;
    const vol = volumeOf(ns, name);
    const c = pvc({ namespace: ns, name, storage: '200Gi', phase: 'Bound', volumeName: vol, createdAgo: 300 * DAYS, labels: { app: 'orders-db' } });
    c.metadata = { ...c.metadata, managedFields: [{ manager: 'kubectl-patch', operation: 'Update', apiVersion: 'v1', time: ago(20.4), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:resources': { 'f:requests': { 'f:storage': {} } } } } }] };
    if (c.status) {
      c.status.capacity = { storage: k < 2 ? '200Gi' : '100Gi' };
      if (k === 2) c.status.conditions = [{ type: 'FileSystemResizePending', status: 'True', lastTransitionTime: ago(1.4), message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }];
    }
    const v = pv({ name: vol, storage: '200Gi', zone: zones[k] ?? 'eu-west-1a', claim: { namespace: ns, name }, createdAgo: 300 * DAYS });
    return { c, v, vol, k };
  });
  const bouncer = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 40 * DAYS, template: { containers: [container({ image: `${ECR}/mirror/pgbouncer:1.23.0`, ports: [{ name: 'pgbouncer', containerPort: 6432 }], readiness: tcpProbe(6432), liveness: tcpProbe(6432) })] } },
      { revision: 9, createdAgo: 52, changeCause: 'argocd: pgbouncer 1.23.1', template: { containers: [container({ image: `${ECR}/mirror/pgbouncer:1.23.1`, ports: [{ name: 'pgbouncer', containerPort: 6432 }], readiness: tcpProbe(6432), liveness: tcpProbe(6432) })] } },
    ],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 51 }, { revision: 9, node: names[1] ?? '', createdAgo: 50 }],
  });
  const pgTime = (m: number) => at(m).replace('T', ' ').replace('Z', ' UTC');
  const pgLog = (k: number) => every(28, 0.5, 300, (t) =>
    `${pgTime(t)} [${61 + k}] LOG:  checkpoint starting: time\n${pgTime(t - 2.2)} [${61 + k}] LOG:  checkpoint complete: wrote ${1800 + k * 97} buffers (1.4%); 0 WAL file(s) added, 0 removed, 2 recycled; write=131.904 s, sync=0.012 s, total=131.941 s; sync files=211, longest=0.004 s, average=0.001 s; distance=29012 kB, estimate=31244 kB; lsn=1A4/7C2D11F8, redo lsn=1A4/7B10E2A0\n`);
  return {
    id: 'heldout20-healthy-volumes-expanding-online',
    class: 'healthy',
    truth: 'Nothing is wrong with orders-db. 20 minutes ago the DBA patched the three data claims from 100Gi to 200Gi (the StatefulSet\'s volumeClaimTemplates still say 100Gi, which is expected: they are immutable). The EBS CSI resizer expanded the volumes online; the kubelet already grew the filesystems of data-orders-db-0 and -1 (FileSystemResizeSuccessful), and the third volume\'s EBS modification finished later, so its claim shows FileSystemResizePending with the generic "Waiting for user to (re-)start a pod" message for a minute or two until the kubelet\'s next sync grows it online; no restart is needed. All three pods are Ready with no restarts; pgbouncer\'s rollout 52 minutes ago is routine.',
    ask: { service: 'orders-db', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...bouncer.objects, ...claims.flatMap((x) => [x.c, x.v]),
      service({ namespace: ns, name: 'orders-db-headless', selector: { app: 'orders-db' }, headless: true, createdAgo: 300 * DAYS, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db', 'apps.kubernetes.io/pod-index': '0' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: sts.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer' }], pods: bouncer.pods, endpointPort: 6432 }),
      ...claims.flatMap(({ c, vol, k }) => [
        event({ on: c, type: 'Normal', reason: 'ExternalExpanding', message: 'waiting for an external controller to expand this PVC', firstAgo: 20.3, lastAgo: 20.3, component: 'volume_expand' }),
        event({ on: c, type: 'Normal', reason: 'Resizing', message: `External resizer is resizing volume ${vol}`, firstAgo: 20.3, lastAgo: 20.3, component: resizer }),
        event({ on: c, type: 'Normal', reason: 'FileSystemResizeRequired', message: 'Require file system resize of volume on node', firstAgo: k < 2 ? 19.6 - k * 0.2 : 1.4, lastAgo: k < 2 ? 19.6 - k * 0.2 : 1.4, component: resizer }),
        ...(k < 2 ? [
          event({ on: c, type: 'Normal', reason: 'FileSystemResizeSuccessful', message: `MountVolume.NodeExpandVolume succeeded for volume "${vol}" ${names[k] ?? ''}`, firstAgo: 18.9 - k * 0.2, lastAgo: 18.9 - k * 0.2 }),
          event({ on: podOf(sts, k), type: 'Normal', reason: 'FileSystemResizeSuccessful', message: `MountVolume.NodeExpandVolume succeeded for volume "${vol}" ${names[k] ?? ''}`, firstAgo: 18.9 - k * 0.2, lastAgo: 18.9 - k * 0.2 }),
        ] : []),
      ]),
      scaledReplicaSet(deploymentOf(bouncer.objects, 'pgbouncer'), rsOf(bouncer, 9), 2, 0, 52),
      // Yesterday's noise: a slow pg_isready during the nightly vacuum.
      event({ on: podOf(sts, 1), reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - no response', count: 2, firstAgo: 21 * 60, lastAgo: 21 * 60 - 0.2, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      ...sts.pods.map((p, k) => logsFor(p, 'postgres', { current: pgLog(k) })),
      ...bouncer.pods.map((p) => logsFor(p, 'app', { current: lines(`${pgTime(1)} [1] LOG stats: 412 xacts/s, 2890 queries/s, 0 client parse/s, 0 server parse/s, 0 binds/s, in 1188302 B/s, out 5112833 B/s, xact 2411 us, query 301 us, wait 12 us`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (\d+ )?(pods )?(are )?ready|\d\/\d/i],
      facts: [/orders-db/],
      never: [/resiz\w*[^\n]{0,40}(fail|stuck|error)/i, /restart (the )?(pod|orders-db)|delete (the )?pod/i, /disk (is )?full|no space|disk ?pressure/i, /pgbouncer/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  ecrCredentialProviderMissing(),
  efsAccessPointRecreated(),
  legacyTokenInvalidated(),
  vaultInjectorDown(),
  statefulSetNameTooLong(),
  spotInterruptionsSingleReplica(),
  volumesExpandingOnline(),
];

