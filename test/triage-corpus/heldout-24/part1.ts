// Held-out stories, twenty-fourth round, part one: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general.
//
// A Recreate rollout whose new pod sits in ContainerCreating while the kubelet re-chowns fourteen
// million files of a 1.5Ti volume for the pod's fsGroup (no fsGroupChangePolicy: OnRootMismatch);
// one node whose chronyd is dead and whose clock runs almost ten minutes behind, so the same
// revision crash-loops there on a service token "not yet valid (iat)" while it runs fine on the
// other nodes; a revision that switched the probes to HTTPS on a management port that still
// speaks plain HTTP ("server gave HTTP response to HTTPS client"); a kustomize patch that appended
// a second PGHOST pointing at the staging database (the last entry wins, 28P01); a selector-less
// Service whose hand-written Endpoints still name the old address of a database that moved; an
// hourly CronJob with concurrencyPolicy Forbid whose run has hung on an SFTP upload for three
// days, so 75 schedules were skipped; and a healthy control: a Deployment rescheduled by a
// node-pool upgrade three hours ago, with the drain's old FailedScheduling and restart as noise.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, cronJobEvent, event,
  exposed, failedScheduling, httpProbe, jobEvent, nameOf, nameSuffix, networkPolicy, node, nodeEvent, probeFailed,
  probeKilling, pulledFresh, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, terminated, uidOf,
  waiting, createdPod, deploymentApp,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment in built app');
  return d;
}

/** `Scaled up replica set … from 0 to n` as the deployment controller records it. */
const scaled = (app: Built, revision: number, to: number, from: number, atAgo: number): k8s.CoreV1Event => scaledReplicaSet(deploymentOf(app), rsOf(app, revision), to, from, atAgo);

// ---- 1. fsGroup: the kubelet re-chowns fourteen million files before the pod can start ------------

function fsGroupRecursiveChown(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['18', '140', '233']);
  // The recursive-ownership progress events exist since kubelet 1.32; this cluster runs 1.32.
  for (const n of nodes) if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: 'v1.32.9-eks-113cf36', kubeProxyVersion: 'v1.32.9-eks-113cf36' });
  const image = (v: string) => `docker.io/nginxinc/nginx-unprivileged:${v}-alpine`;
  const claimName = 'asset-origin-assets';
  const [claim, volume] = boundClaim({ namespace: ns, name: claimName, storage: '1536Gi', zone: 'eu-west-1c', createdAgo: 410 * DAYS });
  const pvName = nameOf(volume);
  const tpl = (v: string): TemplateOpts => ({
    containers: [
      container({
        name: 'nginx',
        image: image(v),
        ports: [8080],
        cpu: '500m',
        memory: '256Mi',
        readiness: httpProbe('/healthz', 8080),
        liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'assets', mountPath: '/usr/share/nginx/html', readOnly: false }, { name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }],
      }),
    ],
    volumes: [{ name: 'assets', persistentVolumeClaim: { claimName } }, { name: 'nginx-conf', configMap: { name: 'asset-origin-nginx', defaultMode: 420 } }],
    securityContext: { runAsUser: 101, runAsGroup: 101, runAsNonRoot: true, fsGroup: 101 },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'asset-origin',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 41, createdAgo: 37 * DAYS, changeCause: 'argocd: asset-origin nginx 1.27.2', template: tpl('1.27.2') },
      { revision: 42, createdAgo: 16, changeCause: 'argocd: asset-origin nginx 1.27.3', template: tpl('1.27.3') },
    ],
    pods: [{ revision: 42, node: names[2] ?? '', createdAgo: 15.6, ready: false, containers: { nginx: waiting('ContainerCreating') } }],
  });
  const fresh = podOf(app, 0);
  const dir = `${fresh.metadata?.uid ?? ''}/volumes/kubernetes.io~csi/${pvName}/mount`;
  const longer = `Setting volume ownership for ${dir} is taking longer than expected, consider using OnRootMismatch - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods`;
  const processed = (k: number) => Math.round(812_347 * k + 41_093 * (k % 3));
  // One progress event a minute; past ten similar ones the event correlator folds them into one.
  const progress = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) =>
    event({ on: fresh, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${dir}, processed ${processed(k)} files.`, firstAgo: 14.8 - k, lastAgo: 14.8 - k }),
  );
  const other = bystander(ns, 'thumbnail-renderer', names, 34, { revisions: [12, 13], versions: ['3.8.0', '3.8.1'], olderAgo: 9 * DAYS });
  return {
    id: 'heldout24-fsgroup-recursive-chown-millions-of-files',
    class: 'storage',
    truth:
      'asset-origin serves 14 million small image files from a 1.5Ti EBS volume (claim asset-origin-assets) and its pod template sets securityContext.fsGroup: 101 without fsGroupChangePolicy, so the policy is Always: on every mount the kubelet recursively changes the group ownership and permissions of every file. The pod had been running for five weeks; the nginx 1.27.3 image bump (revision 42, Recreate) 16 minutes ago replaced it, and the new pod has been stuck in ContainerCreating since, the volume attached but the kubelet still walking the files (VolumePermissionChangeInProgress, 11 million processed) and FailedMount timing out. Nothing in revision 42 caused it and a rollback would re-mount and re-walk the same volume. Fix: set fsGroupChangePolicy: OnRootMismatch (or drop fsGroup, the files already belong to gid 101), then wait for or restart the pod.',
    ask: { service: 'asset-origin', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, claim, volume,
      configMap({ namespace: ns, name: 'asset-origin-nginx', createdAgo: 400 * DAYS, data: { 'default.conf': 'server {\n  listen 8080;\n  root /usr/share/nginx/html;\n  location = /healthz { access_log off; return 200 "ok\\n"; }\n  location / { try_files $uri =404; expires 30d; }\n}\n' } }),
      ...exposed({ namespace: ns, name: 'asset-origin', selector: { app: 'asset-origin' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnail-renderer', selector: { app: 'thumbnail-renderer' }, pods: other.pods }),
      scaled(app, 41, 0, 1, 16), scaled(app, 42, 1, 0, 15.6),
      scaled(other, 13, 2, 0, 34), scaled(other, 12, 0, 2, 32.5),
      createdPod({ kind: 'ReplicaSet', metadata: { name: rsOf(app, 42), namespace: ns } }, fresh, 15.6),
      event({ on: { kind: 'Pod', name: `${rsOf(app, 41)}-${nameSuffix('asset-origin-old')}`, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container nginx', firstAgo: 16, lastAgo: 16, fieldPath: 'spec.containers{nginx}' }),
      scheduled(fresh, 15.5),
      event({ on: fresh, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${pvName}" `, firstAgo: 15.1, lastAgo: 15.1, component: 'attachdetach-controller' }),
      event({ on: fresh, reason: 'VolumePermissionChangeInProgress', message: longer, firstAgo: 14.8, lastAgo: 14.8 }),
      ...progress,
      event({ on: fresh, reason: 'VolumePermissionChangeInProgress', message: `(combined from similar events): Setting volume ownership for ${dir}, processed ${processed(14)} files.`, count: 5, firstAgo: 4.8, lastAgo: 0.8 }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[assets], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 6, firstAgo: 13.4, lastAgo: 1.2 }),
      // Yesterday's noise: the old pod's probe timing out once under a traffic spike.
      event({ on: { kind: 'Pod', name: `${rsOf(app, 41)}-${nameSuffix('asset-origin-old')}`, namespace: ns }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.41.77:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 2, firstAgo: 26 * 60, lastAgo: 26 * 60 - 1, fieldPath: 'spec.containers{nginx}' }),
    ],
    logs: [
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(3)}","level":"info","msg":"rendered","asset":"sku-88213/hero.webp","width":1200,"ms":41}`, `{"ts":"${at(0.6)}","level":"info","msg":"rendered","asset":"sku-10442/thumb.webp","width":320,"ms":9}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|OnRootMismatch|ownership|chown|permission change/i],
      facts: [/OnRootMismatch/, /fsGroupChangePolicy|fsGroup/, lit(claimName), /ContainerCreating|mount/i, /VolumePermissionChangeInProgress|taking longer than expected|processed \d+ files/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /Multi-Attach/i, /image[^\n]*(pull|not found)/i, /quota/i, /thumbnail-renderer/, /crash ?loop/i],
    },
  };
}

// ---- 2. one node's clock ten minutes behind: tokens "not yet valid (iat)" only there -------------

function nodeClockBehindJwtIat(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.44', ['23', '152', '201']);
  const skewed = names[1] ?? '';
  /** How far behind real time the node's clock runs, in minutes (9 m 40 s). */
  const SKEW = 580 / 60;
  // The kubelet writes its heartbeats with its own clock; the node joined two days ago.
  const bad = nodes[1];
  if (bad?.metadata && bad.status) {
    bad.metadata.creationTimestamp = ago(2 * DAYS);
    for (const c of bad.status.conditions ?? []) {
      c.lastHeartbeatTime = ago(0.2 + SKEW);
      c.lastTransitionTime = ago(2 * DAYS - 1);
    }
  }
  const image = (v: string) => `${ECR}/identity/entitlements-api:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        command: ['gunicorn', 'entitlements.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-b', '0.0.0.0:8000', '-w', '2'],
        ports: [8000],
        memory: '384Mi',
        env: [
          { name: 'OIDC_ISSUER', value: 'https://auth.acme.internal/realms/internal' },
          { name: 'OIDC_CLIENT_ID', value: 'entitlements-api' },
          { name: 'OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'entitlements-api-oidc', key: 'client-secret' } } },
          { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'entitlements-db', key: 'url' } } },
        ],
        readiness: httpProbe('/readyz', 8000),
        liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 15 }),
      }),
    ],
    serviceAccountName: 'entitlements-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'entitlements-api',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 6 * DAYS, changeCause: 'argocd: entitlements-api 2.30.4', template: tpl('2.30.4') },
      { revision: 57, createdAgo: 48, changeCause: 'argocd: entitlements-api 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [
      { revision: 56, node: names[2] ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 57, node: names[0] ?? '', createdAgo: 47.5 },
      { revision: 57, node: skewed, createdAgo: 47, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.4 + SKEW, ranSeconds: 3 }, 13) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 46 },
      { revision: 57, node: skewed, createdAgo: 45.5, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 3.1 + SKEW, ranSeconds: 3 }, 13) } },
    ],
  });
  const [old, goodA, badA, goodC, badB] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3), podOf(app, 4)];
  /** An event the skewed node's kubelet writes: its timestamps run SKEW behind, the server's creationTimestamp does not. */
  const fromSkewedKubelet = (e: k8s.CoreV1Event, firstAgo: number): k8s.CoreV1Event => {
    if (e.metadata) e.metadata.creationTimestamp = ago(firstAgo);
    return e;
  };
  const kubeletOnSkewed = (p: k8s.V1Pod, firstAgo: number, lastAgo: number, count: number): k8s.CoreV1Event[] => [
    ...restartedAgain(p, 'app', image('2.31.0'), { count, firstAgo: firstAgo + SKEW, lastAgo: lastAgo + SKEW }).map((e) => fromSkewedKubelet(e, firstAgo)),
    fromSkewedKubelet(backOff(p, 'app', { count: 190, firstAgo: firstAgo - 0.2 + SKEW, lastAgo: 0.3 + SKEW }), firstAgo - 0.2),
  ];
  const other = bystander(ns, 'session-broker', names, 31, { revisions: [8, 9], versions: ['1.4.2', '1.5.0'], olderAgo: 20 * DAYS });
  // Gunicorn's own time format, as the crashing pods print it: their clock is the node's.
  const gTime = (m: number) => `[${pyTime(m + SKEW).slice(0, 19)} +0000]`;
  const crashed = (m: number) =>
    lines(
      `${gTime(m + 0.05)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gTime(m + 0.05)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(m + 0.05)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
      `${gTime(m + 0.04)} [7] [INFO] Booting worker with pid: 7`,
      `${pyTime(m + SKEW + 0.03)} INFO entitlements.auth fetching service token from https://auth.acme.internal/realms/internal/protocol/openid-connect/token (client_id=entitlements-api)`,
      `${gTime(m + 0.02)} [7] [ERROR] Exception in worker process`,
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
      '    worker.init_process()',
      '  File "/usr/local/lib/python3.12/site-packages/uvicorn/workers.py", line 75, in init_process',
      '    super().init_process()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process',
      '    self.load_wsgi()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi',
      '    self.wsgi = self.app.wsgi()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/base.py", line 66, in wsgi',
      '    self.callable = self.load()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 57, in load',
      '    return self.load_wsgiapp()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 47, in load_wsgiapp',
      '    return util.import_app(self.app_uri)',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app',
      '    mod = importlib.import_module(module)',
      '  File "/app/entitlements/main.py", line 31, in <module>',
      '    service_identity = bootstrap_service_identity(settings)',
      '  File "/app/entitlements/auth.py", line 58, in bootstrap_service_identity',
      '    claims = jwt.decode(token, signing_key.key, algorithms=["RS256"], audience="entitlements-api", issuer=settings.oidc_issuer)',
      '  File "/usr/local/lib/python3.12/site-packages/jwt/api_jwt.py", line 222, in decode',
      '    decoded = self.decode_complete(',
      '  File "/usr/local/lib/python3.12/site-packages/jwt/api_jwt.py", line 167, in decode_complete',
      '    self._validate_claims(',
      '  File "/usr/local/lib/python3.12/site-packages/jwt/api_jwt.py", line 261, in _validate_claims',
      '    self._validate_iat(payload, now, leeway)',
      '  File "/usr/local/lib/python3.12/site-packages/jwt/api_jwt.py", line 286, in _validate_iat',
      '    raise ImmatureSignatureError("The token is not yet valid (iat)")',
      'jwt.exceptions.ImmatureSignatureError: The token is not yet valid (iat)',
      `${gTime(m + 0.01)} [7] [INFO] Worker exiting (pid: 7)`,
      `${gTime(m)} [1] [ERROR] Worker (pid:7) exited with code 3`,
      `${gTime(m)} [1] [ERROR] Shutting down: Master`,
      `${gTime(m)} [1] [ERROR] Reason: Worker failed to boot.`,
    );
  const served = (ip: string) =>
    lines(
      `INFO:     ${ip}:51544 - "GET /v1/entitlements/acct_7QxK2m/features HTTP/1.1" 200 OK`,
      `INFO:     ${ip}:51560 - "POST /v1/entitlements/check HTTP/1.1" 200 OK`,
      `INFO:     ${ip}:51561 - "GET /readyz HTTP/1.1" 200 OK`,
    );
  return {
    id: 'heldout24-node-clock-behind-jwt-not-yet-valid',
    class: 'nodes',
    truth:
      `chronyd is not running on node ${skewed} (it joined two days ago from a custom launch template that left time sync disabled), and its clock runs 9m40s behind. entitlements-api fetches a service token from Keycloak at boot and validates it with PyJWT (no leeway): on that node every fresh token's iat lies in the future, so the worker dies with ImmatureSignatureError "The token is not yet valid (iat)", gunicorn exits 3 and both revision-57 pods there crash-loop. The same revision 57 (2.31.0) runs Ready on ${names[0]} and ${names[2]}, and the node's own heartbeats and the kubelet's event timestamps lag real time by the same ten minutes. The rollout is not the cause. Fix: restore time sync on the node (start chronyd against 169.254.169.123) or cordon and drain it and replace it; fix the launch template.`,
    ask: { service: 'entitlements-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'entitlements-api', selector: { app: 'entitlements-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'session-broker', selector: { app: 'session-broker' }, pods: other.pods }),
      scaled(app, 57, 1, 0, 48), scaled(app, 56, 3, 4, 47.6), scaled(app, 57, 2, 1, 47.6), scaled(app, 56, 2, 3, 47.1), scaled(app, 57, 3, 2, 47.1),
      scaled(app, 56, 1, 2, 46.1), scaled(app, 57, 4, 3, 46.1),
      scaled(other, 9, 2, 0, 31), scaled(other, 8, 0, 2, 30),
      ...startedAt(goodA, 'app', image('2.31.0'), 47.5),
      ...startedAt(goodC, 'app', image('2.31.0'), 46),
      scheduled(badA, 47), scheduled(badB, 45.5),
      ...kubeletOnSkewed(badA, 46.9, 1.45, 14),
      ...kubeletOnSkewed(badB, 45.4, 3.15, 14),
      // Yesterday's noise on the one revision-56 pod still serving.
      probeFailed(old, 'app', 'Readiness', `Get "http://${ipOfPod(old)}:8000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 22 * 60, lastAgo: 22 * 60 - 1 }),
    ],
    logs: [
      logsFor(badA, 'app', { previous: crashed(1.45), current: '' }),
      logsFor(badB, 'app', { previous: crashed(3.15), current: '' }),
      logsFor(goodA, 'app', { current: served('10.0.12.88') }),
      logsFor(goodC, 'app', { current: served('10.0.33.19') }),
      logsFor(old, 'app', { current: served('10.0.12.88') }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(2)}","level":"info","msg":"session refreshed","sid":"s_91fd"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit('ip-10-0-44-152'), /clock|time ?sync|skew|drift|chrony|NTP|not yet valid|\biat\b/i],
      facts: [/ImmatureSignatureError|not yet valid \(iat\)/, /cordon|drain|chrony|NTP|time ?sync/i, /ip-10-0-44-23|ip-10-0-44-201|other nodes/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /session-broker/, /(keycloak|auth\.acme\.internal)[^\n]*(down|unreachable|outage)/i, /secret[^\n]*(missing|not found)/i],
    },
  };
}

// ---- 3. a revision switched the probes to HTTPS on a port that speaks HTTP -----------------------

function probeSchemeHttpsOnPlainPort(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.58', ['12', '97', '181']);
  const image = (v: string) => `${ECR}/messaging/notification-service:${v}`;
  const common = [
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    { name: 'MANAGEMENT_SERVER_PORT', value: '8081' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0' },
  ];
  const v87 = {
    containers: [
      container({
        image: image('4.1.7'),
        ports: [{ name: 'http', containerPort: 8080 }, { name: 'management', containerPort: 8081 }],
        memory: '1Gi',
        env: [...common, { name: 'SERVER_PORT', value: '8080' }],
        readiness: httpProbe('/actuator/health/readiness', 8081),
        liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
      }),
    ],
  };
  const https = (path: string, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe => ({ ...httpProbe(path, 8081, extra), httpGet: { path, port: 8081, scheme: 'HTTPS' } });
  const v88 = {
    containers: [
      container({
        image: image('4.2.0'),
        ports: [{ name: 'https', containerPort: 8443 }, { name: 'management', containerPort: 8081 }],
        memory: '1Gi',
        env: [
          ...common,
          { name: 'SERVER_PORT', value: '8443' },
          { name: 'SERVER_SSL_ENABLED', value: 'true' },
          { name: 'SERVER_SSL_BUNDLE', value: 'server' },
          { name: 'SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_CERTIFICATE', value: '/etc/tls/tls.crt' },
          { name: 'SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_PRIVATE_KEY', value: '/etc/tls/tls.key' },
        ],
        readiness: https('/actuator/health/readiness'),
        liveness: https('/actuator/health/liveness', { initialDelaySeconds: 60 }),
        volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'tls', secret: { secretName: 'notification-service-tls', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 87, createdAgo: 12 * DAYS, changeCause: 'helm upgrade notification-service 4.1.7', template: v87 },
      { revision: 88, createdAgo: 24, changeCause: 'helm upgrade notification-service 4.2.0: serve TLS on :8443', template: v88 },
    ],
    pods: [
      { revision: 87, node: names[0] ?? '', createdAgo: 12 * DAYS - 2 },
      // Old noise: this one was OOM-killed five days ago under a bulk send, and has been fine since.
      { revision: 87, node: names[1] ?? '', createdAgo: 12 * DAYS - 3, containers: { app: running({ sinceAgo: 5 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 5 * DAYS, ranSeconds: 7 * 24 * 3600 } }) } },
      { revision: 87, node: names[2] ?? '', createdAgo: 12 * DAYS - 4 },
      { revision: 88, node: names[0] ?? '', createdAgo: 23.5, ready: false, containers: { app: running({ sinceAgo: 0.8, ready: false, restarts: 8, last: { exitCode: 143, finishedAgo: 0.85, ranSeconds: 93 } }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ip = ipOfPod(fresh);
  const other = bystander(ns, 'email-renderer', names, 52, { revisions: [30, 31], versions: ['2.9.1', '2.10.0'], olderAgo: 15 * DAYS });
  const boot = (m: number, pod: string) =>
    lines(
      `${at(m + 0.14)}  INFO 1 --- [notification-service] [           main] c.a.n.NotificationServiceApplication     : Starting NotificationServiceApplication v4.2.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${at(m + 0.14)}  INFO 1 --- [notification-service] [           main] c.a.n.NotificationServiceApplication     : The following 1 profile is active: "prod"`,
      `${at(m + 0.1)}  INFO 1 --- [notification-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8443 (https)`,
      `${at(m + 0.04)}  INFO 1 --- [notification-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8443 (https) with context path '/'`,
      `${at(m + 0.03)}  INFO 1 --- [notification-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8081 (http)`,
      `${at(m + 0.03)}  INFO 1 --- [notification-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8081 (http) with context path '/'`,
      `${at(m + 0.02)}  INFO 1 --- [notification-service] [           main] c.a.n.NotificationServiceApplication     : Started NotificationServiceApplication in 7.412 seconds (process running for 8.103)`,
      `${at(m + 0.01)}  INFO 1 --- [notification-service] [           main] c.a.n.kafka.OutboxConsumer               : partitions assigned: [notifications.outbox-3, notifications.outbox-7] (host ${pod})`,
    );
  return {
    id: 'heldout24-probe-https-scheme-on-plain-http-port',
    class: 'probes',
    truth:
      'Revision 88 (notification-service 4.2.0, 24 minutes ago) turned on TLS for the application port 8443 and, in the same chart change, switched both httpGet probes to scheme: HTTPS. The probes still target the Spring Boot management port 8081, which stays plain HTTP, so the kubelet gets "http: server gave HTTP response to HTTPS client": the new pod never turns Ready and its liveness probe kills it every ~90 s (exit 143, graceful shutdown), 8 restarts. The three revision-87 pods keep serving (maxUnavailable 0). The old OOM kill on one of them was five days ago and unrelated. Fix: set the probes\' scheme back to HTTP for port 8081 (or serve management over TLS); until then roll back to revision 87.',
    ask: { service: 'notification-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notification-service', selector: { app: 'notification-service' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'email-renderer', selector: { app: 'email-renderer' }, pods: other.pods }),
      scaled(app, 88, 1, 0, 24),
      scaled(other, 31, 2, 0, 52), scaled(other, 30, 0, 2, 51),
      ...pulledFresh(fresh, 'app', image('4.2.0'), { atAgo: 23.5, bytes: 187_331_902, seconds: 6.802 }),
      ...restartedAgain(fresh, 'app', image('4.2.0'), { count: 9, firstAgo: 23.3, lastAgo: 0.8 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "https://${ip}:8081/actuator/health/readiness": http: server gave HTTP response to HTTPS client`, { count: 131, firstAgo: 23.1, lastAgo: 0.1 }),
      probeFailed(fresh, 'app', 'Liveness', `Get "https://${ip}:8081/actuator/health/liveness": http: server gave HTTP response to HTTPS client`, { count: 24, firstAgo: 22.3, lastAgo: 0.9 }),
      probeKilling(fresh, 'app', 'liveness', { count: 8, firstAgo: 22.1, lastAgo: 0.9 }),
      backOff(fresh, 'app', { count: 17, firstAgo: 21, lastAgo: 1.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', {
        current: boot(0.8, nameOf(fresh)),
        previous: boot(2.4, nameOf(fresh)) + lines(
          `${at(0.86)}  INFO 1 --- [notification-service] [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
          `${at(0.855)}  INFO 1 --- [notification-service] [tomcat-shutdown] o.s.b.w.e.tomcat.GracefulShutdown        : Graceful shutdown complete`,
        ),
      }),
      ...[0, 1, 2].map((i) => podOf(app, i)).map((p) => logsFor(p, 'app', {
        current: lines(
          `${at(1.9)}  INFO 1 --- [notification-service] [ntainer#0-0-C-1] c.a.n.kafka.OutboxConsumer               : dispatched 212 notifications (push=140, email=61, sms=11) in 1.84s`,
          `${at(0.7)}  INFO 1 --- [notification-service] [ntainer#0-0-C-1] c.a.n.kafka.OutboxConsumer               : dispatched 198 notifications (push=131, email=58, sms=9) in 1.61s`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HTTPS/i, /\b88\b/],
      facts: [lit('server gave HTTP response to HTTPS client'), /scheme/i, /8081/, /liveness/i],
      never: [/\bOOM/, /out of memory/i, /email-renderer/, /connection refused/i, /quota/i],
    },
  };
}

// ---- 4. a patch appended a second PGHOST: the last one (staging) wins ----------------------------

function duplicateEnvLastWins(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '66', '214']);
  const image = (v: string) => `${ECR}/commerce/orders-api:${v}`;
  const base: k8s.V1EnvVar[] = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'PORT', value: '3000' },
    { name: 'PGHOST', value: 'orders-db.prod.acme.internal' },
    { name: 'PGPORT', value: '5432' },
    { name: 'PGDATABASE', value: 'orders' },
    { name: 'PGUSER', value: 'orders_app' },
    { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
    { name: 'REDIS_URL', value: 'redis://orders-cache.commerce.svc.cluster.local:6379/0' },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4318' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({ image: image(v), ports: [3000], memory: '512Mi', env, envFrom: [{ configMapRef: { name: 'orders-api-flags' } }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }) })],
  });
  // The read-replica patch, copied from the staging overlay, brought staging's PGHOST along.
  const v23env = [...base, { name: 'PG_READ_REPLICA_HOST', value: 'orders-db-ro.prod.acme.internal' }, { name: 'PGHOST', value: 'orders-db.staging.acme.internal' }];
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 8 * DAYS, changeCause: 'argocd: orders-api 5.11.3', template: tpl('5.11.3', base) },
      { revision: 23, createdAgo: 19, changeCause: 'argocd: orders-api 5.12.0 (overlays/prod: add read-replica patch)', template: tpl('5.12.0', v23env) },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 8 * DAYS - 1 },
      { revision: 22, node: names[1] ?? '', createdAgo: 8 * DAYS - 2 },
      { revision: 22, node: names[2] ?? '', createdAgo: 8 * DAYS - 3 },
      { revision: 23, node: names[0] ?? '', createdAgo: 18.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 2 }, 8) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 18.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.9, ranSeconds: 2 }, 8) } },
    ],
  });
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'cart-api', names, 27, { revisions: [40, 41], versions: ['3.3.0', '3.3.1'], olderAgo: 11 * DAYS });
  const crashed = (p: k8s.V1Pod, m: number) => {
    const host = nameOf(p);
    return lines(
      `{"level":30,"time":${ago(m + 0.03).getTime()},"pid":1,"hostname":"${host}","msg":"orders-api 5.12.0 starting","env":"production","node":"v22.11.0"}`,
      `{"level":30,"time":${ago(m + 0.025).getTime()},"pid":1,"hostname":"${host}","msg":"connecting to postgres","host":"orders-db.staging.acme.internal","port":5432,"database":"orders","user":"orders_app"}`,
      `{"level":30,"time":${ago(m + 0.024).getTime()},"pid":1,"hostname":"${host}","msg":"connecting to postgres read replica","host":"orders-db-ro.prod.acme.internal","port":5432}`,
      `{"level":60,"time":${ago(m + 0.01).getTime()},"pid":1,"hostname":"${host}","err":{"type":"DatabaseError","message":"password authentication failed for user \\"orders_app\\"","stack":"error: password authentication failed for user \\"orders_app\\"\\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:285:98)\\n    at Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:122:29)\\n    at Parser.parse (/app/node_modules/pg-protocol/dist/parser.js:35:38)\\n    at TLSSocket.<anonymous> (/app/node_modules/pg-protocol/dist/index.js:11:42)","length":104,"name":"error","severity":"FATAL","code":"28P01","file":"auth.c","line":"323","routine":"auth_failed"},"msg":"startup failed: cannot connect to database"}`,
    );
  };
  return {
    id: 'heldout24-duplicate-env-pghost-last-wins-staging',
    class: 'config',
    truth:
      'Revision 23 (orders-api 5.12.0, 19 minutes ago) added a read-replica patch to the prod overlay, copied from the staging overlay; it appended PG_READ_REPLICA_HOST and also a second PGHOST entry, orders-db.staging.acme.internal, after the original orders-db.prod.acme.internal. When a container\'s env lists a name twice the last entry wins, so the new pods connect to the staging database, which rejects the prod credentials (FATAL 28P01 password authentication failed for user "orders_app"); they exit 1 and crash-loop while the three revision-22 pods keep serving. Fix: remove the duplicate PGHOST from the patch (roll back to revision 22 meanwhile).',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      // Noise: a feature flag flipped two hours ago.
      configMap({ namespace: ns, name: 'orders-api-flags', createdAgo: 200 * DAYS, updatedAgo: 125, data: { FF_SPLIT_SHIPMENTS: 'true', FF_NEW_TAX_ENGINE: 'false', LOG_LEVEL: 'info' } }),
      scaled(app, 23, 1, 0, 19), scaled(app, 22, 3, 4, 19), scaled(app, 23, 2, 1, 19),
      scaled(other, 41, 2, 0, 27), scaled(other, 40, 0, 2, 26),
      ...pulledFresh(n1, 'app', image('5.12.0'), { atAgo: 18.8, bytes: 98_412_330, seconds: 3.114 }),
      ...restartedAgain(n1, 'app', image('5.12.0'), { count: 9, firstAgo: 18.7, lastAgo: 2.25 }),
      backOff(n1, 'app', { count: 81, firstAgo: 18.5 }),
      ...pulledFresh(n2, 'app', image('5.12.0'), { atAgo: 18.8, bytes: 98_412_330, seconds: 3.402 }),
      ...restartedAgain(n2, 'app', image('5.12.0'), { count: 9, firstAgo: 18.7, lastAgo: 3.95 }),
      backOff(n2, 'app', { count: 80, firstAgo: 18.5 }),
    ],
    logs: [
      logsFor(n1, 'app', { previous: crashed(n1, 2.2), current: '' }),
      logsFor(n2, 'app', { previous: crashed(n2, 3.9), current: '' }),
      ...[0, 1, 2].map((i) => podOf(app, i)).map((p) => logsFor(p, 'app', {
        current: lines(
          `{"level":30,"time":${ago(1.3).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"POST","url":"/v2/orders"},"res":{"statusCode":201},"responseTime":38,"msg":"request completed"}`,
          `{"level":30,"time":${ago(0.4).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v2/orders/ord_8Qm2x"},"res":{"statusCode":200},"responseTime":7,"msg":"request completed"}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PGHOST|duplicat|staging/i, /revision 23|\b23\b/],
      facts: [lit('orders-db.staging.acme.internal'), /duplicat|twice|two (entries|definitions)|more than once|last (one|entry|definition|value) wins|overrid|shadow|hides/i, /28P01|password authentication failed/],
      never: [/\bOOM/, /secret[^\n]*(missing|not found)/i, /orders-api-flags/, /cart-api/, /orders-db\.prod[^\n]*(down|unreachable|outage)/i],
    },
  };
}

// ---- 5. a selector-less Service whose hand-written Endpoints name the database's old address -----

function staticEndpointsStaleIp(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.72', ['40', '131', '222']);
  const image = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const tpl = {
    containers: [
      container({
        image: image('7.4.2'),
        ports: [{ name: 'http', containerPort: 8080 }],
        memory: '1536Mi',
        env: [
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://ledger-db.billing.svc.cluster.local:5432/ledger?connectTimeout=10' },
          { name: 'SPRING_DATASOURCE_USERNAME', value: 'billing' },
          { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db', key: 'password' } } },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 5 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      }),
    ],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [{ revision: 31, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-api 7.4.2', template: tpl }],
    pods: [0, 1, 2].map((i) => ({ revision: 31, node: names[i] ?? '', createdAgo: 9 * DAYS - i, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS - i - 0.5, ready: false }) } })),
    settled: { available: false, availableSince: 117, progressingSince: 9 * DAYS },
  });
  const other = bystander(ns, 'invoice-renderer', names, 22, { revisions: [17, 18], versions: ['1.12.0', '1.12.1'], olderAgo: 30 * DAYS });
  const oldIp = '10.60.3.21';
  // The database Service: no selector, its Endpoints written by hand when the instance was built.
  const dbSvc = service({ namespace: ns, name: 'ledger-db', selector: {}, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], createdAgo: 400 * DAYS });
  if (dbSvc.spec) delete dbSvc.spec.selector;
  const endpoints: k8s.V1Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'ledger-db',
      namespace: ns,
      uid: uidOf(`endpoints/${ns}/ledger-db`),
      creationTimestamp: ago(400 * DAYS),
      labels: { app: 'ledger-db' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"v1","kind":"Endpoints","metadata":{"annotations":{},"labels":{"app":"ledger-db"},"name":"ledger-db","namespace":"billing"},"subsets":[{"addresses":[{"ip":"${oldIp}"}],"ports":[{"name":"postgres","port":5432,"protocol":"TCP"}]}]}\n` },
    },
    subsets: [{ addresses: [{ ip: oldIp }], ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }] }],
  };
  const mirrored: k8s.V1EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `ledger-db-${nameSuffix('mirror/ledger-db')}`,
      generateName: 'ledger-db-',
      namespace: ns,
      uid: uidOf(`endpointslice/${ns}/ledger-db-mirror`),
      creationTimestamp: ago(400 * DAYS),
      labels: { app: 'ledger-db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io', 'kubernetes.io/service-name': 'ledger-db' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'ledger-db', uid: endpoints.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [oldIp], conditions: { ready: true } }],
    ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
  };
  const egress = networkPolicy({
    namespace: ns,
    name: 'billing-api-egress',
    createdAgo: 200 * DAYS,
    podSelector: { app: 'billing-api' },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ ipBlock: { cidr: '10.60.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }] },
    ],
  });
  const health = (m: number, thread: string) =>
    lines(
      `${at(m)}  WARN 1 --- [billing-api] [${thread}] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
      '',
      'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
      '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
      '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:388)',
      '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.getProduct(DataSourceHealthIndicator.java:122)',
      '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:105)',
      'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30004ms (total=0, active=0, idle=0, waiting=0)',
      '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
      '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)',
      '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)',
      '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)',
      'Caused by: org.postgresql.util.PSQLException: The connection attempt failed.',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)',
      '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
      '\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)',
      '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:361)',
      'Caused by: java.net.SocketTimeoutException: Connect timed out',
      '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:546)',
      '\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)',
      '\tat java.base/java.net.Socket.connect(Socket.java:751)',
      '\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)',
      '\tat org.postgresql.core.PGStream.<init>(PGStream.java:98)',
      '',
    );
  const podLog = (p: k8s.V1Pod) =>
    lines(
      `${at(118.4)}  WARN 1 --- [billing-api] [onnection adder] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@6b1e7ad3 (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
      `${at(117.9)}  WARN 1 --- [billing-api] [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: 08001`,
      `${at(117.9)} ERROR 1 --- [billing-api] [nio-8080-exec-4] o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed out after 30002ms (total=0, active=0, idle=0, waiting=3)`,
      `${at(117.9)} ERROR 1 --- [billing-api] [nio-8080-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause`,
    ) + health(1.2, 'nio-8080-exec-2') + health(0.2, 'nio-8080-exec-9') + lines(`${at(0.15)}  INFO 1 --- [billing-api] [nio-8080-exec-9] c.a.b.health.ReadinessLogger             : readiness DOWN (db: DOWN, diskSpace: UP, ping: UP) on ${nameOf(p)}`);
  return {
    id: 'heldout24-static-endpoints-database-moved-old-ip',
    class: 'network',
    truth:
      `billing-api reaches its PostgreSQL through the Service ledger-db, which has no selector: its Endpoints were written by hand 400 days ago and name the EC2 database instance's address ${oldIp}:5432. Two hours ago the DBA team moved the database to a new instance (10.60.3.88) and stopped the old one; nobody updated the Endpoints. Every connection billing-api opens to ledger-db is forwarded to ${oldIp} and times out (Hikari: Connection is not available, Connect timed out), the readiness health group reports db DOWN, and all three pods are unready since. No rollout happened (revision 31 is nine days old; invoice-renderer's rollout is unrelated) and the egress NetworkPolicy allows 10.60.0.0/16:5432. Fix: update the ledger-db Endpoints to the new address, or better replace the pair by an ExternalName Service pointing at the database's DNS name.`,
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, dbSvc, endpoints, mirrored, egress,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      scaled(other, 18, 2, 0, 22), scaled(other, 17, 0, 2, 21),
      ...app.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 340 + i * 3, firstAgo: 117.5 - i * 0.1, lastAgo: 0.1 + i * 0.05 })),
      // Yesterday's noise: a GC pause made one readiness probe time out twice.
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 25 * 60, lastAgo: 25 * 60 - 0.5 }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: podLog(p) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(1)}  INFO 1 --- [invoice-renderer] [pool-2-thread-1] c.a.i.render.PdfRenderer                 : rendered invoice INV-2026-118233 (3 pages) in 412ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ledger-db/, /10\.60\.3\.21|endpoints?|selector/i],
      facts: [lit(oldIp), /selector|by hand|hand-?written|manual|static/i, /ExternalName|update (the )?(ledger-db )?Endpoints|Endpoints/i, /timed out|Connect timed out/i],
      never: [ADVISES_ROLLBACK, /invoice-renderer/, /network ?polic[^\n]*(block|drop|den(y|ies))/i, /\bOOM/, /DNS[^\n]*(fail|broken|not resolv)/i],
    },
  };
}

// ---- 6. a Forbid CronJob whose run has hung for three days: every schedule since skipped ----------

function forbidCronJobHungRun(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.130', ['27', '88', '190']);
  const image = `${ECR}/analytics/warehouse-sync:1.9.4`;
  const template = {
    containers: [
      batchContainer({
        name: 'sync',
        image,
        command: ['python', '-m', 'warehouse_sync', '--window', '1h'],
        memory: '1Gi',
        env: [
          { name: 'SOURCE_DSN', valueFrom: { secretKeyRef: { name: 'warehouse-sync-source', key: 'dsn' } } },
          { name: 'SFTP_HOST', value: 'sftp.partner-dwh.example.com' },
          { name: 'SFTP_USER', value: 'acme_ingest' },
        ],
      }),
    ],
    serviceAccountName: 'warehouse-sync',
  };
  // 2026-11-18T00:00Z, the run that never finished; the three hourly runs before it succeeded in ~17 min.
  const H = 3 * DAYS + 194;
  const ok = (createdAgo: number, node: string) => ({ createdAgo, pods: [{ node, phase: 'Succeeded' as const, createdAgo, containers: { sync: terminated({ exitCode: 0, finishedAgo: createdAgo - 17, ranSeconds: 17 * 60 - 20 }) } }], outcome: { complete: true as const, ago: createdAgo - 17 } });
  const cron = cronJob({
    namespace: ns,
    name: 'warehouse-sync',
    schedule: '0 * * * *',
    template,
    jobs: [
      ok(H + 180, names[0] ?? ''),
      ok(H + 120, names[2] ?? ''),
      ok(H + 60, names[1] ?? ''),
      { createdAgo: H, pods: [{ node: names[1] ?? '', createdAgo: H, containers: { sync: running({ sinceAgo: H - 0.1 }) } }] },
    ],
    lastSuccessfulAgo: H + 60 - 17,
    createdAgo: 300 * DAYS,
  });
  const hung = cron.jobs[3];
  const hungJob = hung?.objects[0];
  const hungName = nameOf(hungJob);
  const hungPod = hung?.pods[0];
  const cronObj = cron.objects[0];
  const other = bystander(ns, 'bi-dashboard-api', names, 44, { revisions: [63, 64], versions: ['8.2.0', '8.3.0'], olderAgo: 12 * DAYS });
  const prevJob = cron.jobs[2];
  const uploads = (from: number, n: number) =>
    Array.from({ length: n }, (_, k) => `${pyTime(from - k * 0.4)} INFO warehouse_sync.sink uploading batch ${k + 1}/14 orders_events_2026111723_${String(k).padStart(3, '0')}.parquet (${(22.8 + ((k * 7) % 19) / 10).toFixed(1)} MB)`);
  return {
    id: 'heldout24-forbid-cronjob-hung-run-skips-schedules',
    class: 'jobs',
    truth:
      `The hourly CronJob warehouse-sync has concurrencyPolicy: Forbid and no activeDeadlineSeconds. Its 00:00 run on 18 November (Job ${hungName}) hung three days ago while uploading batch 9/14 to the partner's SFTP server: the connection went dead and paramiko, with no timeout or keepalive, blocks forever, so the pod is still Running with a log silent since 00:03. Because a run is still active, the controller has refused every schedule since (JobAlreadyActive, 75 times), lastScheduleTime is stuck at 18 Nov 00:00 and the last success is 17 Nov 23:17: the warehouse is three days stale. Fix: delete Job ${hungName} so the next schedule runs, and add activeDeadlineSeconds to the job template plus a socket timeout and keepalive to the SFTP client.`,
    ask: { service: 'warehouse-sync', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'bi-dashboard-api', selector: { app: 'bi-dashboard-api' }, pods: other.pods }),
      scaled(other, 64, 2, 0, 44), scaled(other, 63, 0, 2, 43),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(prevJob?.objects[0])}`, H + 60),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(prevJob?.objects[0])}, condition: Complete`, H + 43),
      cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job ${'warehouse-sync-' + String(Math.floor(ago(H + 240).getTime() / 60_000))}`, H + 43),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${hungName}`, H),
      event({ on: { kind: 'CronJob', ...(cronObj?.metadata === undefined ? {} : { metadata: cronObj.metadata }) }, type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid', count: 75, firstAgo: H - 60, lastAgo: 14, component: 'cronjob-controller' }),
      jobEvent(hungJob, 'SuccessfulCreate', `Created pod: ${nameOf(hungPod)}`, H),
      ...(hungPod === undefined ? [] : startedAt(hungPod, 'sync', image, H - 0.02)),
    ],
    logs: [
      logsFor(hungPod, 'sync', {
        current: lines(
          `${pyTime(H - 0.07)} INFO warehouse_sync.main starting sync window 2026-11-17T23:00:00Z..2026-11-18T00:00:00Z`,
          `${pyTime(H - 0.1)} INFO warehouse_sync.source extracting orders_events from orders-db-ro.prod.acme.internal`,
          `${pyTime(H - 0.6)} INFO warehouse_sync.source extracted 1284113 rows (14 parquet files, 331.6 MB)`,
          `${pyTime(H - 0.62)} INFO paramiko.transport Connected (version 2.0, client OpenSSH_8.9p1)`,
          `${pyTime(H - 0.63)} INFO paramiko.transport Authentication (publickey) successful!`,
          `${pyTime(H - 0.64)} INFO paramiko.transport.sftp [chan 0] Opened sftp connection (server version 3)`,
          ...uploads(H - 0.66, 9),
        ),
      }),
      ...(prevJob?.pods[0] === undefined ? [] : [logsFor(prevJob.pods[0], 'sync', {
        current: lines(
          `${pyTime(H + 59.93)} INFO warehouse_sync.main starting sync window 2026-11-17T22:00:00Z..2026-11-17T23:00:00Z`,
          `${pyTime(H + 59.4)} INFO warehouse_sync.source extracted 1197540 rows (13 parquet files, 309.2 MB)`,
          `${pyTime(H + 43.2)} INFO warehouse_sync.sink uploaded 13/13 files to /incoming/acme/orders_events/2026111722/`,
          `${pyTime(H + 43.05)} INFO warehouse_sync.main done in 1015.4s`,
        ),
      })]),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(2)}","level":"info","msg":"GET /api/dashboards/ops-daily 200","dur_ms":212}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Forbid|JobAlreadyActive|skipp|not start|prior (execution|run)|still (active|running)|hung|stuck|blocked|running (for )?(3|three|75)|3d|7[45] ?h/i],
      facts: [lit(hungName), /JobAlreadyActive|prior execution is running/, /activeDeadlineSeconds/, /delete|kill|terminate/i, /lastSuccessfulTime|last succe|17 Nov|2026-11-17|3 days|3d|7[45] ?h/i],
      never: [/BackoffLimitExceeded|backoff limit/i, /\bOOM/, /(is|was) suspended/i, /bi-dashboard-api/, /crash ?loop/i],
    },
  };
}

// ---- 7. healthy control: rescheduled by a node-pool upgrade three hours ago ----------------------

function healthyAfterNodePoolUpgrade(): CorpusScenario {
  const ns = 'catalog';
  const oldNames = ['ip-10-0-21-14.eu-west-1.compute.internal', 'ip-10-0-21-87.eu-west-1.compute.internal', 'ip-10-0-21-203.eu-west-1.compute.internal'];
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a'];
  const newNames = ['ip-10-0-21-45.eu-west-1.compute.internal', 'ip-10-0-21-112.eu-west-1.compute.internal', 'ip-10-0-21-230.eu-west-1.compute.internal', 'ip-10-0-21-61.eu-west-1.compute.internal'];
  const nodes = newNames.map((name, i) => node({ name, zone: zones[i] ?? 'eu-west-1a', createdAgo: i === 3 ? 183 : 200 - i, readySince: i === 3 ? 182 : 199 - i, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0c4b2f1e9d7a65031' } }));
  const image = `${ECR}/catalog/search-api:2.18.1`;
  const tpl = { containers: [container({ image, ports: [8080], memory: '768Mi', cpu: '1', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }), env: [{ name: 'REDIS_ADDR', value: 'catalog-redis.catalog.svc.cluster.local:6379' }] })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: search-api 2.18.0', template: { containers: [container({ image: `${ECR}/catalog/search-api:2.18.0`, ports: [8080], memory: '768Mi', cpu: '1' })] } },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: search-api 2.18.1', template: tpl },
    ],
    pods: [
      { revision: 14, node: newNames[0] ?? '', createdAgo: 186 },
      { revision: 14, node: newNames[1] ?? '', createdAgo: 184.5, containers: { app: running({ sinceAgo: 182.6, restarts: 1, last: { exitCode: 1, finishedAgo: 182.9, ranSeconds: 11 } }) } },
      { revision: 14, node: newNames[3] ?? '', createdAgo: 181.5 },
    ],
    settled: { available: true, availableSince: 178, progressingSince: 6 * DAYS },
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const rs = { kind: 'ReplicaSet', metadata: { name: rsOf(app, 14), namespace: ns } };
  const oldPods = [0, 1, 2].map((i) => ({ kind: 'Pod', name: `${rsOf(app, 14)}-${nameSuffix(`search-api-before-upgrade/${i}`)}`, namespace: ns }));
  const other = bystander(ns, 'catalog-importer', newNames, 41, { revisions: [21, 22], versions: ['5.0.3', '5.1.0'], olderAgo: 17 * DAYS });
  const clean = (p: k8s.V1Pod) =>
    lines(
      `{"level":"info","method":"GET","path":"/v1/search","status":200,"latency_ms":14,"hits":48,"pod":"${nameOf(p)}","time":"${at(1.8)}","message":"request"}`,
      `{"level":"info","method":"GET","path":"/v1/search","status":200,"latency_ms":9,"hits":12,"pod":"${nameOf(p)}","time":"${at(0.5)}","message":"request"}`,
      `{"level":"info","index":"products-v31","docs":1882104,"time":"${at(0.3)}","message":"index generation current"}`,
    );
  return {
    id: 'heldout24-healthy-after-node-pool-upgrade',
    class: 'healthy',
    truth:
      'Three hours ago the general node group was upgraded to a new AMI: the three old nodes were cordoned and drained and replaced. search-api\'s pods were evicted and recreated on the new nodes; one replacement waited two minutes for the fourth node (FailedScheduling: cordoned nodes and Insufficient cpu, then a scale-up), and one restarted once because CoreDNS was itself being moved when it first looked up Redis. All three pods have been Ready for almost three hours, their logs are clean, and nothing has happened since. search-api is healthy; the old events are the upgrade\'s traces, and catalog-importer\'s rollout is unrelated.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-importer', selector: { app: 'catalog-importer' }, pods: other.pods }),
      scaled(other, 22, 2, 0, 41), scaled(other, 21, 0, 2, 40),
      // The upgrade: old nodes cordoned, drained and removed; new nodes registered.
      ...oldNames.map((n, i) => nodeEvent(n, 'NodeNotSchedulable', `Node ${n} status is now: NodeNotSchedulable`, { firstAgo: 195 - i * 4 })),
      ...oldNames.map((n, i) => nodeEvent(n, 'RemovingNode', `Node ${n} event: Removing Node ${n} from Controller`, { firstAgo: 172 - i * 3, component: 'node-controller' })),
      ...newNames.flatMap((n, i) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: (i === 3 ? 183 : 200 - i) - 0.1 }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: i === 3 ? 182 : 199 - i }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: (i === 3 ? 183 : 200 - i) - 0.2, component: 'node-controller' }),
      ]),
      ...oldPods.map((o, i) => event({ on: o, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 186.2 - i * 2.2, lastAgo: 186.2 - i * 2.2, fieldPath: 'spec.containers{app}' })),
      createdPod(rs, p0, 186), createdPod(rs, p1, 184.5), createdPod(rs, p2, 184),
      ...startedAt(p0, 'app', image, 186),
      ...startedAt(p1, 'app', image, 184.4),
      event({ on: p1, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: 182.7, lastAgo: 182.7, fieldPath: 'spec.containers{app}' }),
      backOff(p1, 'app', { count: 1, firstAgo: 182.85, lastAgo: 182.85 }),
      probeFailed(p1, 'app', 'Readiness', `Get "http://${ipOfPod(p1)}:8080/readyz": dial tcp ${ipOfPod(p1)}:8080: connect: connection refused`, { count: 2, firstAgo: 184.2, lastAgo: 183.9 }),
      failedScheduling(p2, '0/6 nodes are available: 2 node(s) were unschedulable, 4 Insufficient cpu. preemption: 0/6 nodes are available: 2 Preemption is not helpful for scheduling, 4 No preemption victims found for incoming pod.', { count: 3, firstAgo: 184, lastAgo: 182.2 }),
      event({ on: p2, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-20261121-7ac9b1e4-3c2d-4f0e-9a51-62f1b0d8e2aa 3->4 (max: 8)}]', firstAgo: 183.8, lastAgo: 183.8, component: 'cluster-autoscaler' }),
      ...startedAt(p2, 'app', image, 181.5),
    ],
    logs: [
      logsFor(p0, 'app', { current: clean(p0) }),
      logsFor(p1, 'app', {
        current: clean(p1),
        previous: lines(
          `{"level":"info","version":"2.18.1","addr":":8080","time":"${at(183.08)}","message":"search-api starting"}`,
          `{"level":"fatal","error":"dial tcp: lookup catalog-redis.catalog.svc.cluster.local on 172.20.0.10:53: read udp 10.0.21.77:43122->172.20.0.10:53: i/o timeout","time":"${at(182.9)}","message":"redis ping failed"}`,
        ),
      }),
      logsFor(p2, 'app', { current: clean(p2) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(3)}","message":"import batch committed","rows":5000}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|3\/3|all 3|3 of 3|ready/i],
      facts: [/3\/3|all 3|3 of 3|3 ready|ready/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /catalog-importer/, /(is|are) (pending|unschedulable)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  fsGroupRecursiveChown(),
  nodeClockBehindJwtIat(),
  probeSchemeHttpsOnPlainPort(),
  duplicateEnvLastWins(),
  staticEndpointsStaleIp(),
  forbidCronJobHungRun(),
  healthyAfterNodePoolUpgrade(),
];
