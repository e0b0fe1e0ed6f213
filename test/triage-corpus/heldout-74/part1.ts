// Held-out stories, seventy-fourth round, part one: an XFS volume restored from a snapshot of
// another volume and mounted on the same node as its source, so the kernel refuses the duplicate
// filesystem UUID; an Apache httpd whose KeepAliveTimeout was raised to 120 s with prefork's 40
// workers, so it sits at MaxRequestWorkers (AH00161) and its callers time out; Istio sidecar
// injection turned on for a namespace whose nginx frontend proxies with nginx's default
// HTTP/1.0, which Envoy answers 426 Upgrade Required; an ASP.NET Core service whose
// ASPNETCORE_URLS moved to https with no certificate configured, so Kestrel crashes at start; a
// Kong image upgraded without `kong migrations up`, so Kong refuses to start on pending
// migrations; a Sinatra image whose Gemfile.lock lists only arm64-darwin, so frozen Bundler
// refuses x86_64-linux; and a healthy control: Apache httpd printing AH00558 at every start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clusterIpOf, backOff, configMap, container, containerStatus, crashLoop, deploymentApp, event, exposed, httpProbe,
  namespace, nameOf, probeFailed, pv, pvc, rsOf, running, scaledReplicaSet, scheduled, startedNormally, tcpProbe, waiting,
  execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Apache's error-log time: `Sat Nov 21 03:12:41.563211 2026`. */
function apacheTime(minutes: number): string {
  const d = new Date(at(minutes));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000 + 211, 6)} ${d.getUTCFullYear()}`;
}
/** Common log format time: `21/Nov/2026:03:12:41 +0000`. */
function clf(minutes: number): string {
  const d = new Date(at(minutes));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. an XFS clone restored from a snapshot, mounted beside its source: duplicate UUID ------------

function xfsSnapshotCloneDuplicateUuid(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '230']);
  const node0 = names[0] ?? '';
  const pgImage = 'docker.io/library/postgres:16.4';
  const pgContainer = (): k8s.V1Container => container({
    name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
    env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'warehouse' }],
    readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
    liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
  });
  const source = deploymentApp({
    namespace: ns,
    name: 'warehouse-pg',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{ revision: 6, createdAgo: 64 * DAYS, template: { containers: [pgContainer()], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'warehouse-pg-data' } }], nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' } } }],
    pods: [{ revision: 6, node: node0, createdAgo: 12 * DAYS }],
  });
  const clone = deploymentApp({
    namespace: ns,
    name: 'reporting-pg',
    replicas: 1,
    strategy: { type: 'Recreate' },
    createdAgo: 26,
    revisions: [{ revision: 1, createdAgo: 26, changeCause: 'reporting copy restored from warehouse-pg-data-snap-20261121', template: { containers: [pgContainer()], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'reporting-pg-data' } }], nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' } } }],
    pods: [{ revision: 1, node: node0, createdAgo: 25.5, ready: false, containers: { postgres: waiting('ContainerCreating') } }],
  });
  const xfs = (v: k8s.V1PersistentVolume): k8s.V1PersistentVolume => ({ ...v, spec: { ...v.spec, storageClassName: 'gp3-xfs', csi: { ...(v.spec?.csi ?? { driver: 'ebs.csi.aws.com', volumeHandle: '' }), fsType: 'xfs' } } });
  const srcPv = xfs(pv({ name: 'pvc-5e1b7c02-91d4-4f3a-9c1e-0b7d2a6f4e11', storage: '200Gi', zone: 'eu-west-1a', claim: { namespace: ns, name: 'warehouse-pg-data' }, storageClass: 'gp3-xfs', createdAgo: 64 * DAYS, csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a4c19e27d5b8f301' } }));
  const clonePv = xfs(pv({ name: 'pvc-c83f20a9-6d1e-4b77-8a05-2f9e41d6b3c8', storage: '200Gi', zone: 'eu-west-1a', claim: { namespace: ns, name: 'reporting-pg-data' }, storageClass: 'gp3-xfs', createdAgo: 25.8, csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-07e2d95b1c0a46f8e' } }));
  const srcClaim = pvc({ namespace: ns, name: 'warehouse-pg-data', storage: '200Gi', storageClass: 'gp3-xfs', phase: 'Bound', volumeName: nameOf(srcPv), createdAgo: 64 * DAYS });
  const cloneClaimBase = pvc({ namespace: ns, name: 'reporting-pg-data', storage: '200Gi', storageClass: 'gp3-xfs', phase: 'Bound', volumeName: nameOf(clonePv), createdAgo: 26 });
  const cloneClaim: k8s.V1PersistentVolumeClaim = {
    ...cloneClaimBase,
    spec: { ...cloneClaimBase.spec, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'warehouse-pg-data-snap-20261121' }, dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'warehouse-pg-data-snap-20261121' } },
  };
  const cp = podOf(clone, 0);
  const sp = podOf(source, 0);
  const globalmount = '/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/4f6b1e0c9d3a27e85b1f6c0d2a9e7b3415c8d6f0e2a1b9c7d5e3f1a0b8c6d4e2/globalmount';
  const mountDevice = `MountVolume.MountDevice failed for volume "${nameOf(clonePv)}" : rpc error: code = Internal desc = could not format "/dev/nvme2n1" and mount it at "${globalmount}": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t xfs -o defaults /dev/nvme2n1 ${globalmount}\nOutput: mount: ${globalmount}: wrong fs type, bad option, bad superblock on /dev/nvme2n1, missing codepage or helper program, or other error.\n       dmesg(1) may have more information after failed mount system call.\n`;
  const uuid = '8d2f6a41-3c7e-4b09-a1d5-6e9f02b7c3a8';
  const other = bystander(ns, 'dbt-runner-api', names, 90, { revisions: [11, 12], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  return {
    id: 'heldout74-xfs-snapshot-clone-duplicate-uuid',
    class: 'storage',
    truth: 'reporting-pg is a reporting copy of warehouse-pg whose claim reporting-pg-data was restored 26 minutes ago from a VolumeSnapshot of warehouse-pg-data. The volumes are XFS, and a volume restored from a snapshot carries the same filesystem UUID as its source. The new pod was scheduled onto the very node where warehouse-pg already has its source volume mounted, so the kernel refuses the second mount ("XFS (nvme2n1): Filesystem has duplicate UUID ... - can\'t mount") and mount reports "wrong fs type, bad option, bad superblock"; the pod stays ContainerCreating. Fix: mount with -o nouuid (mountOptions on the StorageClass/PV), run xfs_admin -U generate on the clone, or keep the clone off the source\'s node.',
    ask: { service: 'reporting-pg', namespace: ns },
    objects: [
      ...nodes, ...source.objects, ...clone.objects, ...other.objects, srcPv, clonePv, srcClaim, cloneClaim,
      ...exposed({ namespace: ns, name: 'warehouse-pg', selector: { app: 'warehouse-pg' }, pods: source.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'reporting-pg', selector: { app: 'reporting-pg' }, pods: clone.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(clone), rsOf(clone, 1), 1, 0, 26),
      event({ on: cloneClaim, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/reporting-pg-data"`, firstAgo: 26, lastAgo: 26, component: 'ebs.csi.aws.com_ebs-csi-controller-7c9d8b6f5-x2kqp_3b0e5d1a-8f2c-4e6b-9a7d-1c5e0f3b2a94' }),
      event({ on: cloneClaim, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${nameOf(clonePv)}`, firstAgo: 25.8, lastAgo: 25.8, component: 'ebs.csi.aws.com_ebs-csi-controller-7c9d8b6f5-x2kqp_3b0e5d1a-8f2c-4e6b-9a7d-1c5e0f3b2a94' }),
      scheduled(cp, 25.5),
      event({ on: cp, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${nameOf(clonePv)}" `, firstAgo: 25.1, lastAgo: 25.1, component: 'attachdetach-controller' }),
      event({ on: cp, reason: 'FailedMount', message: mountDevice, count: 14, firstAgo: 24.9, lastAgo: 0.9 }),
      event({ on: cp, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 11, firstAgo: 23.3, lastAgo: 1.3 }),
      event({ on: { kind: 'Node', name: node0 }, reason: 'XFSMountFailure', message: `kernel: XFS (nvme2n1): Filesystem has duplicate UUID ${uuid} - can't mount`, count: 14, firstAgo: 24.9, lastAgo: 0.9, component: 'kernel-monitor' }),
    ],
    logs: [
      logsFor(sp, 'postgres', { current: lines(`2026-11-21 02:50:11.204 UTC [2211] LOG:  checkpoint starting: time`, `2026-11-21 02:54:41.772 UTC [2211] LOG:  checkpoint complete: wrote 2811 buffers (2.1%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.915 s, sync=0.212 s, total=270.566 s; sync files=61, longest=0.041 s, average=0.004 s; distance=41221 kB, estimate=44102 kB; lsn=A2/4D1E0F88, redo lsn=A2/4B7C2A10`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/uuid|xfs|snapshot|nouuid|clone/i],
      facts: [/duplicate UUID|same (filesystem )?UUID|nouuid/i, /snapshot|warehouse-pg/i],
      never: [/multi-?attach/i, /disk (is )?full|no space|quota/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 2. Apache prefork at MaxRequestWorkers after KeepAliveTimeout went to 120 s --------------------

function apacheMaxRequestWorkers(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.118', ['22', '167', '205']);
  const image = `${ECR}/docs/docs-portal:2024.11.3`;
  const conf = [
    'LoadModule mpm_prefork_module modules/mod_mpm_prefork.so',
    'Listen 8080',
    'KeepAlive On',
    'MaxKeepAliveRequests 500',
    'KeepAliveTimeout 120',
    '<IfModule mpm_prefork_module>',
    '    StartServers             5',
    '    MinSpareServers          5',
    '    MaxSpareServers         10',
    '    ServerLimit             40',
    '    MaxRequestWorkers       40',
    '    MaxConnectionsPerChild   0',
    '</IfModule>',
    'ExtendedStatus On',
    '<Location "/server-status">',
    '    SetHandler server-status',
    '    Require ip 127.0.0.1 10.0.0.0/8',
    '</Location>',
    '',
  ].join('\n');
  const tpl = {
    containers: [container({
      name: 'httpd', image, ports: [8080], cpu: '500m', memory: '512Mi',
      readiness: httpProbe('/healthz.html', 8080, { timeoutSeconds: 2 }),
      liveness: tcpProbe(8080, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'mpm', mountPath: '/usr/local/apache2/conf/extra/tuning.conf', subPath: 'tuning.conf' }],
    })],
    volumes: [{ name: 'mpm', configMap: { name: 'docs-portal-tuning' } }],
    annotations: { 'checksum/config': '9b3e6c1f0d2a4e58b7c91a3f6d0e2b4c8a5f7e1d3c9b0a2e4f6d8c1b3a5e7f90' },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-portal',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, template: { ...tpl, annotations: { 'checksum/config': '1f0e3d5c7b9a2e4d6c8b0a1f3e5d7c9b2a4e6d8c0b1a3f5e7d9c2b4a6e8d0c1f' } } },
      { revision: 19, createdAgo: 2 * HOURS + 5, changeCause: 'helm upgrade docs-portal: keepalive tuning for CDN origin (INFRA-4471)', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k, ready: k === 2, containers: { httpd: running({ sinceAgo: 2 * HOURS + 3 - k, ready: k === 2 }) } })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const cm = configMap({ namespace: ns, name: 'docs-portal-tuning', createdAgo: 210 * DAYS, updatedAgo: 2 * HOURS + 5, data: { 'tuning.conf': conf } });
  const webImage = `${ECR}/docs/docs-web:5.2.0`;
  const web = deploymentApp({
    namespace: ns,
    name: 'docs-web',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 6 * DAYS, template: { containers: [container({ name: 'nginx', image: webImage, ports: [8080], memory: '128Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 40, node: names[k + 1] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const portalSvc = exposed({ namespace: ns, name: 'docs-portal', selector: { app: 'docs-portal' }, pods: app.pods });
  const portalIp = clusterIpOf(portalSvc, 'docs-portal');
  const httpdLog = (k: number) => {
    const out = [
      `[${apacheTime(2 * HOURS + 3 - k)}] [mpm_prefork:notice] [pid 1:tid 139872204531584] AH00163: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
      `[${apacheTime(2 * HOURS + 3 - k)}] [core:notice] [pid 1:tid 139872204531584] AH00094: Command line: 'httpd -D FOREGROUND'`,
      `10.0.${118 + k}.${40 + k} - - [${clf(2 * HOURS - k)}] "GET /guides/getting-started HTTP/1.1" 200 18422 "-" "Amazon CloudFront"`,
      `[${apacheTime(97 - k * 3)}] [mpm_prefork:error] [pid 1:tid 139872204531584] AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting`,
    ];
    for (let i = 0; i < 10; i++) out.push(`10.0.${118 + ((i + k) % 3)}.${60 + i} - - [${clf(9 - i * 0.8)}] "GET /api-reference/v${2 + (i % 2)}/index.html HTTP/1.1" 200 ${40211 + i * 17} "-" "Amazon CloudFront"`);
    out.push(`127.0.0.1 - - [${clf(0.3)}] "GET /server-status?auto HTTP/1.1" 200 1312 "-" "curl/8.5.0"`);
    return lines(...out);
  };
  const events: k8s.CoreV1Event[] = app.pods.slice(0, 2).map((p) => probeFailed(p, 'httpd', 'Readiness', `Get "http://${ipOfPod(p)}:8080/healthz.html": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 212, firstAgo: 96, lastAgo: 0.2 }));
  return {
    id: 'heldout74-apache-prefork-max-request-workers',
    class: 'config',
    truth: 'Revision 19 of docs-portal (2 hours ago) changed its httpd tuning ConfigMap: KeepAliveTimeout went from 5 to 120 seconds with MaxKeepAliveRequests 500, while prefork stays at MaxRequestWorkers 40. With prefork every idle keep-alive connection from the CDN and docs-web holds a whole worker process for up to two minutes, so each pod hits "AH00161: server reached MaxRequestWorkers setting", new connections queue in the listen backlog, readiness probes and callers time out. Fix: bring KeepAliveTimeout back to a few seconds (or move to mpm_event and raise MaxRequestWorkers).',
    ask: { service: 'docs-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, cm,
      ...portalSvc,
      ...exposed({ namespace: ns, name: 'docs-web', selector: { app: 'docs-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 2 * HOURS + 2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 2 * HOURS),
      ...events,
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'httpd', { current: httpdLog(k) })),
      ...web.pods.map((p, k) => logsFor(p, 'nginx', { current: lines(
        `${ngxTime(6 - k)} [error] 29#29: *${88123 + k} upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.118.${70 + k}, server: docs.example.com, request: "GET /guides/sdk/python HTTP/1.1", upstream: "http://${portalIp}:80/guides/sdk/python", host: "docs.example.com"`,
        `${ngxTime(2 - k)} [error] 29#29: *${88911 + k} upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.167.${12 + k}, server: docs.example.com, request: "GET /api-reference/v3/ HTTP/1.1", upstream: "http://${portalIp}:80/api-reference/v3/", host: "docs.example.com"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MaxRequestWorkers|AH00161|worker/i],
      facts: [/KeepAlive/i, /MaxRequestWorkers|AH00161/i],
      never: [/\bOOM/, /crash ?loop/i, /docs-web[^\n]*(cause|broke|fail)/i],
    },
  };
}

// ---- 3. Istio injection turned on: nginx proxies with HTTP/1.0, Envoy answers 426 ---------------------

function istioNginxHttp10Upgrade426(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '133', '251']);
  const nsObj = namespace({ name: ns, createdAgo: 300 * DAYS, labels: { 'kubernetes.io/metadata.name': ns, 'istio-injection': 'enabled' }, labelledAgo: 48 });
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const sidecar = container({ name: 'istio-proxy', image: proxyImage, ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 4 }), liveness: null });
  const initc = container({ name: 'istio-init', image: proxyImage, ports: [], readiness: null, liveness: null, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'] });
  const inject = (app: Built, main: string, sinceAgo: number) => app.pods.forEach((p, i) => {
    p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': main }, annotations: { ...p.metadata?.annotations, 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}' } };
    if (p.spec) p.spec = { ...p.spec, initContainers: [initc], containers: [...p.spec.containers, sidecar] };
    p.status?.containerStatuses?.push(containerStatus(sidecar, running({ sinceAgo: sinceAgo - i }), `${ns}/${nameOf(p)}`));
  });
  const webImage = `${ECR}/storefront/storefront-web:7.14.0`;
  const nginxConf = [
    'upstream catalog { server catalog-api.storefront.svc.cluster.local:8080; keepalive 32; }',
    'server {',
    '  listen 8080;',
    '  root /usr/share/nginx/html;',
    '  location /api/ {',
    '    proxy_pass http://catalog/;',
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Request-Id $request_id;',
    '    proxy_read_timeout 15s;',
    '  }',
    '  location / { try_files $uri /index.html; }',
    '}',
    '',
  ].join('\n');
  const web = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 2,
    revisions: [{ revision: 52, createdAgo: 11 * DAYS, template: { containers: [container({ name: 'nginx', image: webImage, ports: [8080], memory: '128Mi', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'storefront-web-nginx' } }], annotations: { 'kubectl.kubernetes.io/restartedAt': at(41) } } }],
    pods: [0, 1].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 41 - k })),
  });
  const apiImage = `${ECR}/storefront/catalog-api:3.8.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [{ revision: 27, createdAgo: 6 * DAYS, template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi' })], annotations: { 'kubectl.kubernetes.io/restartedAt': at(43) } } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 43 - k })),
  });
  inject(web, 'storefront-web', 40.8);
  inject(api, 'catalog-api', 42.8);
  const cm = configMap({ namespace: ns, name: 'storefront-web-nginx', createdAgo: 180 * DAYS, data: { 'default.conf': nginxConf } });
  const paths = ['/api/products?category=shoes', '/api/products/88213', '/api/cart', '/api/products?category=bags', '/api/recommendations'];
  const webLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) out.push(`10.0.${140 + (i % 3)}.${20 + i} - - [${clf(8 - i * 0.6 - k * 0.1)}] "GET ${paths[(i + k) % paths.length]} HTTP/1.1" 426 0 "https://shop.example.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"`);
    out.push(`10.0.141.77 - - [${clf(0.5)}] "GET /index.html HTTP/1.1" 200 2210 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"`);
    return lines(...out);
  };
  const apiSvc = exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: api.pods });
  const apiIp = clusterIpOf(apiSvc, 'catalog-api');
  const proxyLog = (k: number) => {
    const out = [
      `${at(40.7 - k)}\tinfo\tEnvoy proxy is ready`,
    ];
    for (let i = 0; i < 8; i++) out.push(`[${at(7.9 - i * 0.7 - k * 0.1)}] "- - HTTP/1.0" 426 - - - "-" 0 0 0 - "-" "-" "-" "-" "-" - - ${apiIp}:8080 ${ipOfPod(podOf(web, k))}:41${20 + i}6 - -`);
    return lines(...out);
  };
  return {
    id: 'heldout74-istio-nginx-http10-upgrade-required',
    class: 'network',
    truth: 'The storefront namespace was labelled istio-injection=enabled 48 minutes ago and both Deployments were restarted, so their pods now carry Envoy sidecars. storefront-web\'s nginx proxies /api/ to catalog-api with nginx\'s default upstream protocol HTTP/1.0 (its config has no proxy_http_version 1.1). Envoy does not accept HTTP/1.0 by default and answers 426 Upgrade Required, so every /api/ call of the storefront returns 426 while catalog-api itself is healthy. Fix: proxy_http_version 1.1 (and an empty Connection header) in the nginx config, or accept HTTP/1.0 in the mesh.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      nsObj, ...nodes, ...web.objects, ...api.objects, cm,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      ...apiSvc,
      ...web.pods.flatMap((p, i) => startedNormally(p, 'nginx', webImage, 41 - i)),
    ],
    logs: [
      ...web.pods.map((p, k) => logsFor(p, 'nginx', { current: webLog(k) })),
      ...web.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: proxyLog(k) })),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(40)}","level":"info","msg":"listening on :8080"}`, `{"ts":"${at(0.6)}","level":"info","msg":"GET /healthz","status":200}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/426|HTTP\/1\.0|proxy_http_version|upgrade required/i],
      facts: [/istio|envoy|sidecar/i, /proxy_http_version|HTTP\/1\.1/i],
      never: [/catalog-api[^\n]*(crash|down|not ready|unavailable)/i, /NetworkPolicy/i, /\bmTLS\b[^\n]*(strict|mismatch)/i],
    },
  };
}

// ---- 4. ASP.NET Core: ASPNETCORE_URLS switched to https without a certificate ----------------------

function kestrelHttpsNoCertificate(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['17', '144', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, https: boolean) => ({
    containers: [container({
      image: image(v), ports: [https ? { name: 'https', containerPort: 8443 } : 8080], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'ASPNETCORE_URLS', value: https ? 'https://+:8443' : 'http://+:8080' },
        { name: 'ConnectionStrings__Billing', value: 'Host=billing-db.billing.svc.cluster.local;Database=billing;Username=invoice_api' },
      ],
      readiness: https ? { httpGet: { path: '/health/ready', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } : httpProbe('/health/ready', 8080),
      liveness: https ? { httpGet: { path: '/health/live', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } : httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const stack = [
    'crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]',
    '      Application startup exception',
    '      System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
    "      To generate a developer certificate run 'dotnet dev-certs https'. To trust the certificate (Windows and macOS only) run 'dotnet dev-certs https --trust'.",
    '      For more information on configuring HTTPS see https://go.microsoft.com/fwlink/?linkid=848054.',
    '         at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions, Action`1 configureOptions)',
    '         at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.AddressesStrategy.BindAsync(AddressBindContext context, CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.BindAsync(ListenOptions[] listenOptions, AddressBindContext context, Func`2 useHttps, CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.BindAsync(CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.StartAsync[TContext](IHttpApplication`1 application, CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Hosting.GenericWebHostService.StartAsync(CancellationToken cancellationToken)',
    'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
    "To generate a developer certificate run 'dotnet dev-certs https'. To trust the certificate (Windows and macOS only) run 'dotnet dev-certs https --trust'.",
    'For more information on configuring HTTPS see https://go.microsoft.com/fwlink/?linkid=848054.',
    '   at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions, Action`1 configureOptions)',
    '   at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.AddressesStrategy.BindAsync(AddressBindContext context, CancellationToken cancellationToken)',
    '   at Microsoft.AspNetCore.Hosting.GenericWebHostService.StartAsync(CancellationToken cancellationToken)',
    '   at Microsoft.Extensions.Hosting.Internal.Host.<StartAsync>b__15_1(IHostedService service, CancellationToken token)',
    '   at Microsoft.Extensions.Hosting.Internal.Host.StartAsync(CancellationToken cancellationToken)',
    '   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(IHost host, CancellationToken token)',
    '   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Run(IHost host)',
    '   at Program.<Main>$(String[] args) in /src/InvoiceApi/Program.cs:line 61',
  ];
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 33, createdAgo: 13 * DAYS, changeCause: 'argocd: invoice-api 4.7.2', template: tpl('4.7.2', false) },
      { revision: 34, createdAgo: 24, changeCause: 'argocd: invoice-api 4.7.2 (tls-everywhere: listen https)', template: tpl('4.7.2', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 13 * DAYS - k })),
      { revision: 34, node: names[1] ?? '', createdAgo: 23.5, ready: false, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 1.8, ranSeconds: 1 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'payment-webhooks', names, 70, { revisions: [8, 9], versions: ['2.0.4', '2.0.5'], olderAgo: 30 * DAYS });
  const crashed = lines(
    `warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]`,
    `      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning`,
    ...stack,
  );
  return {
    id: 'heldout74-kestrel-https-without-certificate',
    class: 'config',
    truth: 'Revision 34 of invoice-api (24 minutes ago, same image 4.7.2) changed only its environment: ASPNETCORE_URLS moved from http://+:8080 to https://+:8443 for a "TLS everywhere" initiative, but no certificate was configured (no Kestrel:Certificates:Default path/password, no mounted cert). Kestrel in Production has no developer certificate, so startup throws "Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date" and the process aborts (exit 134). The new pod crash-loops; the three revision-33 pods keep serving over http. Fix: mount a certificate and set ASPNETCORE_Kestrel__Certificates__Default__Path/Password, or revert ASPNETCORE_URLS.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, 24),
      scheduled(fresh, 23.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.7.2')}" already present on machine`, count: 10, firstAgo: 23.4, lastAgo: 1.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', count: 10, firstAgo: 23.4, lastAgo: 1.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', count: 10, firstAgo: 23.4, lastAgo: 1.9, fieldPath: 'spec.containers{app}' }),
      backOff(fresh, 'app', { count: 104, firstAgo: 23.2, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines('info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://[::]:8080', 'info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.', 'info: Microsoft.Hosting.Lifetime[0]', '      Hosting environment: Production') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/certificate|cert\b|https/i],
      facts: [/ASPNETCORE_URLS|https:\/\/\+:8443/i, /No server certificate|certificate/i],
      never: [/\bOOM/, /address already in use|port[^\n]*in use/i, /image[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 5. Kong upgraded without `kong migrations up` ---------------------------------------------------

function kongPendingMigrations(): CorpusScenario {
  const ns = 'gateway';
  const { nodes, names } = threeEksNodes('10.0.30', ['12', '131', '240']);
  const image = (v: string) => `docker.io/library/kong:${v}`;
  const env = [
    { name: 'KONG_DATABASE', value: 'postgres' },
    { name: 'KONG_PG_HOST', value: 'kong-db.cluster-cq8x1v2n4m.eu-west-1.rds.amazonaws.com' },
    { name: 'KONG_PG_DATABASE', value: 'kong' },
    { name: 'KONG_PG_USER', value: 'kong' },
    { name: 'KONG_PROXY_LISTEN', value: '0.0.0.0:8000' },
    { name: 'KONG_ADMIN_LISTEN', value: '127.0.0.1:8444 ssl' },
    { name: 'KONG_STATUS_LISTEN', value: '0.0.0.0:8100' },
    { name: 'KONG_PROXY_ACCESS_LOG', value: '/dev/stdout' },
    { name: 'KONG_PROXY_ERROR_LOG', value: '/dev/stderr' },
  ];
  const tpl = (v: string) => ({ containers: [container({ name: 'proxy', image: image(v), env, ports: [{ name: 'proxy', containerPort: 8000 }, { name: 'status', containerPort: 8100 }], cpu: '500m', memory: '1Gi', readiness: httpProbe('/status/ready', 'status', { periodSeconds: 10 }), liveness: httpProbe('/status', 'status', { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'kong',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 21, createdAgo: 75 * DAYS, changeCause: 'kong 3.6.1', template: tpl('3.6.1') },
      { revision: 22, createdAgo: 33, changeCause: 'renovate: bump kong 3.6.1 -> 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 40 * DAYS - k })),
      { revision: 22, node: names[2] ?? '', createdAgo: 32.5, ready: false, containers: { proxy: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 2 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const crashed = lines(
    'Error: /usr/local/share/lua/5.1/kong/cmd/start.lua:61: New migrations available; run \'kong migrations up\' to proceed',
    '',
    '  Run with --v (verbose) or --vv (debug) for more details',
  );
  return {
    id: 'heldout74-kong-upgrade-pending-migrations',
    class: 'rollout',
    truth: 'A Renovate PR bumped the kong image from 3.6.1 to 3.8.0 (revision 22, 33 minutes ago) without running `kong migrations up` / `kong migrations finish` against the Kong Postgres database first. Kong 3.8.0 checks the schema state at start and refuses to run: "New migrations available; run \'kong migrations up\' to proceed" (exit 1), so the new pod crash-loops and the rollout is stuck with the three 3.6.1 pods serving. The database is reachable and healthy. Fix: run `kong migrations up` (then `finish` once all nodes run 3.8.0) from a 3.8.0 container, e.g. the chart\'s migrations Job.',
    ask: { service: 'kong', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'kong-proxy', selector: { app: 'kong' }, pods: app.pods, ports: [{ name: 'proxy', port: 80, targetPort: 'proxy' }], type: 'LoadBalancer', endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 0, 33),
      scheduled(fresh, 32.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.0')}"`, firstAgo: 32.4, lastAgo: 32.4, fieldPath: 'spec.containers{proxy}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.0')}" in 6.201s (6.201s including waiting). Image size: 118412877 bytes.`, firstAgo: 32.3, lastAgo: 32.3, fieldPath: 'spec.containers{proxy}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container proxy', count: 11, firstAgo: 32.3, lastAgo: 2.5, fieldPath: 'spec.containers{proxy}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container proxy', count: 11, firstAgo: 32.3, lastAgo: 2.5, fieldPath: 'spec.containers{proxy}' }),
      backOff(fresh, 'proxy', { count: 141, firstAgo: 32, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'proxy', { previous: crashed }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'proxy', { current: lines(
        `10.0.30.${50 + k} - - [${clf(1.2)}] "GET /v2/orders/99812 HTTP/1.1" 200 812 "-" "okhttp/4.12.0" kong_request_id: "3f9c1a${k}e0b7d2c4a6f8e1d3b5c7a9f0e"`,
        `10.0.131.${60 + k} - - [${clf(0.4)}] "POST /v2/carts HTTP/1.1" 201 211 "-" "okhttp/4.12.0" kong_request_id: "8e2d4b${k}c1a3f5e7d9b0c2a4e6f8d1b3"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/migration/i],
      facts: [/kong migrations (up|finish)|migrations up/i, /3\.8\.0/],
      never: [/\bOOM/, /(postgres|database|db)[^\n]*(down|unreachable|refused|timed? ?out)/i, /image[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 6. Sinatra image with a darwin-only Gemfile.lock: frozen Bundler refuses x86_64-linux ----------

function bundlerPlatformMismatch(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.77', ['40', '158', '212']);
  const image = (v: string) => `${ECR}/loyalty/points-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], ports: [9292], cpu: '250m', memory: '384Mi',
    env: [{ name: 'RACK_ENV', value: 'production' }, { name: 'BUNDLE_DEPLOYMENT', value: '1' }, { name: 'BUNDLE_WITHOUT', value: 'development:test' }, { name: 'REDIS_URL', value: 'redis://loyalty-redis.loyalty.svc.cluster.local:6379/0' }],
    readiness: httpProbe('/health', 9292), liveness: httpProbe('/health', 9292, { initialDelaySeconds: 10 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'points-service',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 58, createdAgo: 4 * DAYS, changeCause: 'argocd: points-service 2.19.0', template: tpl('2.19.0') },
      { revision: 59, createdAgo: 19, changeCause: 'argocd: points-service 2.20.0', template: tpl('2.20.0') },
    ],
    pods: [
      ...[0, 1].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 59, node: names[2] ?? '', createdAgo: 18.6, ready: false, containers: { app: crashLoop({ exitCode: 16, finishedAgo: 2.1, ranSeconds: 1 }, 8) } },
    ],
  });
  const fresh = podOf(app, 2);
  const other = bystander(ns, 'points-expiry-worker', names, 55, { revisions: [14, 15], versions: ['1.3.0', '1.3.1'], olderAgo: 21 * DAYS });
  const crashed = lines(
    'Your bundle only supports platforms ["arm64-darwin-23"] but your local platform is x86_64-linux. Add the current platform to the lockfile with',
    '`bundle lock --add-platform x86_64-linux` and try again.',
  );
  return {
    id: 'heldout74-bundler-lockfile-darwin-only-platform',
    class: 'containers',
    truth: 'points-service 2.20.0 (revision 59, 19 minutes ago) was built from a Gemfile.lock regenerated on a developer\'s Apple-silicon Mac: its PLATFORMS section lists only arm64-darwin-23. The image runs Bundler in deployment (frozen) mode (BUNDLE_DEPLOYMENT=1), which refuses to resolve for another platform: "Your bundle only supports platforms ["arm64-darwin-23"] but your local platform is x86_64-linux", so `bundle exec puma` exits 16 at once and the new pod crash-loops; the two 2.19.0 pods keep serving. Fix: `bundle lock --add-platform x86_64-linux` (commit the lockfile) and rebuild.',
    ask: { service: 'points-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'points-service', selector: { app: 'points-service' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 9292 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 59), 1, 0, 19),
      scheduled(fresh, 18.6),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.20.0')}"`, firstAgo: 18.5, lastAgo: 18.5, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.20.0')}" in 4.877s (4.877s including waiting). Image size: 96341207 bytes.`, firstAgo: 18.4, lastAgo: 18.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', count: 9, firstAgo: 18.4, lastAgo: 2.2, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', count: 9, firstAgo: 18.4, lastAgo: 2.2, fieldPath: 'spec.containers{app}' }),
      backOff(fresh, 'app', { count: 83, firstAgo: 18.2, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed }),
      ...app.pods.slice(0, 2).map((p, k) => logsFor(p, 'app', { current: lines(
        `Puma starting in single mode...`,
        `* Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`,
        `*  Min threads: 5`,
        `*  Max threads: 5`,
        `*  Environment: production`,
        `*          PID: 1`,
        `* Listening on http://0.0.0.0:9292`,
        `Use Ctrl-C to stop`,
        `10.0.77.${90 + k} - - [${clf(0.7)}] "GET /v1/members/44182/points HTTP/1.1" 200 87 0.0123`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/platform|lockfile|Gemfile\.lock|bundler|bundle/i],
      facts: [/x86_64-linux/i, /arm64-darwin|darwin|add-platform/i],
      never: [/\bOOM/, /redis[^\n]*(down|unreachable|refused)/i, /points-expiry-worker/i],
    },
  };
}

// ---- 7. healthy control: Apache httpd printing AH00558 at every start ------------------------------

function healthyHttpdServerNameWarning(): CorpusScenario {
  const ns = 'marketing';
  const { nodes, names } = threeEksNodes('10.0.164', ['19', '120', '233']);
  const image = `${ECR}/marketing/landing-pages:2026.11.20-1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'landing-pages',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 3 * DAYS, template: { containers: [container({ name: 'httpd', image: `${ECR}/marketing/landing-pages:2026.11.17-2`, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/', 8080), liveness: tcpProbe(8080, { initialDelaySeconds: 10 }) })] } },
      { revision: 89, createdAgo: 18 * HOURS, changeCause: 'argocd: landing-pages 2026.11.20-1', template: { containers: [container({ name: 'httpd', image, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/', 8080), liveness: tcpProbe(8080, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 18 * HOURS - k })),
    settled: { available: true, availableSince: 18 * HOURS - 3, progressingSince: 18 * HOURS, progressingUpdatedAgo: 18 * HOURS - 3 },
  });
  const httpdLog = (p: k8s.V1Pod, k: number) => {
    const ip = ipOfPod(p);
    const start = 18 * HOURS - k - 0.1;
    const out = [
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
      `[${apacheTime(start)}] [mpm_event:notice] [pid 1:tid 140262813165440] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
      `[${apacheTime(start)}] [core:notice] [pid 1:tid 140262813165440] AH00094: Command line: 'httpd -D FOREGROUND'`,
      `10.0.164.${30 + k} - - [${clf(4.1 - k * 0.2)}] "GET /black-friday HTTP/1.1" 200 24817`,
      `10.0.120.${44 + k} - - [${clf(3.2 - k * 0.2)}] "GET /favicon.ico HTTP/1.1" 404 196`,
      `10.0.233.${12 + k} - - [${clf(2.5 - k * 0.2)}] "GET /wp-login.php HTTP/1.1" 404 196`,
      `10.0.164.${31 + k} - - [${clf(1.1 - k * 0.2)}] "GET /spring-collection/ HTTP/1.1" 200 19922`,
      `10.0.120.${45 + k} - - [${clf(0.3)}] "GET /assets/hero-2026.webp HTTP/1.1" 304 -`,
    ];
    return lines(...out);
  };
  return {
    id: 'heldout74-healthy-httpd-servername-warning',
    class: 'healthy',
    truth: 'landing-pages runs the official httpd base with no global ServerName, so each container prints "AH00558: Could not reliably determine the server\'s fully qualified domain name" twice at start; a few bots get 404s for /wp-login.php and /favicon.ico. Everything else is fine: revision 89 rolled out 18 hours ago, three pods ready, no restarts, 200s served. Nothing to do.',
    ask: { service: 'landing-pages', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'landing-pages', selector: { app: 'landing-pages' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 89), 3, 2, 18 * HOURS - 2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 0, 1, 18 * HOURS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'httpd', { current: httpdLog(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|fine|ok\b/i],
      facts: [],
      never: [/ServerName|fully qualified|AH00558|FQDN/i, /crash ?loop|not ready|unavailable/i, /404/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  xfsSnapshotCloneDuplicateUuid(),
  apacheMaxRequestWorkers(),
  istioNginxHttp10Upgrade426(),
  kestrelHttpsNoCertificate(),
  kongPendingMigrations(),
  bundlerPlatformMismatch(),
  healthyHttpdServerNameWarning(),
];

