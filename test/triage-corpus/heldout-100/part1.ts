// Held-out stories, hundredth round, part one: a Node.js service whose release bumped the MongoDB
// driver to 6.10, which refuses the MongoDB 3.6 replica set it talks to (wire version 6 < 7); a
// gcsfuse sidecar OOMKilled under a bulk import, so the app's reads of the mounted bucket fail with
// "Transport endpoint is not connected"; a Kafka broker whose EBS volume's XFS needs repair after its
// node crashed ("Structure needs cleaning"); a .NET service moved to a chiseled base image that has
// no libgssapi_krb5, so SqlClient's Kerberos login aborts the process; a Go upload service whose
// revision put its spool directory on an emptyDir while the final directory is an EFS claim
// (rename: invalid cross-device link); a Node 16 → 18 upgrade whose DNS result order dials Google's
// IPv6 addresses first in an IPv4-only VPC (connect ENETUNREACH); and a healthy control whose
// istio-proxy logs its usual "gRPC config stream closed" warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, container, crashLoop, deploymentApp, epochMs, event, execProbe, exposed, httpProbe,
  nameOf, node, nodeEvent, probeFailed, pulledFresh, pv, pvc, pyTime, restartedAgain, running, scaledReplicaSet,
  scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe, volumeOf, waiting, configMap, failedScheduling, rsOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. MongoDB Node.js driver 6.10 refuses a MongoDB 3.6 replica set ---------------------------------

function mongoDriverWireVersion(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '129', '230']);
  const mongoHosts = [0, 1, 2].map((i) => `stock-mongo-${i}.stock-mongo.warehouse.svc.cluster.local:27017`);
  const uri = `mongodb://${mongoHosts.join(',')}/stock?replicaSet=rs0&readPreference=primaryPreferred`;
  const image = (v: string) => `${ECR}/warehouse/stock-ledger:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '200m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', value: uri },
        { name: 'MONGODB_SERVER_SELECTION_TIMEOUT_MS', value: '15000' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'stock-ledger',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: stock-ledger 3.8.2', template: tpl('3.8.2') },
      { revision: 58, createdAgo: 34, changeCause: 'argocd: stock-ledger 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - 2 - k })),
      { revision: 58, node: names[2] ?? '', createdAgo: 33.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 17 }, 11) } },
    ],
  });
  const mongoImage = 'docker.io/library/mongo:3.6.23';
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'stock-mongo',
    replicas: 3,
    serviceName: 'stock-mongo',
    createdAgo: 900 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 400 * DAYS,
      template: {
        containers: [container({
          name: 'mongod', image: mongoImage, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '1.5'],
          ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '1', memory: '4Gi',
          readiness: execProbe(['mongo', '--quiet', '--eval', 'db.adminCommand("ping")'], { timeoutSeconds: 5 }),
          liveness: tcpProbe('mongo', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 41 * DAYS - i * 3 })),
  });
  const claims = [0, 1, 2].flatMap((i) => {
    const name = `data-stock-mongo-${i}`;
    const zone = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a';
    return [pvc({ namespace: ns, name, storage: '100Gi', phase: 'Bound', volumeName: volumeOf(ns, name), createdAgo: 900 * DAYS }), pv({ name: volumeOf(ns, name), storage: '100Gi', zone, claim: { namespace: ns, name }, createdAgo: 900 * DAYS })];
  });
  const other = bystander(ns, 'stock-webhooks', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const fresh = podOf(app, 3);
  const olds = app.pods.slice(0, 3);
  const wire = `Server at ${mongoHosts[0] ?? ''} reports maximum wire version 6, but this version of the Node.js Driver requires at least 7 (MongoDB 4.0)`;
  const crashed = (t: number) => lines(
    `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(fresh)}","msg":"stock-ledger 3.9.0 starting","node":"v20.18.1","mongodbDriver":"6.10.0"}`,
    `{"level":30,"time":${epochMs(t - 0.01)},"pid":1,"hostname":"${nameOf(fresh)}","msg":"connecting to MongoDB","hosts":3,"replicaSet":"rs0","db":"stock"}`,
    `{"level":60,"time":${epochMs(t - 0.27)},"pid":1,"hostname":"${nameOf(fresh)}","err":{"type":"MongoServerSelectionError","message":"${wire}","stack":"MongoServerSelectionError: ${wire}\\n    at Topology.selectServer (/app/node_modules/mongodb/lib/sdam/topology.js:321:38)\\n    at async Topology._connect (/app/node_modules/mongodb/lib/sdam/topology.js:200:28)\\n    at async Topology.connect (/app/node_modules/mongodb/lib/sdam/topology.js:152:13)\\n    at async topologyConnect (/app/node_modules/mongodb/lib/mongo_client.js:233:17)\\n    at async MongoClient._connect (/app/node_modules/mongodb/lib/mongo_client.js:246:13)\\n    at async MongoClient.connect (/app/node_modules/mongodb/lib/mongo_client.js:171:13)\\n    at async bootstrap (/app/dist/main.js:41:5)","reason":{"type":"Unknown","servers":{},"stale":false,"compatible":false,"heartbeatFrequencyMS":10000,"localThresholdMS":15,"setName":"rs0","maxElectionId":"7fffffff0000000000000031","maxSetVersion":3,"commonWireVersion":6,"logicalSessionTimeoutMinutes":30},"errorLabelSet":{}},"msg":"failed to connect to MongoDB, exiting"}`,
  );
  const serving = (p: k8s.V1Pod, i: number) => lines(
    `{"level":30,"time":${epochMs(4.1 - i * 0.2)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v1/movements"},"res":{"statusCode":201},"responseTime":18,"msg":"request completed"}`,
    `{"level":40,"time":${epochMs(3.2 - i * 0.2)},"pid":1,"hostname":"${nameOf(p)}","sku":"WH-220-${4410 + i}","available":-2,"msg":"negative availability after reservation, queued for reconciliation"}`,
    `{"level":30,"time":${epochMs(1.1 - i * 0.2)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/stock/WH-118-2093"},"res":{"statusCode":200},"responseTime":6,"msg":"request completed"}`,
  );
  const mongoLog = (i: number) => lines(
    `2026-11-21T03:0${i}:12.118+0000 I NETWORK  [listener] connection accepted from 10.0.${12 + i}.77:51${i}22 #88${i}41 (41 connections now open)`,
    `2026-11-21T03:0${i}:12.121+0000 I NETWORK  [conn88${i}41] received client metadata from 10.0.${12 + i}.77:51${i}22 conn88${i}41: { driver: { name: "nodejs", version: "6.10.0" }, platform: "Node.js v20.18.1, LE", os: { name: "linux", architecture: "x64", version: "6.1.112-122.189.amzn2023.x86_64", type: "Linux" } }`,
    `2026-11-21T03:0${i}:12.140+0000 I NETWORK  [conn88${i}41] end connection 10.0.${12 + i}.77:51${i}22 (40 connections now open)`,
  );
  return {
    id: 'heldout100-mongodb-driver-requires-newer-wire-version',
    class: 'rollout',
    truth: 'stock-ledger 3.9.0 (revision 58, rolled out 34 minutes ago) upgraded the MongoDB Node.js driver to 6.10, which dropped support for MongoDB 3.6: its replica set stock-mongo still runs mongo:3.6.23 (maximum wire version 6) and the driver requires wire version 7 (MongoDB 4.0), so server selection fails at startup and every new pod exits 1 and crash-loops. The rollout is stuck (maxUnavailable 0) with the three revision-57 pods still serving. Fix: roll back to revision 57 / pin the driver below 6.10, and plan the MongoDB upgrade to 4.0+ before re-releasing.',
    ask: { service: 'stock-ledger', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...claims, ...other.objects,
      ...exposed({ namespace: ns, name: 'stock-ledger', selector: { app: 'stock-ledger' }, pods: app.pods, endpointPort: 3000 }),
      service({ namespace: ns, name: 'stock-mongo', selector: { app: 'stock-mongo' }, headless: true, ports: [{ name: 'mongo', port: 27017, targetPort: 27017 }] }),
      ...exposed({ namespace: ns, name: 'stock-webhooks', selector: { app: 'stock-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 34),
      ...pulledFresh(fresh, 'app', image('3.9.0'), { atAgo: 33.8, bytes: 61824410, seconds: 3.1 }),
      ...restartedAgain(fresh, 'app', image('3.9.0'), { count: 11, firstAgo: 33.6, lastAgo: 2.7 }),
      backOff(fresh, 'app', { count: 142, firstAgo: 32.9, lastAgo: 0.3 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ipOfPod(fresh)}:3000/health/ready": dial tcp ${ipOfPod(fresh)}:3000: connect: connection refused`, { count: 6, firstAgo: 33.4, lastAgo: 8.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed(2.7), current: lines(`{"level":30,"time":${epochMs(0.2)},"pid":1,"hostname":"${nameOf(fresh)}","msg":"stock-ledger 3.9.0 starting","node":"v20.18.1","mongodbDriver":"6.10.0"}`) }),
      ...olds.map((p, i) => logsFor(p, 'app', { current: serving(p, i) })),
      ...mongo.pods.map((p, i) => logsFor(p, 'mongod', { current: mongoLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wire version|incompatib|unsupported|requires at least|too old|MongoDB (3\.6|4\.0)|driver/i, /\b58\b|3\.9\.0/],
      facts: [/3\.6/, /wire version|MongoDB 4\.0|requires at least/i, /stock-mongo/],
      never: [/\bOOM/, /authenticat|auth(entication)? failed/i, /stock-webhooks[^\n]*(caus|broke|roll ?back)/i, /network ?polic/i, /liveness probe/i],
    },
  };
}

// ---- 2. gcsfuse sidecar OOMKilled: the bucket mount is dead (Transport endpoint is not connected) ----

function gkeNode(pool: string, id: string, zone: string): k8s.V1Node {
  const n = node({ name: `gke-prod-media-${pool}-${id}`, zone, instanceType: 'n2-standard-8' });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  n.metadata = { ...n.metadata, labels: { ...labels, 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': 'n2', 'cloud.google.com/gke-os-distribution': 'cos' } };
  if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kernelVersion: '6.1.100+', kubeletVersion: 'v1.31.3-gke.1146000', kubeProxyVersion: 'v1.31.3-gke.1146000', osImage: 'Container-Optimized OS from Google', containerRuntimeVersion: 'containerd://1.7.23' };
  return n;
}

function gcsfuseSidecarDied(): CorpusScenario {
  const ns = 'media';
  const nodes = [gkeNode('pool-2', '8f2c1a3d-xk2p', 'us-central1-a'), gkeNode('pool-2', '8f2c1a3d-r7wq', 'us-central1-a'), gkeNode('pool-2', 'b41e09c2-m5tz', 'us-central1-b')];
  const names = nodes.map(nameOf);
  const reg = 'us-central1-docker.pkg.dev/acme-media-prod/apps';
  const sidecarImage = 'gke.gcr.io/gcs-fuse-csi-driver-sidecar-mounter:v1.4.2-gke.0';
  const sidecar = container({
    name: 'gke-gcsfuse-sidecar', image: sidecarImage, args: ['--v=5'], ports: [], readiness: null, liveness: null,
    cpu: '250m', memory: '256Mi', restartPolicy: 'Always',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534 },
    volumeMounts: [{ name: 'gke-gcsfuse-tmp', mountPath: '/gcsfuse-tmp' }, { name: 'gke-gcsfuse-buffer', mountPath: '/gcsfuse-buffer' }, { name: 'gke-gcsfuse-cache', mountPath: '/gcsfuse-cache' }],
  });
  const tplOf = (v: string) => ({
    annotations: { 'gke-gcsfuse/volumes': 'true', 'gke-gcsfuse/memory-limit': '256Mi', 'gke-gcsfuse/cpu-limit': '500m' },
    serviceAccountName: 'thumbnailer',
    initContainers: [sidecar],
    containers: [container({
      image: `${reg}/thumbnailer:${v}`, ports: [8080], cpu: '1', memory: '1Gi',
      env: [{ name: 'ASSET_ROOT', value: '/data/assets' }, { name: 'THUMB_BUCKET', value: 'acme-media-thumbs-prod' }, { name: 'GUNICORN_CMD_ARGS', value: '--workers 4 --timeout 60' }],
      readiness: httpProbe('/ready', 8080, { periodSeconds: 10 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'assets', mountPath: '/data/assets', readOnly: true }],
    })],
    volumes: [
      { name: 'gke-gcsfuse-tmp', emptyDir: {} }, { name: 'gke-gcsfuse-buffer', emptyDir: {} }, { name: 'gke-gcsfuse-cache', emptyDir: {} },
      { name: 'assets', csi: { driver: 'gcsfuse.csi.storage.gke.io', readOnly: true, volumeAttributes: { bucketName: 'acme-media-assets-prod', mountOptions: 'implicit-dirs,file-cache:max-size-mb:-1' } } },
    ],
  });
  const oom = (finishedAgo: number, ranSeconds: number) => running({ sinceAgo: finishedAgo - 0.05, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds } });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: thumbnailer 2.6.4', template: tplOf('2.6.4') },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnailer 2.7.1', template: tplOf('2.7.1') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 6 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 1.5, ready: false }) }, initContainers: { 'gke-gcsfuse-sidecar': oom(47, 6 * DAYS * 60 - 3000) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - 2.5, ready: false }) }, initContainers: { 'gke-gcsfuse-sidecar': oom(22.5, 6 * DAYS * 60 - 1600) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 6 * DAYS - 3, initContainers: { 'gke-gcsfuse-sidecar': running({ sinceAgo: 6 * DAYS - 3.5 }) } },
    ],
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const sp = 'spec.initContainers{gke-gcsfuse-sidecar}';
  const importer = deploymentApp({
    namespace: ns,
    name: 'asset-importer',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 14 * DAYS, changeCause: 'argocd: asset-importer 1.9.0', template: { containers: [container({ image: `${reg}/asset-importer:1.9.0`, ports: [8080] })] } }],
    pods: [{ revision: 5, node: names[2] ?? '', createdAgo: 14 * DAYS - 1 }],
  });
  const sidecarRestart = (p: k8s.V1Pod, t: number) => [
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${sidecarImage}" already present on machine`, firstAgo: t, lastAgo: t, fieldPath: sp }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container gke-gcsfuse-sidecar', firstAgo: t, lastAgo: t, fieldPath: sp }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container gke-gcsfuse-sidecar', firstAgo: t, lastAgo: t, fieldPath: sp }),
  ];
  const objs = ['catalog/2026/11/20/lookbook-4471/hero.jpg', 'catalog/2026/11/21/sku-88213/front.png', 'video/2026/11/21/campaign-winter/poster.jpg', 'catalog/2026/11/19/sku-10452/detail-2.jpg'];
  const broken = (p: k8s.V1Pod, since: number, k: number) => {
    const out = [
      `${pyTime(since + 2)} INFO thumbnailer.worker: rendered 320x320 for ${objs[k % 4]} in 214 ms`,
      `${pyTime(since + 0.6)} INFO thumbnailer.worker: rendered 640x640 for video/2026/11/21/campaign-winter/clip-0${k + 3}.mp4 (poster frame) in 3911 ms`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = since - 0.5 - i * (since - 1) / 6;
      const path = `/data/assets/${objs[(i + k) % 4] ?? ''}`;
      out.push(
        `${pyTime(t)} ERROR thumbnailer.worker: cannot read source ${path}`,
        'Traceback (most recent call last):',
        '  File "/app/thumbnailer/worker.py", line 88, in render',
        '    with open(src, "rb") as fh:',
        '         ^^^^^^^^^^^^^^',
        `OSError: [Errno 107] Transport endpoint is not connected: '${path}'`,
        `${pyTime(t - 0.02)} WARNING thumbnailer.health: readiness: asset mount check failed: [Errno 107] Transport endpoint is not connected: '/data/assets'`,
      );
    }
    return lines(...out);
  };
  const sidecarPrev = (p: k8s.V1Pod, died: number) => lines(
    `I1121 ${at(died + 1.2).slice(11, 23)}000       1 sidecar_mounter.go:88] gcsfuse config file content: map[cache-dir:/gcsfuse-cache/.volumes/assets file-cache:map[max-size-mb:-1] logging:map[file-path:/dev/fd/1 format:json severity:info]]`,
    `{"timestamp":{"seconds":${Math.floor(epochMs(died + 0.9) / 1000)},"nanos":411022000},"severity":"INFO","message":"ReadFile: video/2026/11/21/campaign-winter/clip-07.mp4, size 1843022811, reading with sequential read"}`,
    `{"timestamp":{"seconds":${Math.floor(epochMs(died + 0.3) / 1000)},"nanos":90113000},"severity":"INFO","message":"ReadFile: video/2026/11/21/campaign-winter/clip-11.mp4, size 2210988302, reading with sequential read"}`,
    `{"timestamp":{"seconds":${Math.floor(epochMs(died + 0.05) / 1000)},"nanos":17744000},"severity":"INFO","message":"File cache: populating video/2026/11/21/campaign-winter/clip-11.mp4 (2210988302 bytes)"}`,
  );
  const sidecarNow = (died: number) => lines(
    `I1121 ${at(died - 0.06).slice(11, 23)}000       1 main.go:50] Running Google Cloud Storage FUSE CSI driver sidecar mounter version v1.4.2-gke.0`,
    `I1121 ${at(died - 0.06).slice(11, 23)}000       1 main.go:67] connecting to socket "/gcsfuse-tmp/.volumes/assets/socket"`,
    `E1121 ${at(died - 0.07).slice(11, 23)}000       1 main.go:72] failed to get the file descriptor from the socket "/gcsfuse-tmp/.volumes/assets/socket": failed to receive FD: connection reset by peer`,
    `I1121 ${at(died - 0.07).slice(11, 23)}000       1 main.go:120] waiting for SIGTERM signal...`,
  );
  return {
    id: 'heldout100-gcsfuse-sidecar-oomkilled-transport-endpoint',
    class: 'storage',
    truth: 'thumbnailer reads source images from the GCS bucket acme-media-assets-prod mounted through the GKE Cloud Storage FUSE CSI driver, whose gke-gcsfuse-sidecar runs with the pod annotation gke-gcsfuse/memory-limit: 256Mi. Tonight asset-importer loaded multi-GB campaign videos; reading them, the sidecar of two of the three pods was OOMKilled (47 and 22 minutes ago). The kubelet restarted the sidecar, but a restarted mounter cannot re-establish the FUSE mount, so in those two pods every read of /data/assets fails with "[Errno 107] Transport endpoint is not connected" and readiness fails; one pod serves alone. No rollout or config change is involved (revision 12 is 6 days old). Fix: delete the two pods so they get a fresh mount, and raise (or unset) the gcsfuse sidecar memory limit.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...importer.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'asset-importer', selector: { app: 'asset-importer' }, pods: importer.pods }),
      ...sidecarRestart(p0, 46.9), ...sidecarRestart(p1, 22.4),
      probeFailed(p0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 281, firstAgo: 46.6, lastAgo: 0.2 }),
      probeFailed(p1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 133, firstAgo: 22.2, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: broken(p0, 46.8, 0) }),
      logsFor(p1, 'app', { current: broken(p1, 22.3, 1) }),
      logsFor(p2, 'app', { current: lines(`${pyTime(3.1)} INFO thumbnailer.worker: rendered 320x320 for catalog/2026/11/21/sku-90117/front.png in 188 ms`, `${pyTime(1.4)} WARNING thumbnailer.queue: backlog 1840 jobs (2 of 3 workers not ready)`, `${pyTime(0.6)} INFO thumbnailer.worker: rendered 640x640 for catalog/2026/11/21/sku-31876/hero.jpg in 402 ms`) }),
      logsFor(p0, 'gke-gcsfuse-sidecar', { previous: sidecarPrev(p0, 47), current: sidecarNow(47) }),
      logsFor(p1, 'gke-gcsfuse-sidecar', { previous: sidecarPrev(p1, 22.5), current: sidecarNow(22.5) }),
      logsFor(podOf(importer, 0), 'app', { current: lines(`${pyTime(58)} INFO importer: batch campaign-winter: 214 objects queued (412.8 GiB)`, `${pyTime(9)} INFO importer: batch campaign-winter: 214/214 uploaded to gs://acme-media-assets-prod/video/2026/11/21/campaign-winter/`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/transport endpoint|ENOTCONN|fuse|mount|gcsfuse|sidecar/i],
      facts: [/OOMKilled|out of memory|memory limit|256Mi/i, /gke-gcsfuse-sidecar|gcsfuse|sidecar/i, /(delete|recreate|restart|replace)[^\n]*pod|memory-limit|raise[^\n]*memory/i],
      never: [ADVISES_ROLLBACK, /bucket[^\n]*(deleted|missing|not found)/i, /AccessDenied|\b403\b|permission denied/i, /asset-importer[^\n]*(roll|crash|broke)/i],
    },
  };
}

// ---- 3. Kafka broker's XFS volume needs repair after its node crashed ------------------------------

function kafkaXfsStructureNeedsCleaning(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.140', ['21', '152', '88']);
  const crashed = names[1] ?? '';
  const bootId = '3c1f9e27-8b4d-4a51-9d0e-6f2a7c81b5e4';
  const rebooted = node({ name: crashed, zone: 'eu-west-1b', readySince: 44 });
  if (rebooted.status?.nodeInfo) rebooted.status.nodeInfo.bootID = bootId;
  nodes[1] = rebooted;
  const image = 'docker.io/bitnami/kafka:3.8.1-debian-12-r2';
  const tpl = {
    securityContext: { fsGroup: 1001, runAsUser: 1001 },
    terminationGracePeriodSeconds: 120,
    containers: [container({
      name: 'kafka', image, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'KAFKA_CFG_PROCESS_ROLES', value: 'controller,broker' }, { name: 'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS', value: '0@kafka-0.kafka-headless:9093,1@kafka-1.kafka-headless:9093,2@kafka-2.kafka-headless:9093' }, { name: 'KAFKA_HEAP_OPTS', value: '-Xms4g -Xmx4g' }],
      readiness: tcpProbe('client', { initialDelaySeconds: 5 }), liveness: tcpProbe('controller', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 9, createdAgo: 26 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3-xfs' }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 26 * DAYS, containers: { kafka: running({ sinceAgo: 12 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 12 * DAYS + 0.1, ranSeconds: 14 * 24 * 3600 } }) } },
      { revision: 9, ordinal: 1, node: crashed, createdAgo: 46.6, containers: { kafka: waiting('ContainerCreating') } },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 26 * DAYS - 3 },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => {
    const name = `data-kafka-${i}`;
    const v = pv({ name: volumeOf(ns, name), storage: '500Gi', zone: zones[i] ?? '', claim: { namespace: ns, name }, storageClass: 'gp3-xfs', createdAgo: 300 * DAYS });
    const csi = v.spec?.csi;
    if (csi) csi.fsType = 'xfs';
    return [pvc({ namespace: ns, name, storage: '500Gi', storageClass: 'gp3-xfs', phase: 'Bound', volumeName: volumeOf(ns, name), createdAgo: 300 * DAYS }), v];
  });
  const k1 = podOf(sts, 1);
  const vol = volumeOf(ns, 'data-kafka-1');
  const globalmount = `/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/5d8a41f0c39be2a7e6f1d0b43c7e9a12f6b8e4d1c0a9b7e3f2d1c6a5b4e3f2d1/globalmount`;
  const mountMsg = `MountVolume.MountDevice failed for volume "${vol}" : rpc error: code = Internal desc = could not format "/dev/nvme2n1" and mount it at "${globalmount}": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t xfs -o nouuid,defaults /dev/nvme2n1 ${globalmount}\nOutput: mount: ${globalmount}: mount(2) system call failed: Structure needs cleaning.`;
  const brokerLog = (id: number) => lines(
    `[2026-11-21 02:22:02,114] WARN [ReplicaFetcher replicaId=${id}, leaderId=1, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=${id}, maxWait=500, minBytes=1, maxBytes=10485760, fetchData={orders-7=PartitionData(topicId=Qm2xT0bRRe6Kq1c3mP0w8A, fetchOffset=88213044, logStartOffset=80110021, maxBytes=1048576, currentLeaderEpoch=Optional[41], lastFetchedEpoch=Optional[41])}, isolationLevel=READ_UNCOMMITTED, removed=, replaced=, metadata=(sessionId=1093442117, epoch=8812), rackId=) (kafka.server.ReplicaFetcherThread)`,
    'java.io.IOException: Connection to 1 was disconnected before the response was read',
    `[2026-11-21 02:22:09,877] INFO [Partition orders-${id + 3} broker=${id}] Shrinking ISR from 0,1,2 to ${id === 0 ? '0,2' : '2,0'}. Leader: (highWatermark: 91200411, endOffset: 91200498). Out of sync replicas: (brokerId: 1, endOffset: 91200402, lastCaughtUpTimeMs: 1795224591233). (kafka.cluster.Partition)`,
    `[2026-11-21 02:22:14,002] WARN [RaftManager id=${id}] Connection to node 1 (kafka-1.kafka-headless.streaming.svc.cluster.local/10.0.140.211:9093) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`,
    `[2026-11-21 03:10:41,660] INFO [GroupCoordinator ${id}]: Stabilized group order-enricher generation 214 (__consumer_offsets-${12 + id}) with 6 members (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout100-kafka-xfs-structure-needs-cleaning',
    class: 'storage',
    truth: `Node ${crashed} crashed at about 02:22 (NotReady 52 minutes ago) and came back after a reboot 45 minutes ago. The pod kafka-1 was evicted from it and recreated; its EBS volume ${vol} (claim data-kafka-1, XFS, zone eu-west-1b) attaches to the rebooted node again but the unclean shutdown left the XFS metadata inconsistent, so every MountDevice attempt fails with "mount(2) system call failed: Structure needs cleaning" and kafka-1 has been stuck in ContainerCreating for 44 minutes; brokers 0 and 2 run with under-replicated partitions. No rollout involved. Fix: take the volume to a repair host (or a debug pod on the node) and run xfs_repair (xfs_repair -L if the log cannot be replayed), or restore from snapshot / rebuild the broker from its replicas with a fresh claim.`,
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }] }),
      ...(() => { const s = service({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }] }); return [s, endpointSliceFor(s, sts.pods, 9092)]; })(),
      nodeEvent(crashed, 'NodeNotReady', `Node ${crashed} status is now: NodeNotReady`, { firstAgo: 52, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: 'kafka-1', namespace: ns }, type: 'Normal', reason: 'TaintManagerEviction', message: 'Marking for deletion Pod streaming/kafka-1', firstAgo: 47, lastAgo: 47, component: 'taint-eviction-controller' }),
      nodeEvent(crashed, 'Starting', 'Starting kubelet.', { firstAgo: 45 }),
      nodeEvent(crashed, 'Rebooted', `Node ${crashed} has been rebooted, boot id: ${bootId}`, { type: 'Warning', firstAgo: 45 }),
      nodeEvent(crashed, 'NodeReady', `Node ${crashed} status is now: NodeReady`, { firstAgo: 44 }),
      failedScheduling(k1, '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 3, firstAgo: 46.5, lastAgo: 44.3 }),
      scheduled(k1, 44),
      event({ on: k1, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${vol}" `, firstAgo: 43.6, lastAgo: 43.6, component: 'attachdetach-controller' }),
      event({ on: k1, reason: 'FailedMount', message: mountMsg, count: 28, firstAgo: 43.4, lastAgo: 0.7 }),
      event({ on: k1, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 19, firstAgo: 41.4, lastAgo: 1.9 }),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'kafka', { current: brokerLog(0) }),
      logsFor(podOf(sts, 2), 'kafka', { current: brokerLog(2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/structure needs cleaning|xfs|corrupt|file ?system|MountDevice|mount/i],
      facts: [/kafka-1/, /data-kafka-1|pvc-/, /reboot|crash|NotReady|ip-10-0-140-152/i, /xfs_repair|repair|fsck|snapshot|fresh (claim|volume)/i],
      never: [/Multi-Attach/i, ADVISES_ROLLBACK, /\bOOM/, /insufficient (cpu|memory)|quota/i],
    },
  };
}

// ---- 4. .NET on a chiseled image without libgssapi_krb5: SqlClient's Kerberos login aborts ----------

function dotnetChiseledNoGssapi(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.57', ['19', '140', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' },
        { name: 'ConnectionStrings__Invoices', value: 'Server=sql-billing.corp.acme.internal,1433;Database=Invoices;Integrated Security=true;Encrypt=true;TrustServerCertificate=false;Application Name=invoice-api' },
        { name: 'KRB5_CONFIG', value: '/etc/krb5/krb5.conf' },
        { name: 'KRB5_CLIENT_KTNAME', value: '/etc/krb5/keytab/invoice-api.keytab' },
        { name: 'DOTNET_gcServer', value: '0' },
      ],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'krb5-conf', mountPath: '/etc/krb5/krb5.conf', subPath: 'krb5.conf', readOnly: true }, { name: 'keytab', mountPath: '/etc/krb5/keytab', readOnly: true }],
      securityContext: { runAsNonRoot: true, runAsUser: 1654, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    volumes: [{ name: 'krb5-conf', configMap: { name: 'krb5-conf' } }, { name: 'keytab', secret: { secretName: 'invoice-api-keytab' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 2.31.0', template: tpl('2.31.0') },
      { revision: 23, createdAgo: 26, changeCause: 'argocd: invoice-api 2.32.0 (runtime image mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled)', template: tpl('2.32.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 12 * DAYS - 1 - k })),
      { revision: 23, node: names[0] ?? '', createdAgo: 25.7, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 1.9, ranSeconds: 4 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'payment-reminders', names, 5 * HOURS, { revisions: [8, 9], versions: ['0.12.0', '0.12.1'], olderAgo: 30 * DAYS });
  const crashed = lines(
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Invoice API 2.32.0 starting (.NET 8.0.11, linux-x64)',
    'info: Invoices.Infrastructure.SchemaCheck[0]',
    '      Checking schema version of Invoices on sql-billing.corp.acme.internal,1433',
    'Cannot load library libgssapi_krb5.so.2',
    'Error: libgssapi_krb5.so.2: cannot open shared object file: No such file or directory',
  );
  const serving = (i: number) => lines(
    'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
    `      Request finished HTTP/1.1 GET http://invoice-api.billing.svc/v2/invoices/INV-2026-${88410 + i} - 200 - application/json;+charset=utf-8 23.${i}112ms`,
    'warn: Microsoft.EntityFrameworkCore.Query[20504]',
    '      Compiling a query which loads related collections for more than one collection navigation, either via \'Include\' or through projection, but no \'QuerySplittingBehavior\' has been configured.',
    'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
    `      Request finished HTTP/1.1 POST http://invoice-api.billing.svc/v2/invoices - 201 - application/json;+charset=utf-8 61.${i}04ms`,
  );
  return {
    id: 'heldout100-dotnet-chiseled-image-missing-libgssapi',
    class: 'containers',
    truth: 'invoice-api 2.32.0 (revision 23, 26 minutes ago) moved its runtime image to mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled, which does not ship libgssapi_krb5.so.2. The service logs into SQL Server with Integrated Security (Kerberos via a keytab), so at the startup schema check Microsoft.Data.SqlClient loads the GSSAPI library, the runtime prints "Cannot load library libgssapi_krb5.so.2" and aborts (SIGABRT, exit 134) every time; the new pod crash-loops and the rollout is stuck with the revision-22 pods serving. Fix: roll back to revision 22, then rebuild on an image that includes libgssapi-krb5-2 (the chiseled "-extra" variant or the full aspnet image).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payment-reminders', selector: { app: 'payment-reminders' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'krb5-conf', createdAgo: 200 * DAYS, data: { 'krb5.conf': '[libdefaults]\n  default_realm = CORP.ACME.INTERNAL\n  dns_lookup_kdc = true\n  rdns = false\n  ticket_lifetime = 10h\n[realms]\n  CORP.ACME.INTERNAL = {\n    kdc = dc01.corp.acme.internal\n    kdc = dc02.corp.acme.internal\n  }\n' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 26),
      ...pulledFresh(fresh, 'app', image('2.32.0'), { atAgo: 25.7, bytes: 48213994, seconds: 2.6 }),
      ...restartedAgain(fresh, 'app', image('2.32.0'), { count: 10, firstAgo: 25.5, lastAgo: 2 }),
      backOff(fresh, 'app', { count: 117, firstAgo: 25.2, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed, current: lines('info: Microsoft.Hosting.Lifetime[0]', '      Invoice API 2.32.0 starting (.NET 8.0.11, linux-x64)') }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: serving(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/libgssapi|gssapi|krb5|kerberos|shared (object|librar)/i, /\b23\b|2\.32\.0|chiseled/i],
      facts: [/134|SIGABRT|abort/i, /chiseled|base image|runtime image|missing[^\n]*librar/i, /roll ?back|revert|libgssapi-krb5|install|-extra|full (aspnet )?image/i],
      never: [/\bOOM/, /login failed|wrong password/i, /sql-billing[^\n]*(down|unreachable|refus)/i, /liveness probe/i, /payment-reminders[^\n]*(caus|broke|roll ?back)/i],
    },
  };
}

// ---- 5. upload spool moved to an emptyDir: rename onto the EFS claim fails (EXDEV) ------------------

function uploadSpoolCrossDevice(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.88', ['40', '171', '9']);
  const image = `${ECR}/docs/doc-intake:1.22.4`;
  const base = [
    { name: 'UPLOAD_ROOT', value: '/srv/uploads' },
    { name: 'MAX_UPLOAD_BYTES', value: '52428800' },
    { name: 'OCR_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/doc-ocr-requests' },
  ];
  const uploads = { name: 'uploads', mountPath: '/srv/uploads' };
  const volumes13 = [{ name: 'uploads', persistentVolumeClaim: { claimName: 'doc-intake-uploads' } }];
  const tpl13 = { containers: [container({ image, ports: [8080], cpu: '250m', memory: '256Mi', env: [...base, { name: 'UPLOAD_TMP_DIR', value: '/srv/uploads/.incoming' }], volumeMounts: [uploads] })], volumes: volumes13 };
  const tpl14 = {
    containers: [container({
      image, ports: [8080], cpu: '250m', memory: '256Mi',
      env: [...base, { name: 'UPLOAD_TMP_DIR', value: '/scratch/incoming' }],
      volumeMounts: [uploads, { name: 'scratch', mountPath: '/scratch' }],
      securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false },
    })],
    volumes: [...volumes13, { name: 'scratch', emptyDir: { sizeLimit: '2Gi' } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'doc-intake',
    replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: doc-intake chart 4.2.3', template: tpl13 },
      { revision: 14, createdAgo: 131, changeCause: 'argocd: doc-intake chart 4.3.0 (local scratch volume for multipart spooling, read-only root fs)', template: tpl14 },
    ],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 130.5 }, { revision: 14, node: names[2] ?? '', createdAgo: 129.8 }],
  });
  const efs = pv({ name: 'pvc-efs-doc-intake-uploads', storage: '100Gi', claim: { namespace: ns, name: 'doc-intake-uploads' }, storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d4e5f67890::fsap-0f1e2d3c4b5a69788' }, createdAgo: 400 * DAYS });
  const claim = pvc({ namespace: ns, name: 'doc-intake-uploads', storage: '100Gi', storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], phase: 'Bound', volumeName: 'pvc-efs-doc-intake-uploads', createdAgo: 400 * DAYS });
  const ocr = bystander(ns, 'doc-ocr', names, 6 * DAYS, { revisions: [30, 31], versions: ['3.3.0', '3.3.1'], olderAgo: 25 * DAYS });
  const tenants = ['t-0192', 't-0044', 't-0310', 't-0871'];
  const files = ['invoice-4471.pdf', 'contract-signed.pdf', 'scan_20261121_0211.tiff', 'payslip-nov.pdf', 'id-front.jpg'];
  const intakeLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      `{"time":"${at(130.2 - k)}","level":"INFO","msg":"doc-intake starting","version":"1.22.4","upload_root":"/srv/uploads","upload_tmp_dir":"/scratch/incoming","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 126 - i * 9 - k * 0.7;
      const tenant = tenants[(i + k) % 4] ?? 't-1';
      const file = files[(i * 3 + k) % 5] ?? 'a.pdf';
      const tmp = `/scratch/incoming/upload-${2291834117 + i * 7919 + k * 104729}`;
      const id = `${(0x5f1c0000 + i * 4099 + k * 977).toString(16)}-${(0x3a00 + i).toString(16)}`;
      out.push(
        `{"time":"${at(t)}","level":"ERROR","msg":"upload failed","request_id":"${id}","tenant":"${tenant}","file":"${file}","bytes":${180000 + i * 40213},"err":"commit upload: rename ${tmp} /srv/uploads/${tenant}/2026/11/21/${id}.${file.split('.').pop() ?? 'pdf'}: invalid cross-device link"}`,
        `{"time":"${at(t - 0.001)}","level":"INFO","msg":"request","method":"POST","path":"/v1/documents","status":500,"dur_ms":${140 + i * 13},"request_id":"${id}"}`,
      );
      if (i % 3 === 0) out.push(`{"time":"${at(t - 2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/documents/${tenant}/recent","status":200,"dur_ms":${9 + i}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout100-upload-spool-emptydir-cross-device-rename',
    class: 'config',
    truth: 'doc-intake writes each multipart upload to UPLOAD_TMP_DIR and then renames it into /srv/uploads, the EFS claim doc-intake-uploads. Revision 14 (chart 4.3.0, 131 minutes ago) made the root filesystem read-only and moved UPLOAD_TMP_DIR from /srv/uploads/.incoming (same EFS filesystem) to /scratch/incoming on a new emptyDir. rename(2) cannot cross filesystems, so since then every upload fails with "rename …: invalid cross-device link" (EXDEV) and POST /v1/documents returns 500, while pods stay Running and Ready and reads keep working. Fix: roll back to revision 13, or put the spool directory on the same volume as /srv/uploads (or copy + remove instead of rename).',
    ask: { service: 'doc-intake', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ocr.objects, claim, efs,
      ...exposed({ namespace: ns, name: 'doc-intake', selector: { app: 'doc-intake' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'doc-ocr', selector: { app: 'doc-ocr' }, pods: ocr.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: intakeLog(p, k) })),
      ...ocr.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(61)}","level":"INFO","msg":"poll","queue":"doc-ocr-requests","received":0}`, `{"time":"${at(1)}","level":"INFO","msg":"poll","queue":"doc-ocr-requests","received":0}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cross-device|EXDEV|rename/i, /\b14\b|emptyDir|scratch|UPLOAD_TMP_DIR/i],
      facts: [/emptyDir|\/scratch/i, /doc-intake-uploads|\/srv\/uploads|EFS|same (file ?system|volume)/i, /roll ?back|revert|UPLOAD_TMP_DIR|same (file ?system|volume)/i],
      never: [/\bOOM/, /ENOSPC|no space left|disk (is )?full/i, /EACCES|permission denied/i, /doc-ocr[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 6. Node 16 → 18: DNS results verbatim, IPv6 dialed first in an IPv4-only VPC (ENETUNREACH) ----

function nodeIpv6FirstEnetunreach(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.203', ['12', '98', '177']);
  const image = (v: string) => `${ECR}/notifications/push-dispatcher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'FCM_ENDPOINT', value: 'https://fcm.googleapis.com/v1/projects/acme-shop-prod/messages:send' },
        { name: 'REDIS_URL', value: 'redis://push-queue-redis.notifications.svc.cluster.local:6379/0' },
        { name: 'UV_THREADPOOL_SIZE', value: '16' },
      ],
      envFrom: [{ configMapRef: { name: 'push-dispatcher-config' } }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'push-dispatcher',
    replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 17 * DAYS, changeCause: 'argocd: push-dispatcher 5.4.1', template: tpl('5.4.1') },
      { revision: 41, createdAgo: 76, changeCause: 'argocd: push-dispatcher 5.5.0', template: tpl('5.5.0') },
    ],
    pods: [{ revision: 41, node: names[1] ?? '', createdAgo: 75.6 }, { revision: 41, node: names[2] ?? '', createdAgo: 74.9 }],
  });
  const redis = deploymentApp({
    namespace: ns,
    name: 'push-queue-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }), memory: '1Gi' })] } }],
    pods: [{ revision: 3, node: names[0] ?? '', createdAgo: 33 * DAYS }],
  });
  const v6 = ['2a00:1450:4001:82f::200a', '2a00:1450:4001:80b::200a', '2a00:1450:4001:811::200a'];
  const dispatcherLog = (p: k8s.V1Pod, k: number) => {
    const h = nameOf(p);
    const out = [
      `{"level":30,"time":${epochMs(75.3 - k)},"pid":1,"hostname":"${h}","msg":"push-dispatcher 5.5.0 starting","node":"v18.20.5","fcm":"https://fcm.googleapis.com","concurrency":32}`,
      `{"level":30,"time":${epochMs(75.2 - k)},"pid":1,"hostname":"${h}","msg":"connected to redis","url":"redis://push-queue-redis.notifications.svc.cluster.local:6379/0"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 74 - i * 6 - k * 0.4;
      const addr = v6[(i + k) % 3] ?? '';
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${h}","msg":"FCM send failed","messageId":"msg_${(88120 + i * 37 + k).toString(36)}","attempt":${(i % 3) + 1},"err":{"type":"Error","message":"connect ENETUNREACH ${addr}:443 - Local (:::0)","stack":"Error: connect ENETUNREACH ${addr}:443 - Local (:::0)\\n    at internalConnect (node:net:1094:16)\\n    at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18)\\n    at node:net:1287:9\\n    at process.processTicksAndRejections (node:internal/process/task_queues:77:11)","errno":-101,"code":"ENETUNREACH","syscall":"connect","address":"${addr}","port":443}}`);
      if (i % 4 === 1) out.push(`{"level":40,"time":${epochMs(t - 0.05)},"pid":1,"hostname":"${h}","msg":"retry queue growing","queue":"push:retry","depth":${4100 + i * 1730 + k * 211}}`);
    }
    out.push(`{"level":30,"time":${epochMs(0.5)},"pid":1,"hostname":"${h}","req":{"method":"GET","url":"/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`);
    return lines(...out);
  };
  return {
    id: 'heldout100-node18-ipv6-first-enetunreach',
    class: 'network',
    truth: 'push-dispatcher 5.5.0 (revision 41, 76 minutes ago) moved from Node 16 to Node 18, whose DNS lookups return addresses in resolver order ("verbatim") instead of IPv4 first. fcm.googleapis.com answers with AAAA records, so the HTTP client now dials the IPv6 address first; the VPC and pods are IPv4-only, so every FCM send fails at once with "connect ENETUNREACH 2a00:1450:…:443" and the retry queue grows. Pods stay Running and Ready; in-cluster Redis (IPv4) works. Fix: roll back to revision 40, or start Node with --dns-result-order=ipv4first (or dns.setDefaultResultOrder / family: 4 / autoSelectFamily).',
    ask: { service: 'push-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'push-dispatcher', selector: { app: 'push-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'push-queue-redis', selector: { app: 'push-queue-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      configMap({ namespace: ns, name: 'push-dispatcher-config', createdAgo: 300 * DAYS, updatedAgo: 17 * DAYS, data: { LOG_LEVEL: 'info', FCM_TIMEOUT_MS: '10000', MAX_RETRIES: '5', APNS_ENABLED: 'false' } }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: dispatcherLog(p, k) })),
      logsFor(podOf(redis, 0), 'redis', { current: lines('1:M 21 Nov 2026 02:58:11.004 * 10000 changes in 60 seconds. Saving...', '1:M 21 Nov 2026 02:58:11.007 * Background saving started by pid 2214', '2214:C 21 Nov 2026 02:58:11.390 * DB saved on disk', '1:M 21 Nov 2026 02:58:11.409 * Background saving terminated with success') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ENETUNREACH|IPv6|unreachable/i, /\b41\b|5\.5\.0|node ?18/i],
      facts: [/IPv6|AAAA|2a00:1450/i, /ipv4first|dns-result-order|setDefaultResultOrder|autoSelectFamily|family|IPv4|roll ?back/i, /fcm\.googleapis\.com|FCM/i],
      never: [/network ?polic/i, /NXDOMAIN|EAI_AGAIN|DNS (resolution )?(fail|time)/i, /\bOOM/, /push-queue-redis[^\n]*(down|fail|caus)/i],
    },
  };
}

// ---- 7. healthy control: istio-proxy's routine xDS stream reconnect warnings ------------------------

function istioProxyBenignWarnings(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['50', '118', '241']);
  const image = `${ECR}/shop/storefront:8.14.2`;
  const proxyImage = 'docker.io/istio/proxyv2:1.23.3';
  const proxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1337, runAsGroup: 1337 },
  });
  const init = container({ name: 'istio-init', image: proxyImage, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'], ports: [], readiness: null, liveness: null, cpu: '100m', memory: '128Mi' });
  const tpl = {
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}', 'prometheus.io/path': '/stats/prometheus', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true' },
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'storefront', 'service.istio.io/canonical-revision': '8.14.2' },
    initContainers: [init],
    containers: [container({ image, ports: [3000], cpu: '300m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CATALOG_URL', value: 'http://catalog-api.catalog.svc.cluster.local' }], readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }) }), proxy],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront 8.14.1', template: { ...tpl, containers: [container({ image: `${ECR}/shop/storefront:8.14.1`, ports: [3000], cpu: '300m', memory: '512Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }) }), proxy] } },
      { revision: 64, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront 8.14.2', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const proxyLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = 175 - i * 30 - k * 3.7;
      out.push(
        `${at(t)}	warning	envoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:190	StreamAggregatedResources gRPC config stream to xds-grpc closed since ${1790 + i * 3 + k}s ago: 13, 	thread=15`,
        `${at(t - 0.002)}	info	xdsproxy	connected to delta upstream XDS server: istiod.istio-system.svc:15012	id=${87 + i}`,
        `${at(t - 0.01)}	warning	envoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:190	StreamAggregatedResources gRPC config stream to xds-grpc closed: 0, 	thread=15`,
      );
      if (i % 2 === 0) out.push(`${at(t - 4)}	info	ads	XDS: Incremental Pushing ConnectedEndpoints:1 Version:2026-11-21T0${i}:1${k}:22Z/4${i}1`);
    }
    out.push(`[${at(0.8)}] "GET /api/products/SKU-88213 HTTP/1.1" 200 - via_upstream - "-" 0 4211 38 37 "-" "Mozilla/5.0" "9f1c2e3a-7b4d-4e2a-a1c0-${k}e8d7c6b5a49" "storefront.shop.svc.cluster.local" "127.0.0.6:3000" inbound|3000|| 127.0.0.6:48213 ${ipOfPod(p)}:3000 10.0.12.88:51244 outbound_.80_._.storefront.shop.svc.cluster.local default`);
    return lines(...out);
  };
  const appLog = (k: number) => lines(
    `{"level":"info","time":"${at(2.2 - k * 0.1)}","msg":"GET /api/products/SKU-10452 200 in 42ms"}`,
    `{"level":"warn","time":"${at(1.6 - k * 0.1)}","msg":"catalog-api slow response","path":"/v2/products/SKU-77310","duration_ms":812}`,
    `{"level":"info","time":"${at(0.5 - k * 0.1)}","msg":"GET /api/cart 200 in 11ms"}`,
  );
  return {
    id: 'heldout100-istio-proxy-benign-xds-warnings',
    class: 'healthy',
    truth: 'storefront is healthy: three revision-64 pods (3 days old) are Running and Ready with no restarts and serve requests. The istio-proxy sidecars log "StreamAggregatedResources gRPC config stream to xds-grpc closed … 13" every ~30 minutes: istiod closes xDS streams at its max connection age and the proxy reconnects at once ("connected to delta upstream XDS server") — routine Istio behaviour, not a failure. Nothing to do.',
    ask: { service: 'storefront', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: proxyLog(p, k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|all .*ready|3\/3|running/i],
      facts: [/3\/3|3 of 3|all 3|three/i],
      never: [/istiod[^\n]*(down|unreachable|fail)/i, /(restart|roll ?back)[^\n]*(istio|envoy|sidecar)/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mongoDriverWireVersion(),
  gcsfuseSidecarDied(),
  kafkaXfsStructureNeedsCleaning(),
  dotnetChiseledNoGssapi(),
  uploadSpoolCrossDevice(),
  nodeIpv6FirstEnetunreach(),
  istioProxyBenignWarnings(),
];

