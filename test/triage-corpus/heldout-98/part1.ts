// Held-out stories, ninety-eighth round, part one: an entrypoint script committed with Windows line
// endings (`#!/bin/sh\r`), so every pod of the new revision exits at once with "exec
// /docker-entrypoint.sh: no such file or directory"; nginx in front of php-fpm answering 404 "File
// not found." ("Primary script unknown") since a revision moved the code to /srv/app while nginx's
// root still says /var/www/html; a Python service on an Alpine base without tzdata that cannot load
// Europe/Berlin; a MongoDB CronJob whose schedule was tightened and concurrencyPolicy set to Allow so
// runs overlap and hit E11000; a Java service moved onto an old JDK 8 base that sizes its heap from
// the node, OOMKilled under load; a JVM gateway that builds a new HTTP client per request and runs
// out of file descriptors every few hours; and a healthy control: a Python API with urllib3's
// "Connection pool is full" warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, startedNormally, terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** php-fpm's log time: `21-Nov-2026 03:12:41`. */
const fpmTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')}-${mon}-${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`;
};
/** Spring Boot 3's console time: `2026-11-21T03:12:41.512Z`. */
const sbTime = (minutes: number): string => at(minutes);

function gkeNodes(pool: string, suffixes: readonly string[], zones: readonly string[]): { nodes: k8s.V1Node[]; names: string[] } {
  const nodes = suffixes.map((s, i) => node({ name: `gke-prod-euw4-${pool}-${s}`, zone: zones[i % zones.length] ?? 'europe-west4-a', pool, instanceType: 'n2-standard-4' }));
  return { nodes, names: nodes.map(nameOf) };
}

function aksNodes(pool: string, count: number): { nodes: k8s.V1Node[]; names: string[] } {
  const nodes = Array.from({ length: count }, (_, i) => node({ name: `aks-${pool}-31847265-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool, instanceType: 'Standard_D4s_v5' }));
  return { nodes, names: nodes.map(nameOf) };
}

// ---- 1. an entrypoint script with CRLF line endings ----------------------------------------------

function entrypointCrlf(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '203']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'S3_BUCKET', value: 'acme-media-originals' }, { name: 'SHARP_CONCURRENCY', value: '2' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const exit = (finishedAgo: number) => ({ exitCode: 255, reason: 'Error', finishedAgo, ranSeconds: 0 });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 3.8.2', template: tpl('3.8.2') },
      { revision: 13, createdAgo: 16, changeCause: 'argocd: thumbnailer 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS, ranSeconds: 4 * DAYS * 60 } }) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 13, node: names[1] ?? '', createdAgo: 15.8, ready: false, containers: { app: crashLoop(exit(1.1), 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'media-api', names, 34, { revisions: [55, 56], versions: ['7.1.0', '7.1.1'], olderAgo: 6 * DAYS });
  return {
    id: 'heldout98-entrypoint-crlf-line-endings',
    class: 'containers',
    truth: 'thumbnailer 3.9.0 (revision 13, 16 minutes ago) ships a rewritten /docker-entrypoint.sh that was committed from a Windows checkout with CRLF line endings. Its shebang reads "#!/bin/sh\\r", the kernel looks for an interpreter named "/bin/sh\\r", and the exec fails with ENOENT: every revision-13 container dies at once with "exec /docker-entrypoint.sh: no such file or directory" (exit 255) although the script is in the image. The rollout is stuck with the three revision-12 pods serving. Fix: convert the script to LF (.gitattributes eol=lf, or dos2unix in the build) and release again, or roll back to revision 12.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 16),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 56), 2, 0, 34),
      event({ on: fresh, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(fresh)} to ${names[1]}`, firstAgo: 15.8, lastAgo: 15.8, component: 'default-scheduler' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.9.0')}"`, firstAgo: 15.7, lastAgo: 15.7, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.9.0')}" in 4.871s (4.871s including waiting). Image size: 98311204 bytes.`, firstAgo: 15.6, lastAgo: 15.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.9.0'), { count: 8, firstAgo: 15.6, lastAgo: 1.1 }),
      backOff(fresh, 'app', { count: 71, firstAgo: 15.5, lastAgo: 0.3 }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 3 * DAYS + 2, lastAgo: 3 * DAYS + 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: lines('exec /docker-entrypoint.sh: no such file or directory') }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":30,"time":${ago(2.4 + k).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"thumbnail rendered","key":"products/8812${k}/main.jpg","sizes":[160,320,640],"ms":${142 + k * 9}}`,
        `{"level":30,"time":${ago(0.6 + k / 10).getTime()},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/healthz"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/entrypoint|no such file|CRLF|line ending|exec/i],
      facts: [/CRLF|line[- ]endings?|\\r|\^M|carriage return|dos2unix|windows/i, /3\.9\.0|revision 13/, /docker-entrypoint\.sh/],
      never: [/\bOOM/, /docker-entrypoint\.sh[^\n]*(is )?(missing|absent|not (copied|included|present))/i, /ImagePull|Failed to pull|image[^\n]*(does not exist|not found in (the )?registry)/i],
    },
  };
}

// ---- 2. nginx + php-fpm: the code moved, nginx's root did not -----------------------------------

function phpFpmScriptUnknown(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = gkeNodes('web-pool', ['6f1c2a9e-x7kq', '6f1c2a9e-m2pd', '0b93de41-r5tw'], ['europe-west4-a', 'europe-west4-a', 'europe-west4-b']);
  const phpImage = (v: string) => `europe-west4-docker.pkg.dev/acme-shop/web/shop-php:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const confVolume: k8s.V1Volume = { name: 'nginx-conf', configMap: { name: 'shop-web-nginx', defaultMode: 420 } };
  const tpl = (v: string, workdir: string) => ({
    containers: [
      container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] }),
      { ...container({ name: 'php-fpm', image: phpImage(v), ports: [{ name: 'fastcgi', containerPort: 9000 }], cpu: '500m', memory: '512Mi', readiness: { tcpSocket: { port: 9000 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null, env: [{ name: 'APP_ENV', value: 'prod' }, { name: 'DATABASE_URL', value: 'mysql://shop@10.31.0.5:3306/shop' }] }), workingDir: workdir },
    ],
    volumes: [confVolume],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'helm: shop-web 2024.11.2 (shop-php 5.2.0)', template: tpl('5.2.0', '/var/www/html') },
      { revision: 27, createdAgo: 48, changeCause: 'helm: shop-web 2024.11.3 (shop-php 5.3.0, app root /srv/app)', template: tpl('5.3.0', '/srv/app') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 47 - k })),
    settled: { available: true, availableSince: 44, progressingSince: 48, progressingUpdatedAgo: 44 },
  });
  const nginxConf = [
    'server {',
    '    listen 8080;',
    '    server_name _;',
    '    root /var/www/html/public;',
    '    index index.php;',
    '',
    '    location = /nginx-health { access_log off; return 200 "ok\\n"; }',
    '',
    '    location / {',
    '        try_files $uri /index.php$is_args$args;',
    '    }',
    '',
    '    location ~ ^/index\\.php(/|$) {',
    '        fastcgi_pass 127.0.0.1:9000;',
    '        fastcgi_split_path_info ^(.+\\.php)(/.*)$;',
    '        include fastcgi_params;',
    '        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
    '        fastcgi_param DOCUMENT_ROOT $document_root;',
    '        internal;',
    '    }',
    '}',
    '',
  ].join('\n');
  const other = bystander(ns, 'shop-search', names, 3 * HOURS, { revisions: [18, 19], versions: ['1.9.4', '1.10.0'], olderAgo: 20 * DAYS });
  const paths = ['/', '/category/shoes', '/product/88213-trail-runner', '/cart', '/checkout', '/product/10452-rain-jacket', '/api/cart/items'];
  const nginxLog = (p: k8s.V1Pod, k: number) => {
    const out: string[] = [`${ngxTime(46 - k)} [notice] 1#1: nginx/1.27.2`, `${ngxTime(46 - k)} [notice] 1#1: start worker processes`];
    for (let i = 0; i < 12; i++) {
      const t = 8 - i * 0.6 - k * 0.07;
      const path = paths[(i + k) % paths.length] ?? '/';
      out.push(`10.164.0.${20 + k} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 404 16 "https://shop.acme.example/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" "81.17.${k}.${40 + i}"`);
      out.push(`${ngxTime(t)} [error] 22#22: *${4410 + i * 13 + k} FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: 10.164.0.${20 + k}, server: _, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "shop.acme.example", referrer: "https://shop.acme.example/"`);
    }
    void p;
    return lines(...out);
  };
  const fpmLog = (k: number) => {
    const out: string[] = [`[${fpmTime(46 - k)}] NOTICE: fpm is running, pid 1`, `[${fpmTime(46 - k)}] NOTICE: ready to handle connections`];
    for (let i = 0; i < 8; i++) out.push(`127.0.0.1 -  ${fpmTime(7.9 - i * 0.8 - k * 0.07).replace(/^(\d+)-(\w+)-(\d+) /, '$1/$2/$3:')} +0000 "GET /index.php" 404`);
    return lines(...out);
  };
  return {
    id: 'heldout98-php-fpm-primary-script-unknown',
    class: 'config',
    truth: 'Revision 27 of shop-web (48 minutes ago) moved to shop-php 5.3.0, whose image keeps the application in /srv/app (working directory /srv/app) instead of /var/www/html. The nginx sidecar\'s server block in ConfigMap shop-web-nginx still says "root /var/www/html/public" and passes SCRIPT_FILENAME=$document_root$fastcgi_script_name, so php-fpm is asked for /var/www/html/public/index.php, which no longer exists in its container: it answers "Primary script unknown" and nginx returns 404 "File not found." for every page. Pods stay Ready because the probes hit nginx\'s own /nginx-health and php-fpm\'s port. Fix: point nginx\'s root at /srv/app/public (or roll back to revision 26).',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      configMap({ namespace: ns, name: 'shop-web-nginx', createdAgo: 210 * DAYS, data: { 'default.conf': nginxConf } }),
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shop-search', selector: { app: 'shop-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 2, 45),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, 44),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'php-fpm', phpImage('5.3.0'), 47 - k)),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP}:8080/ready": dial tcp ${podOf(other, 0).status?.podIP}:8080: connect: connection refused`, count: 2, firstAgo: 3 * HOURS - 0.5, lastAgo: 3 * HOURS - 0.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.flatMap((p, k) => [logsFor(p, 'nginx', { current: nginxLog(p, k) }), logsFor(p, 'php-fpm', { current: fpmLog(k) })]),
    expect: {
      verdict: 'problems',
      headline: [/Primary script unknown|SCRIPT_FILENAME|document ?root|\broot\b|\/var\/www\/html|\/srv\/app|404|File not found/i],
      facts: [/\/srv\/app/, /\/var\/www\/html/, /shop-web-nginx|SCRIPT_FILENAME|document ?root|nginx[^\n]*root/i],
      never: [/\bOOM/, /crash ?loop/i, /php-fpm[^\n]*(down|not running|refus|unreachable)/i],
    },
  };
}

// ---- 3. Python on Alpine without tzdata: ZoneInfoNotFoundError -------------------------------------

function zoneinfoMissingTzdata(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = aksNodes('apps', 3);
  const image = (v: string) => `acmebilling.azurecr.io/billing/invoice-scheduler:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '200m', memory: '256Mi',
      command: ['python', '-m', 'invoice_scheduler'],
      envFrom: [{ configMapRef: { name: 'invoice-scheduler-config' } }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const exit = (finishedAgo: number) => ({ exitCode: 1, reason: 'Error', finishedAgo, ranSeconds: 2 });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-scheduler',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 9, createdAgo: 15 * DAYS, changeCause: 'flux: invoice-scheduler 2.7.3 (base python:3.12-slim-bookworm)', template: tpl('2.7.3') },
      { revision: 10, createdAgo: 27, changeCause: 'flux: invoice-scheduler 2.8.0 (base python:3.12-alpine3.20)', template: tpl('2.8.0') },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 15 * DAYS },
      { revision: 9, node: names[2] ?? '', createdAgo: 15 * DAYS - 1 },
      { revision: 10, node: names[1] ?? '', createdAgo: 26.5, ready: false, containers: { app: crashLoop(exit(2.2), 10) } },
    ],
  });
  const fresh = podOf(app, 2);
  const cfg = configMap({ namespace: ns, name: 'invoice-scheduler-config', createdAgo: 160 * DAYS, updatedAgo: 2 * DAYS, data: { TZ: 'Europe/Berlin', BILLING_CUTOFF: '23:00', INVOICE_RUN_CRON: '0 1 * * *', LOG_LEVEL: 'INFO', DB_HOST: 'billing-pg.postgres.database.azure.com' } });
  const other = bystander(ns, 'payment-reminders', names, 5 * HOURS, { revisions: [30, 31], versions: ['4.4.1', '4.5.0'], olderAgo: 11 * DAYS });
  const t = pyTime(2.25);
  const crash = lines(
    `${t} INFO invoice_scheduler: starting invoice-scheduler 2.8.0 (python 3.12.7)`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/zoneinfo/_common.py", line 12, in load_tzdata',
    '    return resources.files(package).joinpath(resource_name).open("rb")',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/resources/_common.py", line 46, in wrapper',
    '    return func(anchor)',
    '           ^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/resources/_common.py", line 56, in files',
    '    return from_package(resolve(anchor))',
    '                        ^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/functools.py", line 909, in wrapper',
    '    return dispatch(args[0].__class__)(*args, **kw)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/resources/_common.py", line 82, in _',
    '    return importlib.import_module(cand)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
    '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
    '  File "<frozen importlib._bootstrap>", line 1310, in _find_and_load_unlocked',
    '  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed',
    '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
    '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
    '  File "<frozen importlib._bootstrap>", line 1324, in _find_and_load_unlocked',
    "ModuleNotFoundError: No module named 'tzdata'",
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/invoice_scheduler/__main__.py", line 3, in <module>',
    '    from invoice_scheduler.app import create_app',
    '  File "/app/invoice_scheduler/app.py", line 11, in <module>',
    '    from invoice_scheduler.settings import settings',
    '  File "/app/invoice_scheduler/settings.py", line 38, in <module>',
    '    BILLING_TZ = ZoneInfo(os.environ.get("TZ", "UTC"))',
    '                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/zoneinfo/_common.py", line 24, in load_tzdata',
    '    raise ZoneInfoNotFoundError(f"No time zone found with key {key}")',
    "zoneinfo._common.ZoneInfoNotFoundError: 'No time zone found with key Europe/Berlin'",
  );
  return {
    id: 'heldout98-python-zoneinfo-no-tzdata',
    class: 'containers',
    truth: 'invoice-scheduler 2.8.0 (revision 10, 27 minutes ago) moved its base image from python:3.12-slim-bookworm to python:3.12-alpine3.20, which has no system time-zone database (/usr/share/zoneinfo), and the project does not depend on the tzdata PyPI package. ConfigMap invoice-scheduler-config still sets TZ=Europe/Berlin (unchanged since two days ago, and valid), so settings.py\'s ZoneInfo("Europe/Berlin") raises ZoneInfoNotFoundError at import and the new pod crash-loops with exit 1; the two revision-9 pods keep serving. Fix: add tzdata (apk add tzdata or the tzdata pip package) to the image, or roll back to revision 9.',
    ask: { service: 'invoice-scheduler', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'invoice-scheduler', selector: { app: 'invoice-scheduler' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'payment-reminders', selector: { app: 'payment-reminders' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 10), 1, 0, 27),
      event({ on: fresh, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(fresh)} to ${names[1]}`, firstAgo: 26.5, lastAgo: 26.5, component: 'default-scheduler' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.8.0')}"`, firstAgo: 26.4, lastAgo: 26.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.8.0')}" in 3.204s (3.204s including waiting). Image size: 31877412 bytes.`, firstAgo: 26.3, lastAgo: 26.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2.8.0'), { count: 10, firstAgo: 26.3, lastAgo: 2.3 }),
      backOff(fresh, 'app', { count: 118, firstAgo: 26.2, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: crash }),
      ...app.pods.slice(0, 2).map((p, k) => logsFor(p, 'app', { current: lines(
        `${pyTime(3.1 + k)} INFO uvicorn.access: 10.244.1.${7 + k}:51234 - "GET /health/ready HTTP/1.1" 200`,
        `${pyTime(1.4 + k)} INFO invoice_scheduler.jobs: next invoice run at 2026-11-22 01:00:00+01:00 (Europe/Berlin)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/tzdata|time ?zone|zoneinfo|Europe\/Berlin/i],
      facts: [/Europe\/Berlin/, /tzdata|zoneinfo database|\/usr\/share\/zoneinfo/i, /alpine|revision 10|2\.8\.0/i],
      never: [/\bOOM/, /invoice-scheduler-config[^\n]*(caused|broke|is the (cause|trigger))/i, /TZ[^\n]*(invalid|misspel|typo)/i],
    },
  };
}

// ---- 4. a CronJob whose runs overlap and hit E11000 -----------------------------------------------

function cronOverlapDuplicateKey(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.144', ['9', '118', '230']);
  const image = `${ECR}/loyalty/points-accrual:1.6.4`;
  const tpl = { containers: [batchContainer({ image, cpu: '250m', memory: '384Mi', command: ['node', 'dist/accrue.js'], env: [{ name: 'MONGODB_URI', value: 'mongodb://loyalty-mongo-0.loyalty-mongo,loyalty-mongo-1.loyalty-mongo,loyalty-mongo-2.loyalty-mongo/loyalty?replicaSet=rs0' }, { name: 'WINDOW', value: 'since-last-run' }] })] };
  const done = (node: string, createdAgo: number, ranMin: number) => ({ node, createdAgo: createdAgo - 0.02, phase: 'Succeeded' as const, containers: { app: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: createdAgo - ranMin, ranSeconds: ranMin * 60 }) } });
  const cj = cronJob({
    namespace: ns,
    name: 'points-accrual',
    schedule: '*/5 * * * *',
    template: tpl,
    backoffLimit: 0,
    createdAgo: 240 * DAYS,
    lastSuccessfulAgo: 16,
    jobs: [
      { createdAgo: 44, pods: [done(names[0] ?? '', 44, 7.4)], outcome: { complete: true, ago: 36.5 } },
      { createdAgo: 24, pods: [done(names[2] ?? '', 24, 7.9)], outcome: { complete: true, ago: 16 } },
      { createdAgo: 14, pods: [{ node: names[1] ?? '', createdAgo: 13.98, phase: 'Failed', containers: { app: terminated({ exitCode: 1, finishedAgo: 6.2, ranSeconds: 470 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 6.1 } },
      { createdAgo: 9, pods: [{ node: names[0] ?? '', createdAgo: 8.98, containers: { app: running({ sinceAgo: 8.9 }) } }] },
      { createdAgo: 4, pods: [{ node: names[2] ?? '', createdAgo: 3.98, containers: { app: running({ sinceAgo: 3.9 }) } }] },
    ],
  });
  const cron = cj.objects[0] as k8s.V1CronJob;
  if (cron.spec) cron.spec.concurrencyPolicy = 'Allow';
  cron.metadata = {
    ...cron.metadata,
    generation: 4,
    managedFields: [
      { manager: 'argocd-controller', operation: 'Update', apiVersion: 'batch/v1', time: ago(240 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:jobTemplate': {}, 'f:successfulJobsHistoryLimit': {} } } },
      { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'batch/v1', time: ago(2 * HOURS + 12), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:concurrencyPolicy': {}, 'f:schedule': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago(4), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:active': {}, 'f:lastScheduleTime': {}, 'f:lastSuccessfulTime': {} } }, subresource: 'status' },
    ],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"points-accrual","namespace":"loyalty"},"spec":{"concurrencyPolicy":"Forbid","schedule":"*/15 * * * *"}}' },
  };
  const [j44, j24, j14, j9, j4] = cj.jobs;
  const podIn = (j: Built | undefined) => j?.pods[0];
  const failedPod = podIn(j14);
  const apiImage = (v: string) => `${ECR}/loyalty/loyalty-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'loyalty-api',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: loyalty-api 3.3.0', template: { containers: [container({ image: apiImage('3.3.0'), ports: [8080] })] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 }],
  });
  const jsonLog = (t: number, msg: string, extra = '') => `{"level":"info","time":"${at(t)}","service":"points-accrual","msg":"${msg}"${extra}}`;
  const failedLog = lines(
    jsonLog(13.95, 'accrual run started', ',"since":"2026-11-21T02:55:00.000Z","until":"2026-11-21T03:00:00.000Z"'),
    jsonLog(13.9, 'loaded card transactions', ',"count":18422'),
    jsonLog(9.1, 'inserted batch', ',"batch":1,"inserted":1000'),
    jsonLog(7.6, 'inserted batch', ',"batch":2,"inserted":1000'),
    `{"level":"error","time":"${at(6.25)}","service":"points-accrual","msg":"accrual run failed","err":{"type":"MongoBulkWriteError","message":"E11000 duplicate key error collection: loyalty.point_ledger index: memberId_1_txId_1 dup key: { memberId: \\"M-0048213\\", txId: \\"ctx_7f3a91c2e0\\" }","code":11000,"stack":"MongoBulkWriteError: E11000 duplicate key error collection: loyalty.point_ledger index: memberId_1_txId_1 dup key: { memberId: \\"M-0048213\\", txId: \\"ctx_7f3a91c2e0\\" }\\n    at OrderedBulkOperation.handleWriteError (/app/node_modules/mongodb/lib/bulk/common.js:823:22)\\n    at OrderedBulkOperation.handleWriteError (/app/node_modules/mongodb/lib/bulk/ordered.js:28:22)\\n    at executeCommands (/app/node_modules/mongodb/lib/bulk/common.js:372:23)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n    at async accrueBatch (/app/dist/accrue.js:88:9)","result":{"insertedCount":436,"matchedCount":0,"modifiedCount":0,"deletedCount":0,"upsertedCount":0},"writeErrors":[{"index":436,"code":11000}]}}`,
    `{"level":"info","time":"${at(6.22)}","service":"points-accrual","msg":"exiting","code":1}`,
  );
  const jobs = [j44, j24, j14, j9, j4];
  return {
    id: 'heldout98-cronjob-overlap-e11000',
    class: 'jobs',
    truth: 'Two hours ago someone ran kubectl edit on CronJob points-accrual: schedule "*/15 * * * *" → "*/5 * * * *" and concurrencyPolicy Forbid → Allow. A run takes about 7–8 minutes, so runs now overlap; each run reads the card transactions "since the last run" and inserts them into loyalty.point_ledger, so the overlapping runs insert the same (memberId, txId) documents and the later one dies on the unique index with "E11000 duplicate key error" (Job points-accrual-… of 03:00 failed, backoffLimit 0; two runs active at once now). MongoDB is healthy and the earlier runs succeeded. Fix: set concurrencyPolicy back to Forbid (and the schedule back to */15, or make the inserts idempotent upserts).',
    ask: { service: 'points-accrual', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: api.pods }),
      ...jobs.map((j, i) => cronJobEvent(cron, 'SuccessfulCreate', `Created job ${nameOf(j?.objects[0])}`, [44, 24, 14, 9, 4][i] ?? 4)),
      cronJobEvent(cron, 'SawCompletedJob', `Saw completed job: ${nameOf(j24?.objects[0])}, condition: Complete`, 16),
      cronJobEvent(cron, 'SawCompletedJob', `Saw completed job: ${nameOf(j14?.objects[0])}, condition: Failed`, 6.1),
      jobEvent(j14?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPod)}`, 14),
      jobEvent(j14?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 6.1, 'Warning'),
      jobEvent(j9?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(podIn(j9))}`, 9),
      jobEvent(j4?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(podIn(j4))}`, 4),
      event({ on: podOf(api, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(api, 1).status?.podIP}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...(failedPod ? [logsFor(failedPod, 'app', { current: failedLog })] : []),
      ...[j9, j4].flatMap((j, k) => { const p = podIn(j); return p ? [logsFor(p, 'app', { current: lines(jsonLog(8.9 - k * 5, 'accrual run started', `,"since":"2026-11-21T02:5${k * 5}:00.000Z","until":"2026-11-21T03:${k === 0 ? '05' : '10'}:00.000Z"`), jsonLog(8.8 - k * 5, 'loaded card transactions', `,"count":${17990 + k * 412}`), jsonLog(2.5, 'inserted batch', ',"batch":1,"inserted":1000')) })] : []; }),
      ...[j44, j24].flatMap((j) => { const p = podIn(j); return p ? [logsFor(p, 'app', { current: lines(jsonLog(16.5, 'accrual run finished', ',"inserted":18107,"ms":466210')) })] : []; }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/overlap|concurren|Allow|simultaneous|at the same time|parallel|\*\/5|schedule/i],
      facts: [/E11000|duplicate key/i, /concurrencyPolicy|Allow|Forbid|overlap/i, /point_ledger|memberId/],
      never: [/mongo[^\n]*(down|unreachable|refus|unavailable)/i, /\bOOM/, /backoffLimit[^\n]*(raise|increase)/i],
    },
  };
}

// ---- 5. JDK 8 before container support: heap sized from the node ---------------------------------

function jdk8HeapFromNode(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = gkeNodes('highmem', ['2d7e91b0-q1zn', '2d7e91b0-hk4s', 'a80c3f52-w9lm'], ['europe-west4-a', 'europe-west4-b', 'europe-west4-c']);
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-pricing/svc/quote-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [{ name: 'JAVA_OPTS', value: '-XX:+UseG1GC -Dfile.encoding=UTF-8 -Djava.security.egd=file:/dev/./urandom' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const oom = (finishedAgo: number, ranMin: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds: ranMin * 60 });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, changeCause: 'ci: quote-engine 4.8.5 (base eclipse-temurin:17-jre)', template: tpl('4.8.5') },
      { revision: 19, createdAgo: 5 * HOURS + 40, changeCause: 'ci: quote-engine 4.9.0 (base openjdk:8u121-jre, legacy signing SDK)', template: tpl('4.9.0') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 5 * HOURS + 39, containers: { app: running({ sinceAgo: 11, restarts: 6, last: oom(11.1, 38) }) } },
      { revision: 19, node: names[1] ?? '', createdAgo: 5 * HOURS + 37, containers: { app: running({ sinceAgo: 2.5, restarts: 7, last: oom(2.6, 31) }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 5 * HOURS + 35, containers: { app: running({ sinceAgo: 24, restarts: 5, last: oom(24.2, 44) }) } },
    ],
    settled: { available: true, availableSince: 5 * HOURS + 30, progressingSince: 5 * HOURS + 40, progressingUpdatedAgo: 5 * HOURS + 30 },
  });
  const other = bystander(ns, 'fx-rates', names, 70, { revisions: [40, 41], versions: ['2.0.3', '2.0.4'], olderAgo: 9 * DAYS });
  const startLines = (t: number, p: k8s.V1Pod) => [
    `${sbTime(t)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : Starting QuoteEngineApplication v4.9.0 using Java 1.8.0_121 on ${nameOf(p)} with PID 1 (/app/quote-engine.jar started by root in /app)`,
    `${sbTime(t - 0.01)}  INFO 1 --- [           main] c.a.pricing.config.RuntimeInfo           : JVM runtime: vendor=Oracle Corporation version=1.8.0_121-8u121-b13-1~bpo8+1 availableProcessors=4 maxMemory=3.63 GiB`,
    `${sbTime(t - 0.3)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http) with context path ''`,
    `${sbTime(t - 0.31)}  INFO 1 --- [           main] c.a.pricing.QuoteEngineApplication       : Started QuoteEngineApplication in 17.442 seconds (JVM running for 18.613)`,
  ];
  const load = (from: number, to: number, k: number) => {
    const out: string[] = [];
    for (let t = from, i = 0; t > to; t -= 2.5, i++) out.push(`${sbTime(t)}  INFO 1 --- [nio-8080-exec-${(i % 40) + 1}] c.a.pricing.api.QuoteController          : quote computed portfolio=PF-${30112 + i * 7 + k} legs=${180 + (i * 37) % 900} ms=${210 + (i * 53) % 700}`);
    return out;
  };
  const logsOfPod = (k: number, last: { sinceAgo: number; ranMin: number }) => {
    const p = podOf(app, k);
    const prevStart = last.sinceAgo + last.ranMin;
    return logsFor(p, 'app', {
      previous: lines(...startLines(prevStart, p), ...load(prevStart - 1, last.sinceAgo + 0.2, k), `${sbTime(last.sinceAgo + 0.15)}  WARN 1 --- [nio-8080-exec-17] c.a.pricing.api.QuoteController          : large portfolio PF-30977 legs=4120, computing in batches`),
      current: lines(...startLines(last.sinceAgo, p), ...load(last.sinceAgo - 1, 0.3, k)),
    });
  };
  return {
    id: 'heldout98-jdk8-heap-from-node-memory',
    class: 'capacity',
    truth: 'Revision 19 (quote-engine 4.9.0, 5 h 40 min ago) rebuilt the service on openjdk:8u121-jre to use a legacy signing SDK. JDK 8 before 8u191 has no container support: it ignores the cgroup memory limit and sizes its default max heap from the node\'s memory (a quarter of ~15 GiB, maxMemory=3.63 GiB as the startup line says), while the container limit is 1536Mi and JAVA_OPTS sets no -Xmx or MaxRAM. Under load the heap grows past the limit and the kernel kills the JVM: every pod restarts with OOMKilled (exit 137) every 30–45 minutes. Under Temurin 17 the same settings gave a 384 MiB heap. Fix: set -Xmx (e.g. -Xmx1g) or move to 8u191+ with -XX:MaxRAMPercentage, or roll back to revision 18.',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 5 * HOURS + 32),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 5 * HOURS + 30),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 70),
      ...restartedAgain(podOf(app, 1), 'app', image('4.9.0'), { count: 8, firstAgo: 5 * HOURS + 37, lastAgo: 2.5 }),
      ...restartedAgain(podOf(app, 0), 'app', image('4.9.0'), { count: 7, firstAgo: 5 * HOURS + 39, lastAgo: 11 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP}:8080/actuator/health/readiness": dial tcp ${podOf(app, 1).status?.podIP}:8080: connect: connection refused`, { count: 2, firstAgo: 2.4, lastAgo: 2.3 }),
    ],
    logs: [logsOfPod(0, { sinceAgo: 11, ranMin: 38 }), logsOfPod(1, { sinceAgo: 2.5, ranMin: 31 }), logsOfPod(2, { sinceAgo: 24, ranMin: 44 })],
    expect: {
      verdict: 'problems',
      headline: [/OOM|137|memory limit|heap/i],
      facts: [/1536Mi|1\.5 ?Gi/, /1\.8\.0_121|8u121|openjdk:8|JDK ?8|Java 8/i, /Xmx|MaxRAM|container support|heap|node('s)? memory/i],
      never: [/(has|is) a memory leak|leaking memory/i, /liveness probe (kills|killed|is killing)/i, /MemoryPressure|memory pressure/i],
    },
  };
}

// ---- 6. a new HTTP client per request: "Too many open files" every few hours ----------------------

function tooManyOpenFiles(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.52', ['66', '171', '240']);
  const image = (v: string) => `${ECR}/integrations/partner-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'PARTNER_TIMEOUT_MS', value: '8000' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 2, failureThreshold: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-gateway',
    replicas: 2,
    revisions: [
      { revision: 40, createdAgo: 17 * DAYS, changeCause: 'argocd: partner-gateway 3.2.4', template: tpl('3.2.4') },
      { revision: 41, createdAgo: 14 * HOURS + 5, changeCause: 'argocd: partner-gateway 3.3.0', template: tpl('3.3.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 14 * HOURS + 4, containers: { app: running({ sinceAgo: 1 * HOURS + 50, restarts: 3, last: { exitCode: 143, reason: 'Error', finishedAgo: 1 * HOURS + 51, ranSeconds: 4 * 3600 + 20 * 60 } }) } },
      { revision: 41, node: names[1] ?? '', createdAgo: 14 * HOURS + 2, ready: false, containers: { app: running({ sinceAgo: 4 * HOURS + 12, ready: false, restarts: 2, last: { exitCode: 143, reason: 'Error', finishedAgo: 4 * HOURS + 13, ranSeconds: 4 * 3600 + 40 * 60 } }) } },
    ],
    settled: { available: true, availableSince: 14 * HOURS, progressingSince: 14 * HOURS + 5, progressingUpdatedAgo: 14 * HOURS },
  });
  const sick = podOf(app, 1);
  const ip = sick.status?.podIP ?? '';
  const other = bystander(ns, 'webhook-relay', names, 40, { revisions: [12, 13], versions: ['0.9.7', '0.9.8'], olderAgo: 30 * DAYS });
  const log = (t: number, level: string, thread: string, logger: string, msg: string) => `${sbTime(t)} ${level.padStart(5)} 1 --- [partner-gateway] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const metrics = (from: number, to: number, startFds: number, perMin: number) => {
    const out: string[] = [];
    for (let t = from; t > to; t -= 10) out.push(log(t, 'INFO', 'metrics-1', 'c.a.i.ops.RuntimeStatsReporter', `process.files.open=${Math.min(65536, Math.round(startFds + (from - t) * perMin))} process.files.max=65536 jvm.threads.live=${88 + Math.round((from - t) / 6)} http.server.requests.active=${4 + Math.round((from - t) / 40)}`));
    return out;
  };
  const sickLog = lines(
    log(4 * HOURS + 11, 'INFO', 'main', 'c.a.i.PartnerGatewayApplication', 'Started PartnerGatewayApplication in 11.204 seconds (process running for 12.01)'),
    ...metrics(4 * HOURS + 10, 12, 212, 262),
    log(11.4, 'ERROR', 'nio-8080-exec-31', 'c.a.i.partner.PartnerClient', 'POST https://api.partner-nordic.example/v2/orders failed: I/O error on POST request for "https://api.partner-nordic.example/v2/orders": Too many open files'),
    log(11.2, 'ERROR', 'http-nio-8080-Acceptor', 'org.apache.tomcat.util.net.Acceptor', 'Socket accept failed'),
    '',
    'java.io.IOException: Too many open files',
    '\tat java.base/sun.nio.ch.Net.accept(Native Method)',
    '\tat java.base/sun.nio.ch.ServerSocketChannelImpl.implAccept(ServerSocketChannelImpl.java:433)',
    '\tat java.base/sun.nio.ch.ServerSocketChannelImpl.accept(ServerSocketChannelImpl.java:399)',
    '\tat org.apache.tomcat.util.net.NioEndpoint.serverSocketAccept(NioEndpoint.java:521)',
    '\tat org.apache.tomcat.util.net.NioEndpoint.serverSocketAccept(NioEndpoint.java:79)',
    '\tat org.apache.tomcat.util.net.Acceptor.run(Acceptor.java:128)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
    '',
    log(9.8, 'ERROR', 'nio-8080-exec-12', 'c.a.i.partner.PartnerClient', 'POST https://api.partner-baltic.example/v1/shipments failed: java.net.SocketException: Too many open files'),
    log(9.5, 'WARN', 'metrics-1', 'c.a.i.ops.RuntimeStatsReporter', 'process.files.open=65536 process.files.max=65536 jvm.threads.live=131 http.server.requests.active=11'),
    log(6.1, 'ERROR', 'http-nio-8080-Acceptor', 'org.apache.tomcat.util.net.Acceptor', 'Socket accept failed'),
    '',
    'java.io.IOException: Too many open files',
    '\tat java.base/sun.nio.ch.Net.accept(Native Method)',
    '\tat org.apache.tomcat.util.net.Acceptor.run(Acceptor.java:128)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
    '',
  );
  const okLog = lines(
    log(1 * HOURS + 49, 'INFO', 'main', 'c.a.i.PartnerGatewayApplication', 'Started PartnerGatewayApplication in 10.877 seconds (process running for 11.72)'),
    ...metrics(1 * HOURS + 48, 0.5, 198, 251),
  );
  return {
    id: 'heldout98-jvm-too-many-open-files',
    class: 'containers',
    truth: 'partner-gateway 3.3.0 (revision 41, 14 hours ago) builds a new HTTP client (with its own connection pool) for every partner call and never closes it, so every call leaves sockets open. Open file descriptors climb ~250 a minute (process.files.open in the stats lines) until they hit the 65536 limit after about four hours: partner calls fail and Tomcat\'s acceptor logs "Socket accept failed … java.io.IOException: Too many open files", the liveness probe times out and the kubelet restarts the container (exit 143). Each pod has restarted every 4–5 hours since the revision; one pod is at the limit and not ready now. Fix: share one client (or close it), or roll back to revision 40; raising the nofile limit only delays it.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'webhook-relay', selector: { app: 'webhook-relay' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 40),
      probeFailed(sick, 'app', 'Readiness', `Get "http://${ip}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 54, firstAgo: 11, lastAgo: 0.2 }),
      probeFailed(sick, 'app', 'Liveness', `Get "http://${ip}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 0.7, lastAgo: 0.4 }),
      probeKilling(podOf(app, 0), 'app', 'liveness', { count: 3, firstAgo: 10 * HOURS + 10, lastAgo: 1 * HOURS + 51 }),
      probeKilling(sick, 'app', 'liveness', { count: 2, firstAgo: 9 * HOURS + 5, lastAgo: 4 * HOURS + 13 }),
      configMap({ namespace: ns, name: 'partner-endpoints', createdAgo: 90 * DAYS, updatedAgo: 3 * HOURS, data: { 'partners.yaml': 'nordic:\n  url: https://api.partner-nordic.example/v2\nbaltic:\n  url: https://api.partner-baltic.example/v1\niberia:\n  url: https://api.partner-iberia.example/v3\n' } }),
    ],
    logs: [logsFor(sick, 'app', { current: sickLog }), logsFor(podOf(app, 0), 'app', { current: okLog })],
    expect: {
      verdict: 'problems',
      headline: [/too many open files|file descriptors?|open files|\bfds?\b|EMFILE|nofile|socket leak|connection leak/i],
      facts: [/65536/, /3\.3\.0|revision 41/, /HTTP client|client per (request|call)|(not|never) closed|leak/i],
      never: [/\bOOM/, /partner[^\n]*(outage|is down)/i, /partner-endpoints[^\n]*(caused|broke|is the (cause|trigger))/i],
    },
  };
}

// ---- 7. healthy control: urllib3 "Connection pool is full" warnings ---------------------------------

function healthyUrllib3PoolFull(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = aksNodes('general', 3);
  const image = `acmenotify.azurecr.io/notify/email-dispatch:1.21.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'email-dispatch',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 19 * DAYS, changeCause: 'flux: email-dispatch 1.20.4', template: { containers: [container({ image: image.replace('1.21.0', '1.20.4'), ports: [8000], cpu: '250m', memory: '384Mi', readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } },
      { revision: 34, createdAgo: 4 * DAYS, changeCause: 'flux: email-dispatch 1.21.0', template: { containers: [container({ image, ports: [8000], cpu: '250m', memory: '384Mi', env: [{ name: 'GUNICORN_CMD_ARGS', value: '--workers 3 --threads 16 --timeout 30' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 4, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 4 },
  });
  const other = bystander(ns, 'sms-dispatch', names, 2 * DAYS, { revisions: [8, 9], versions: ['0.14.0', '0.14.1'], olderAgo: 25 * DAYS });
  const logs = app.pods.map((p, k) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 12 - i * 0.8 - k * 0.05;
      out.push(`10.244.${k + 1}.${31 + i} - - [${clfTime(t)}] "POST /v1/messages HTTP/1.1" 202 61 "-" "notify-client/2.4.1"`);
      out.push(`[${pyTime(t - 0.01)}] [${k + 8}] [INFO] email_dispatch.send: delivered message_id=msg_${(91823 + i * 17 + k).toString(36)} provider=sendgrid status=202 ms=${180 + (i * 31) % 140}`);
      if (i % 5 === 1) out.push(`[${pyTime(t - 0.02)}] [${k + 8}] [WARNING] urllib3.connectionpool: Connection pool is full, discarding connection: api.sendgrid.com. Connection pool size: 10`);
      if (i % 4 === 3) out.push(`10.244.${k + 1}.1 - - [${clfTime(t - 0.03)}] "GET /healthz HTTP/1.1" 200 15 "-" "kube-probe/1.31"`);
    }
    return logsFor(p, 'app', { current: lines(...out) });
  });
  return {
    id: 'heldout98-healthy-urllib3-pool-full',
    class: 'healthy',
    truth: 'Nothing is wrong: email-dispatch runs three Ready pods of revision 34 (four days old) and every message is accepted (202) and delivered. The "Connection pool is full, discarding connection: api.sendgrid.com. Connection pool size: 10" warnings are urllib3 telling that bursts with 16 threads per worker open more connections than the pool keeps; the extra connections are simply closed after use. A tuning hint (pool_maxsize), not a failure.',
    ask: { service: 'email-dispatch', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'email-dispatch', selector: { app: 'email-dispatch' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'sms-dispatch', selector: { app: 'sms-dispatch' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 2, 4 * DAYS - 3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 1, 4 * DAYS - 4),
    ],
    logs,
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?|running normally|serving/i],
      facts: [/email-dispatch/],
      never: [/connection pool[^\n]*(exhaust|cause|fail)/i, /sendgrid[^\n]*(down|outage|fail)/i, /roll ?back/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  entrypointCrlf(),
  phpFpmScriptUnknown(),
  zoneinfoMissingTzdata(),
  cronOverlapDuplicateKey(),
  jdk8HeapFromNode(),
  tooManyOpenFiles(),
  healthyUrllib3PoolFull(),
];
