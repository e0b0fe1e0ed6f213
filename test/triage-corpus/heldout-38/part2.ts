// Held-out stories, thirty-eighth round, part two: a docs site whose git-sync init container
// cannot fetch because revision 16 mounts its SSH deploy key with defaultMode 0644 (ssh: "UNPROTECTED
// PRIVATE KEY FILE", "bad permissions"), so the new pod never initializes; a Python queue worker
// whose exec liveness probe `cat /tmp/healthy` fails every ~6 hours because the worker's own /tmp
// sweeper deletes the marker it wrote once at startup; a payout gateway whose pods on the new node
// group (new NAT egress IP 52.214.87.19) are refused 403 by the partner bank's IP allow-list while
// pods on the old, cordoned node group succeed; an audit indexer whose release 3.8.0 indexes request
// attributes as dynamic keys until Elasticsearch refuses documents ("Limit of total fields [1000]
// has been exceeded"), cluster green; a checkout API whose publishes RabbitMQ nacks because the
// quorum queue order.fulfilment reached x-max-length 50000 with x-overflow reject-publish while its
// consumers crawl; (chosen kind) a pricing API that mounts its ConfigMap with subPath, so the edit
// that moved it to tax-engine never reached the running pods and they keep calling the retired
// tax-service-legacy; and a healthy control: a public API answering one scraping client 429s from
// its own rate limiter.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, epochMs, event, every,
  execProbe, exposed, httpProbe, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, waiting, endpointSliceFor,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes, eksNodeName } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = at;
/** git-sync v4 (logr/funcr) time: `2026-11-21 03:12:41.563412`. */
const gsTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '412');
/** RabbitMQ 3.13's time: `2026-11-21 03:12:41.563412+00:00`. */
const rmqTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '412+00:00');

// ---- 1. git-sync's SSH key mounted 0644 by revision 16 --------------------------------------------

function gitSyncKeyTooOpen(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '233']);
  const gitSync = 'registry.k8s.io/git-sync/git-sync:v4.2.4';
  const web = (v: string) => `${ECR}/docs/docs-portal-web:${v}`;
  const repo = 'git@github.com:acme-corp/docs-portal-content.git';
  const syncArgs = (oneTime: boolean) => [
    `--repo=${repo}`, '--ref=main', '--root=/git', '--link=current', '--ssh-key-file=/etc/git-secret/ssh',
    '--ssh-known-hosts-file=/etc/git-secret/known_hosts', ...(oneTime ? ['--one-time'] : ['--period=60s', '--max-failures=5']),
  ];
  const mounts = [{ name: 'content', mountPath: '/git' }, { name: 'git-secret', mountPath: '/etc/git-secret', readOnly: true }];
  const tpl = (mode: number, v: string) => ({
    initContainers: [container({ name: 'git-sync-init', image: gitSync, args: syncArgs(true), ports: [], cpu: '20m', memory: '96Mi', readiness: null, liveness: null, volumeMounts: mounts, securityContext: { runAsUser: 0 } })],
    containers: [
      container({ name: 'web', image: web(v), ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'content', mountPath: '/usr/share/nginx/html', readOnly: true }] }),
      container({ name: 'git-sync', image: gitSync, args: syncArgs(false), ports: [], cpu: '20m', memory: '96Mi', readiness: null, liveness: null, volumeMounts: mounts, securityContext: { runAsUser: 0 } }),
    ],
    volumes: [
      { name: 'content', emptyDir: {} },
      { name: 'git-secret', secret: { secretName: 'docs-portal-git-deploy-key', defaultMode: mode } },
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-portal',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 15, createdAgo: 23 * DAYS, changeCause: 'helm upgrade docs-portal --version 1.9.3', template: tpl(256, '2.4.1') },
      { revision: 16, createdAgo: 34, changeCause: 'helm upgrade docs-portal --version 2.0.0 (values restructure)', template: tpl(420, '2.4.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 9 * DAYS - k * 3 })),
      {
        revision: 16, node: names[2] ?? '', createdAgo: 34,
        initContainers: { 'git-sync-init': crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 1 }, 10) },
        containers: { web: waiting('PodInitializing'), 'git-sync': waiting('PodInitializing') },
      },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'docs-search', names, 3 * HOURS, { revisions: [11, 12], versions: ['0.8.2', '0.8.3'], olderAgo: 30 * DAYS });
  const ip = 'spec.initContainers{git-sync-init}';
  const stderr = [
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
    '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
    "Permissions 0644 for '/etc/git-secret/ssh' are too open.",
    'It is required that your private key files are NOT accessible by others.',
    'This private key will be ignored.',
    'Load key "/etc/git-secret/ssh": bad permissions',
    'git@github.com: Permission denied (publickey).',
    'fatal: Could not read from remote repository.',
    '',
    'Please make sure you have the correct access rights',
    'and the repository exists.',
    '',
  ].join('\n');
  const gs = (t: number, line: number, o: Record<string, unknown>) => JSON.stringify({ logger: '', ts: gsTime(t), caller: { file: 'main.go', line }, ...o });
  const initRun = (t: number) => lines(
    gs(t, 546, { level: 0, msg: 'starting up', version: 'v4.2.4', pid: 1, uid: 0, gid: 0, home: '/root', flags: syncArgs(true).map((a) => (a === '--one-time' ? '--one-time=true' : a)) }),
    gs(t - 0.002, 1174, { level: 0, msg: 'repo directory was empty or failed checks', path: '/git' }),
    gs(t - 0.003, 1226, { level: 0, msg: 'initializing repo directory', path: '/git' }),
    gs(t - 0.012, 1003, { msg: 'error syncing repo, will retry', error: `Run(git fetch ${repo} main --verbose --no-progress --prune --no-auto-gc): exit status 128: { stdout: "", stderr: ${JSON.stringify(stderr)} }`, failCount: 1 }),
    gs(t - 0.012, 1009, { msg: 'exiting after one sync attempt', error: 'sync failed in --one-time mode' }),
  );
  const okSync = (t: number, hash: string) => gs(t, 1296, { level: 0, msg: 'updated successfully', ref: 'main', remote: hash, syncCount: 12_000 + Math.round(t) });
  return {
    id: 'heldout38-git-sync-ssh-key-mode-0644',
    class: 'rollout',
    truth: 'Revision 16 of docs-portal (helm chart 2.0.0, a values restructure, 34 minutes ago) changed the git-secret volume (Secret docs-portal-git-deploy-key) from defaultMode 0400 (256) to the default 0644 (420). git-sync runs as root, owns the key file, and ssh refuses a private key readable by others: "WARNING: UNPROTECTED PRIVATE KEY FILE! Permissions 0644 for \'/etc/git-secret/ssh\' are too open", "Load key: bad permissions", then "Permission denied (publickey)". The new pod\'s git-sync-init container exits 1 on every try (Init:CrashLoopBackOff), so the rollout is stuck while the three revision-15 pods keep serving. The deploy key is fine. Fix: set the volume\'s defaultMode back to 0400 (or roll back to revision 15).',
    ask: { service: 'docs-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'docs-portal', selector: { app: 'docs-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'docs-search', selector: { app: 'docs-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 1, 0, 34),
      scheduled(fresh, 34),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${gitSync}" already present on machine`, count: 11, firstAgo: 33.9, lastAgo: 1.9, fieldPath: ip }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container git-sync-init', count: 11, firstAgo: 33.9, lastAgo: 1.9, fieldPath: ip }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container git-sync-init', count: 11, firstAgo: 33.9, lastAgo: 1.9, fieldPath: ip }),
      backOff(fresh, 'git-sync-init', { count: 148, firstAgo: 33.6, lastAgo: 0.3, init: true }),
    ],
    logs: [
      logsFor(fresh, 'git-sync-init', { previous: initRun(1.9) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'git-sync', { current: lines(okSync(3.1 + k * 0.2, 'a3f9c21d7e04b6c8f1e2d3a4b5c6d7e8f9a0b1c2'), gs(1.1 + k * 0.2, 1238, { level: 1, msg: 'no update required', ref: 'main', local: 'a3f9c21d7e04b6c8f1e2d3a4b5c6d7e8f9a0b1c2', remote: 'a3f9c21d7e04b6c8f1e2d3a4b5c6d7e8f9a0b1c2' })) })),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'web', { current: lines(`10.0.96.${40 + k} - - [21/Nov/2026:03:12:${10 + k} +0000] "GET /guides/onboarding/ HTTP/1.1" 200 18342 "-" "Mozilla/5.0"`, `10.0.96.${40 + k} - - [21/Nov/2026:03:13:${20 + k} +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/0644|\b420\b|defaultMode|bad permissions|too open|UNPROTECTED/i, /git-sync/],
      facts: [/git-secret/, /revision 16/, /0400|\b256\b/, lit("Permissions 0644 for '/etc/git-secret/ssh' are too open")],
      never: [/\bOOM/, /image ?pull/i, /deploy key[^\n]{0,40}(revoked|rotated|removed|deleted|expired)/i, /known_hosts|host key/i],
    },
  };
}

// ---- 2. exec liveness `cat /tmp/healthy` vs the worker's own /tmp sweeper ----------------------------

function livenessMarkerSweptFromTmp(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.134', ['9', '120', '215']);
  const image = `${ECR}/reporting/report-renderer:5.3.2`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [], cpu: '500m', memory: '1536Mi', command: ['python', '-m', 'renderer.worker'],
      env: [
        { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/report-render-jobs' },
        { name: 'RENDER_CONCURRENCY', value: '4' },
        { name: 'TMP_SWEEP_INTERVAL_MINUTES', value: '15' },
        { name: 'TMP_SWEEP_MAX_AGE_HOURS', value: '6' },
      ],
      readiness: null,
      liveness: execProbe(['cat', '/tmp/healthy'], { initialDelaySeconds: 20, periodSeconds: 15, failureThreshold: 3 }),
    })],
    terminationGracePeriodSeconds: 60,
  });
  // Each run lasts ~6h01m: the marker is written at start, the sweep 6h00m30s later removes it,
  // and three failed probes 15 s apart get the worker killed (SIGTERM, exit 143).
  const runMin = 361.3;
  const killedAgo = [8.6, 173.9, 4.1 * HOURS];
  const app = deploymentApp({
    namespace: ns,
    name: 'report-renderer',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 40 * DAYS, changeCause: 'argocd: report-renderer 5.3.1', template: tplOf(`${ECR}/reporting/report-renderer:5.3.1`) },
      { revision: 9, createdAgo: 12 * DAYS, changeCause: 'argocd: report-renderer 5.3.2', template: tplOf(image) },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 9, node: names[k] ?? '', createdAgo: 12 * DAYS - 4 - k,
      containers: { app: running({ sinceAgo: (killedAgo[k] ?? 9) - 0.2, restarts: 46 - k, last: { exitCode: 143, finishedAgo: killedAgo[k] ?? 9, ranSeconds: Math.round(runMin * 60) } }) },
    })),
    settled: { available: true, availableSince: 12 * DAYS - 10, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 8 },
  });
  const pod = podOf(app, 0);
  const other = bystander(ns, 'report-api', names, 2 * DAYS, { revisions: [21, 22], versions: ['3.0.4', '3.1.0'], olderAgo: 19 * DAYS });
  const log = (t: number, level: string, name: string, msg: string) => `${pyTime(t)} ${level} [${name}] ${msg}`;
  const run = (startAgo: number, endAgo: number, k: number): string => {
    const out: string[] = [
      log(startAgo, 'INFO', 'renderer.worker', `report-renderer 5.3.2 starting (pid 1, concurrency 4, queue report-render-jobs)`),
      log(startAgo - 0.01, 'INFO', 'renderer.health', 'liveness marker written: /tmp/healthy'),
      log(startAgo - 0.01, 'INFO', 'renderer.janitor', 'tmp sweeper started: dir=/tmp interval=15m max_age=6h'),
    ];
    for (let s = 0; startAgo - 0.5 - s * 15 > endAgo; s++) {
      const t = startAgo - 0.5 - s * 15;
      for (let j = 0; j < 2; j++) out.push(log(t + 7 - j * 4, 'INFO', 'renderer.jobs', `rendered report id=rpt_${(48_211 + s * 9 + j * 3 + k * 1000).toString(36)} template=${j === 0 ? 'monthly-statement' : 'tax-summary'} pages=${8 + ((s + j) % 14)} in ${(1.7 + ((s * 7 + j) % 9) * 0.31).toFixed(2)}s`));
      if (s % 8 === 5) out.push(log(t + 2, 'WARNING', 'renderer.fonts', 'glyph U+2212 missing in font "Inter-Regular", falling back to "DejaVuSans"'));
      const old = startAgo - t >= 360;
      out.push(log(t, 'INFO', 'renderer.janitor', old
        ? `swept /tmp: removed ${27 + s % 11} entries older than 6h (${(96.2 + s * 1.7).toFixed(1)} MiB freed): ['/tmp/healthy', '/tmp/rnd_${(9100 + s).toString(36)}.pdf', '/tmp/rnd_${(9101 + s).toString(36)}.pdf', '/tmp/wkhtml_${(77 + s).toString(36)}.html', ...]`
        : `swept /tmp: removed ${s < 24 ? 18 + ((s * 5) % 13) : 0} entries older than 6h (${(71.4 + s * 2.3).toFixed(1)} MiB freed)`));
    }
    return lines(...out);
  };
  const prevStart = (killedAgo[0] ?? 8.6) + runMin;
  return {
    id: 'heldout38-exec-liveness-marker-deleted-by-tmp-sweeper',
    class: 'probes',
    truth: 'report-renderer\'s liveness probe is exec `cat /tmp/healthy`, a marker the worker writes once at startup. The worker\'s own tmp sweeper (TMP_SWEEP_MAX_AGE_HOURS=6, every 15 minutes) deletes everything in /tmp older than six hours — the marker included — so about 6 hours after each start the probe fails ("cat: /tmp/healthy: No such file or directory"), the kubelet kills the worker (exit 143) and it restarts; every pod has done so ~45 times in 12 days with no change to the cluster. Not a memory or rollout problem. Fix: refresh the marker on a heartbeat (touch it from the work loop) or exclude it from the sweep, or move it out of /tmp.',
    ask: { service: 'report-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: other.pods }),
      probeFailed(pod, 'app', 'Liveness', 'cat: /tmp/healthy: No such file or directory', { count: 3, firstAgo: 9.1, lastAgo: 8.6 }),
      probeKilling(pod, 'app', 'liveness', { count: 1, firstAgo: 8.6, lastAgo: 8.6 }),
      ...restartedAgain(pod, 'app', image, { count: 1, firstAgo: 8.4, lastAgo: 8.4 }),
    ],
    logs: [
      logsFor(pod, 'app', { previous: run(prevStart, (killedAgo[0] ?? 8.6), 0), current: run((killedAgo[0] ?? 8.6) - 0.2, 0, 0) }),
      logsFor(podOf(app, 1), 'app', { current: run((killedAgo[1] ?? 174) - 0.2, 0, 1) }),
      logsFor(podOf(app, 2), 'app', { current: run((killedAgo[2] ?? 246) - 0.2, 0, 2) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\/tmp\/healthy/],
      facts: [/liveness/i, /sweep|janitor|older than 6h|TMP_SWEEP_MAX_AGE_HOURS/i, /\b143\b|restart/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /memory leak/i, /initialDelaySeconds|timeoutSeconds/],
    },
  };
}

// ---- 3. partner API allow-list vs the new node group's NAT egress IP --------------------------------

function partnerAllowListNewEgressIp(): CorpusScenario {
  const ns = 'payouts';
  const cordon = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }];
  const oldNodes = [['10.0.33.18', 'eu-west-1a'], ['10.0.49.201', 'eu-west-1b']].map(([ip, zone]) => node({ name: eksNodeName(ip ?? ''), zone: zone ?? '', pool: 'general-ng-2024', instanceType: 'm5.xlarge', createdAgo: 290 * DAYS, unschedulable: true, taints: cordon }));
  const newNodes = [['10.0.160.27', 'eu-west-1a'], ['10.0.176.94', 'eu-west-1b'], ['10.0.190.151', 'eu-west-1c']].map(([ip, zone]) => node({ name: eksNodeName(ip ?? ''), zone: zone ?? '', pool: 'general-ng-2026', instanceType: 'm7i.xlarge', createdAgo: 21 * HOURS }));
  const oldN = oldNodes.map(nameOf);
  const newN = newNodes.map(nameOf);
  const image = `${ECR}/payouts/payout-gateway:7.2.0`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: '/config/' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'payout-gateway-config' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-gateway',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 33 * DAYS, changeCause: 'argocd: payout-gateway 7.1.4', template: tplOf(`${ECR}/payouts/payout-gateway:7.1.4`) },
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: payout-gateway 7.2.0', template: tplOf(image) },
    ],
    pods: [
      { revision: 41, node: oldN[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 41, node: oldN[1] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 41, node: newN[1] ?? '', createdAgo: 19 * HOURS + 12 },
      { revision: 41, node: newN[2] ?? '', createdAgo: 19 * HOURS + 10 },
    ],
    settled: { available: true, availableSince: 19 * HOURS + 9, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const other = bystander(ns, 'payout-scheduler', newN, 19 * HOURS + 11, { revisions: [6, 7], versions: ['1.4.0', '1.4.1'], olderAgo: 60 * DAYS });
  const cfg = configMap({
    namespace: ns, name: 'payout-gateway-config', createdAgo: 200 * DAYS, updatedAgo: 33 * DAYS,
    data: {
      'application-prod.yaml': [
        'partner:',
        '  northbridge:',
        '    base-url: https://api.northbridge-payments.com/v2',
        '    client-id: acme-payouts-prod',
        '    # Northbridge allow-lists the source IPs we call from (ticket NB-4471):',
        '    # 34.247.18.201, 34.247.18.202 (eks-prod NAT gateways eu-west-1a/1b).',
        '    # Any new egress IP must be registered with them 5 working days ahead.',
        '    connect-timeout: 3s',
        '    read-timeout: 10s',
        'payouts:',
        '  batch-interval: 300s',
        '  max-batch: 200',
        '',
      ].join('\n'),
    },
  });
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${springTime(t)} ${level.padStart(5)} 1 --- [payout-gateway] [${thread}] ${logger.padEnd(40)} : ${msg}`;
  const startup = (t: number) => [
    spring(t, 'INFO', 'main', 'c.a.p.PayoutGatewayApplication', 'Starting PayoutGatewayApplication v7.2.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    spring(t - 0.4, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    spring(t - 0.4, 'INFO', 'main', 'c.a.p.PayoutGatewayApplication', 'Started PayoutGatewayApplication in 21.84 seconds (process running for 23.1)'),
  ];
  const good = (k: number) => lines(
    ...startup(9 * DAYS - 2 - k),
    ...[0, 1, 2, 3].flatMap((b) => {
      const t = 17 - b * 5 - k * 0.3;
      return [
        spring(t, 'INFO', 'scheduling-1', 'c.a.p.batch.PayoutBatchJob', `payout batch ${88_140 + b * 2 + k} picked up: ${31 + b * 4} payouts`),
        spring(t - 0.05, 'INFO', 'pool-3-thread-2', 'c.a.p.partner.NorthbridgeClient', `POST https://api.northbridge-payments.com/v2/payouts -> 201 Created (${180 + b * 17} ms)`),
        spring(t - 0.1, 'INFO', 'scheduling-1', 'c.a.p.batch.PayoutBatchJob', `payout batch ${88_140 + b * 2 + k}: ${31 + b * 4}/${31 + b * 4} submitted`),
      ];
    }),
  );
  const refused = (k: number) => lines(
    ...startup(19 * HOURS + 11 - k * 2),
    spring(19 * HOURS + 10 - k * 2, 'WARN', 'main', 'o.h.e.j.e.i.JdbcEnvironmentInitiator', 'HHH000342: Could not obtain connection to query metadata — retrying (pool warming up)'),
    ...[0, 1, 2, 3].flatMap((b) => {
      const t = 19 - b * 5 - k * 0.3;
      const batch = 88_139 + b * 2 + k;
      return [
        spring(t, 'INFO', 'scheduling-1', 'c.a.p.batch.PayoutBatchJob', `payout batch ${batch} picked up: ${28 + b * 3} payouts`),
        spring(t - 0.05, 'ERROR', 'pool-3-thread-5', 'c.a.p.partner.NorthbridgeClient', 'POST https://api.northbridge-payments.com/v2/payouts failed: 403 Forbidden: "{"error":"ip_not_allowed","message":"source IP 52.214.87.19 not allowed","request_id":"nb-req-' + (7_712_400 + b * 13 + k) + '"}"'),
        spring(t - 0.05, 'ERROR', 'pool-3-thread-5', 'c.a.p.batch.PayoutBatchJob', `payout batch ${batch}: 0/${28 + b * 3} submitted, ${28 + b * 3} failed (HttpClientErrorException$Forbidden), re-queued for next run`),
      ];
    }),
  );
  return {
    id: 'heldout38-partner-ip-allowlist-new-nodegroup-egress',
    class: 'network',
    truth: 'Yesterday the platform team began migrating from node group general-ng-2024 to general-ng-2026, which sits in new private subnets whose NAT gateway egresses from 52.214.87.19. The old nodes are cordoned and half drained: the two payout-gateway pods still on general-ng-2024 (egress 34.247.18.201/202, allow-listed by Northbridge) submit payouts fine, while the two pods rescheduled onto general-ng-2026 get "403 Forbidden: source IP 52.214.87.19 not allowed" for every batch, though all four pods are Ready. Nothing in payout-gateway changed; a rollback would not help. Fix: have Northbridge allow-list 52.214.87.19 (or route the new subnets through the registered NAT gateways) before finishing the drain.',
    ask: { service: 'payout-gateway', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'payout-gateway', selector: { app: 'payout-gateway' }, pods: app.pods }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: good(0) }),
      logsFor(podOf(app, 1), 'app', { current: good(1) }),
      logsFor(podOf(app, 2), 'app', { current: refused(0) }),
      logsFor(podOf(app, 3), 'app', { current: refused(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/52\.214\.87\.19|general-ng-2026|allow-?list|not allowed/i],
      facts: [lit('52.214.87.19'), /general-ng-2026/, /\b403\b/],
      never: [ADVISES_ROLLBACK, /NetworkPolicy/, /\bDNS\b/, /certificate|\bTLS\b/i, /(credential|api key|client secret)[^\n]{0,30}(invalid|expired|wrong|rotat)/i],
    },
  };
}

// ---- 4. Elasticsearch mapping explosion after 3.8.0 indexes dynamic keys ------------------------------

function elasticsearchTotalFieldsLimit(): CorpusScenario {
  const ns = 'audit';
  const { nodes, names } = threeEksNodes('10.0.212', ['44', '161', '250']);
  const image = (v: string) => `${ECR}/audit/audit-indexer:${v}`;
  const env = (dyn: boolean): k8s.V1EnvVar[] => [
    { name: 'ES_URL', value: 'http://audit-es-http.audit.svc.cluster.local:9200' },
    { name: 'INDEX_PREFIX', value: 'audit-events' },
    { name: 'INDEX_ROLLOVER', value: 'monthly' },
    { name: 'BULK_MAX_ITEMS', value: '500' },
    { name: 'DLQ_TOPIC', value: 'audit-events-dlq' },
    ...(dyn ? [{ name: 'INDEX_REQUEST_ATTRIBUTES', value: 'true' }] : []),
  ];
  const tpl = (v: string, dyn: boolean) => ({ containers: [container({ image: image(v), ports: [9102], cpu: '300m', memory: '384Mi', env: env(dyn), readiness: httpProbe('/readyz', 9102), liveness: httpProbe('/livez', 9102, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'audit-indexer',
    replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 16 * DAYS, changeCause: 'argocd: audit-indexer 3.7.4', template: tpl('3.7.4', false) },
      { revision: 23, createdAgo: 5 * HOURS + 10, changeCause: 'argocd: audit-indexer 3.8.0', template: tpl('3.8.0', true) },
    ],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 5 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 7, progressingSince: 5 * HOURS + 10, progressingUpdatedAgo: 5 * HOURS + 7 },
  });
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns, name: 'audit-es', replicas: 3, serviceName: 'audit-es-headless',
    revisions: [{ revision: 4, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '1', memory: '4Gi', readiness: execProbe(['bash', '-c', 'curl -fs http://127.0.0.1:9200/_cluster/health?local=true']), liveness: tcpProbe('transport', { initialDelaySeconds: 60 }) })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 31 * DAYS - o * 5 })),
  });
  const indexTemplate = configMap({
    namespace: ns, name: 'audit-index-template', createdAgo: 300 * DAYS, updatedAgo: 90 * DAYS,
    data: {
      'audit-events.json': JSON.stringify({
        index_patterns: ['audit-events-*'],
        template: {
          settings: { number_of_shards: 3, number_of_replicas: 1, 'index.mapping.total_fields.limit': 1000 },
          mappings: { dynamic: true, properties: { '@timestamp': { type: 'date' }, actor: { type: 'keyword' }, action: { type: 'keyword' }, tenant: { type: 'keyword' }, request: { properties: { path: { type: 'keyword' }, method: { type: 'keyword' } } } } },
        },
      }, null, 2),
    },
  });
  const index = 'audit-events-2026.11';
  const zl = (t: number, level: string, caller: string, msg: string, o: Record<string, unknown> = {}) => JSON.stringify({ level, ts: at(t), caller, msg, ...o });
  const logOf = (k: number) => {
    const out: string[] = [
      zl(5 * HOURS + 8 - k, 'info', 'cmd/indexer/main.go:61', 'audit-indexer starting', { version: '3.8.0', index_request_attributes: true }),
      zl(5 * HOURS + 8 - k, 'info', 'es/client.go:44', 'connected to elasticsearch', { url: 'http://audit-es-http.audit.svc.cluster.local:9200', cluster: 'audit-es', version: '8.15.3' }),
      zl(3 * HOURS - k, 'info', 'es/health.go:30', 'cluster health', { status: 'green', nodes: 3, active_shards_percent: 100 }),
      zl(2 * HOURS - k, 'info', 'bulk/indexer.go:240', 'bulk flush', { index, items: 500, failed: 0, took_ms: 61 }),
    ];
    for (let i = 0; i < 14; i++) {
      const t = 72 - i * 5 - k * 0.4;
      const failed = 170 + ((i * 37 + k * 11) % 120);
      for (let j = 0; j < 2; j++) {
        out.push(zl(t - j * 0.02, 'error', 'bulk/indexer.go:212', 'bulk item rejected', {
          index, status: 400, doc_id: `evt_${(991_200 + i * 31 + j * 7 + k * 500).toString(36)}`,
          error: { type: 'illegal_argument_exception', reason: `Limit of total fields [1000] has been exceeded while adding new fields [${3 + ((i + j) % 4)}]` },
        }));
      }
      out.push(zl(t - 0.05, 'warn', 'bulk/indexer.go:240', 'bulk flush', { index, items: 500, failed, took_ms: 70 + i }));
      out.push(zl(t - 0.06, 'warn', 'dlq/producer.go:38', 'documents sent to dead-letter topic', { topic: 'audit-events-dlq', count: failed }));
      if (i % 4 === 1) out.push(zl(t - 1, 'info', 'es/health.go:30', 'cluster health', { status: 'green', nodes: 3, active_shards_percent: 100 }));
    }
    return lines(...out);
  };
  const esLog = (o: number) => lines(
    `{"@timestamp":"${at(25 * HOURS + o)}", "log.level": "INFO", "message":"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[audit-events-2026.11][1]]]).", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[audit-es-0][masterService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"audit-es-${o}","elasticsearch.cluster.name":"audit-es"}`,
    `{"@timestamp":"${at(4 * HOURS + o)}", "log.level": "INFO", "message":"[audit-events-2026.11/Xq3aR1sVQn2m9LkPz0wE7g] update_mapping [_doc]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[audit-es-0][masterService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.metadata.MetadataMappingService","elasticsearch.node.name":"audit-es-${o}","elasticsearch.cluster.name":"audit-es"}`,
    `{"@timestamp":"${at(40 + o)}", "log.level": "WARN", "message":"path: /_bulk, params: {}, status: 200", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[audit-es-${o}][transport_worker][T#3]","log.logger":"org.elasticsearch.http.HttpTracer","elasticsearch.node.name":"audit-es-${o}","elasticsearch.cluster.name":"audit-es"}`,
  );
  return {
    id: 'heldout38-elasticsearch-total-fields-limit-dynamic-keys',
    class: 'rollout',
    truth: 'audit-indexer 3.8.0 (revision 23, 5 hours ago) added INDEX_REQUEST_ATTRIBUTES=true, which indexes each request\'s query parameters and headers as an object with dynamic keys. Every new key became a new field in the mapping of audit-events-2026.11 until, 72 minutes ago, it reached index.mapping.total_fields.limit: since then Elasticsearch rejects a third of every bulk with 400 "illegal_argument_exception: Limit of total fields [1000] has been exceeded while adding new fields [3]" and those audit events go to the dead-letter topic. The cluster is green. Fix: roll back to 3.7.4 (revision 22) or turn INDEX_REQUEST_ATTRIBUTES off, then map the attributes as a flattened field (or dynamic: false) before re-enabling and replaying the DLQ; raising the field limit only postpones it.',
    ask: { service: 'audit-indexer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...es.objects, indexTemplate,
      ...exposed({ namespace: ns, name: 'audit-indexer', selector: { app: 'audit-indexer' }, pods: app.pods, ports: [{ name: 'metrics', port: 9102, targetPort: 9102 }], endpointPort: 9102 }),
      ...exposed({ namespace: ns, name: 'audit-es-http', selector: { app: 'audit-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      service({ namespace: ns, name: 'audit-es-headless', selector: { app: 'audit-es' }, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }] }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
      ...es.pods.map((p, o) => logsFor(p, 'elasticsearch', { current: esLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/total fields|\[1000\]|mapping/i],
      facts: [lit('Limit of total fields [1000]'), /revision 23|3\.8\.0|INDEX_REQUEST_ATTRIBUTES/, /audit-events/],
      never: [/\bOOM/, /disk|watermark/i, /(cluster|elasticsearch|audit-es)[^\n]{0,30}\b(red|yellow|down|unreachable|unavailable)\b/i],
    },
  };
}

// ---- 5. RabbitMQ queue at x-max-length with reject-publish: publishes nacked --------------------------

function rabbitRejectPublishNacks(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58', ['23', '139', '207']);
  const apiImage = (v: string) => `${ECR}/orders/checkout-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [3000], cpu: '250m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'AMQP_URL', value: 'amqp://checkout@rabbitmq.orders.svc.cluster.local:5672/' }, { name: 'AMQP_PUBLISH_RETRIES', value: '3' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-api 12.4.0', template: apiTpl('12.4.0') },
      { revision: 89, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: checkout-api 12.4.1', template: apiTpl('12.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const workerImage = `${ECR}/orders/fulfilment-worker:4.0.9`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'fulfilment-worker',
    replicas: 3,
    revisions: [{ revision: 31, createdAgo: 15 * DAYS, changeCause: 'argocd: fulfilment-worker 4.0.9', template: { containers: [container({ image: workerImage, ports: [8081], cpu: '200m', memory: '384Mi', env: [{ name: 'AMQP_QUEUE', value: 'order.fulfilment' }, { name: 'AMQP_PREFETCH', value: '10' }, { name: 'WMS_URL', value: 'https://wms.northwind-logistics.example/api' }], readiness: httpProbe('/ready', 8081), liveness: httpProbe('/live', 8081) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[(k + 1) % 3] ?? '', createdAgo: 15 * DAYS - k })),
  });
  const mqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const mq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-nodes',
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: mqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }], cpu: '1', memory: '2Gi', readiness: tcpProbe('amqp'), liveness: execProbe(['rabbitmq-diagnostics', 'status'], { periodSeconds: 60, timeoutSeconds: 15 }), volumeMounts: [{ name: 'definitions', mountPath: '/etc/rabbitmq/definitions.json', subPath: 'definitions.json' }] })], volumes: [{ name: 'definitions', configMap: { name: 'rabbitmq-definitions' } }] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 3, ordinal: o, node: names[o] ?? '', createdAgo: 44 * DAYS - o * 4 })),
  });
  const definitions = configMap({
    namespace: ns, name: 'rabbitmq-definitions', createdAgo: 80 * DAYS, updatedAgo: 52 * DAYS,
    data: {
      'definitions.json': JSON.stringify({
        vhosts: [{ name: '/' }],
        exchanges: [{ name: 'orders', vhost: '/', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} }],
        queues: [
          { name: 'order.fulfilment', vhost: '/', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-max-length': 50000, 'x-overflow': 'reject-publish', 'x-delivery-limit': 20 } },
          { name: 'order.notifications', vhost: '/', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } },
        ],
        bindings: [
          { source: 'orders', vhost: '/', destination: 'order.fulfilment', destination_type: 'queue', routing_key: 'order.placed', arguments: {} },
          { source: 'orders', vhost: '/', destination: 'order.notifications', destination_type: 'queue', routing_key: 'order.*', arguments: {} },
        ],
      }, null, 2),
      'rabbitmq.conf': 'load_definitions = /etc/rabbitmq/definitions.json\nvm_memory_high_watermark.relative = 0.6\ndisk_free_limit.absolute = 2GB\ncluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s\n',
    },
  });
  const pino = (t: number, level: number, host: string, msg: string, o: Record<string, unknown> = {}) => JSON.stringify({ level, time: epochMs(t), pid: 1, hostname: host, msg, ...o });
  const apiLog = (p: k8s.V1Pod, k: number) => {
    const h = nameOf(p);
    const out: string[] = [
      pino(2 * HOURS + 3 - k, 30, h, 'checkout-api 12.4.1 listening', { port: 3000 }),
      pino(2 * HOURS + 3 - k, 30, h, 'amqp confirm channel open', { url: 'amqp://rabbitmq.orders.svc.cluster.local:5672/', exchange: 'orders' }),
    ];
    for (let i = 0; i < 12; i++) {
      const t = 46 - i * 3.8 - k * 0.3;
      const order = `ORD-${(5_510_300 + i * 17 + k * 3).toString()}`;
      out.push(pino(t, 30, h, 'request completed', { req: { method: 'POST', url: '/v1/orders' }, res: { statusCode: 201 }, responseTime: 84 + i * 3 }));
      for (let a = 1; a <= 3; a++) out.push(pino(t - a * 0.01, 40, h, 'publish nacked by broker, retrying', { exchange: 'orders', routingKey: 'order.placed', orderId: order, attempt: a }));
      out.push(pino(t - 0.04, 50, h, 'publish failed after 3 attempts, dropping order.placed event', {
        exchange: 'orders', routingKey: 'order.placed', orderId: order,
        err: { type: 'Error', message: 'message nacked', stack: 'Error: message nacked\n    at ConfirmChannel.<anonymous> (/app/node_modules/amqplib/lib/channel_model.js:248:14)\n    at ConfirmChannel.emit (node:events:519:28)\n    at ConfirmChannel.handleConfirm (/app/node_modules/amqplib/lib/channel.js:367:10)' },
      }));
    }
    return lines(...out);
  };
  const workerLog = (k: number) => lines(
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => {
      const t = 30 - i * 5 - k * 0.2;
      return [
        `${pyTime(t)} WARNING [fulfilment.wms] slow WMS call: POST https://wms.northwind-logistics.example/api/reservations took ${4200 + i * 310 + k * 90}ms (p50 over last 5m: ${3900 + i * 120}ms)`,
        `${pyTime(t - 0.01)} INFO [fulfilment.consumer] processed order ORD-${5_509_100 + i * 7 + k} in ${(4.6 + i * 0.3).toFixed(1)}s (prefetch 10, in flight 10)`,
      ];
    }),
  );
  const mqLog = (o: number) => lines(
    `${rmqTime(44 * DAYS - o * 4)} [info] <0.230.0> Server startup complete; 6 plugins started.`,
    `${rmqTime(2 * HOURS + 2 - o)} [info] <0.${31_200 + o}.0> accepting AMQP connection <0.${31_200 + o}.0> (10.0.58.${90 + o}:41${o}22 -> 10.0.58.${150 + o}:5672)`,
    `${rmqTime(2 * HOURS + 2 - o)} [info] <0.${31_200 + o}.0> connection <0.${31_200 + o}.0> (10.0.58.${90 + o}:41${o}22 -> 10.0.58.${150 + o}:5672): user 'checkout' authenticated and granted access to vhost '/'`,
    `${rmqTime(2 * HOURS + 6 - o)} [warning] <0.${29_870 + o}.0> closing AMQP connection <0.${29_870 + o}.0> (10.0.58.${70 + o}:3${o}912 -> 10.0.58.${150 + o}:5672, vhost: '/', user: 'checkout'):`,
    `${rmqTime(2 * HOURS + 6 - o)} [warning] <0.${29_870 + o}.0> client unexpectedly closed TCP connection`,
  );
  return {
    id: 'heldout38-rabbitmq-max-length-reject-publish-nacks',
    class: 'capacity',
    truth: 'The quorum queue order.fulfilment is declared (ConfigMap rabbitmq-definitions) with x-max-length 50000 and x-overflow reject-publish. For the last ~50 minutes the warehouse API that fulfilment-worker calls has answered in 4–5 s instead of ~100 ms, so the three consumers drain a few messages a second while checkout-api publishes far more; the queue reached 50000 and the broker now nacks every publish to it. checkout-api logs "publish nacked by broker", retries three times and drops the order.placed event, though the orders themselves are saved (201). The brokers are healthy with no memory or disk alarm, and checkout-api\'s rollout two hours ago is unrelated. Fix: restore consumer throughput (scale fulfilment-worker / raise its concurrency while the WMS is slow), temporarily raise the queue\'s max-length via a policy, and make checkout-api keep unpublished events (outbox) instead of dropping them; replay the dropped orders.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...worker.objects, ...mq.objects, definitions,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: mq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], endpointPort: 5672 }),
      service({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }] }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      ...mq.pods.map((p, o) => logsFor(p, 'rabbitmq', { current: mqLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/order\.fulfilment|reject-publish|x-max-length|nack/i],
      facts: [/reject-publish/, /50000|50,000|50k/i, /fulfilment-worker|consumer/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(rabbitmq|broker)[^\n]{0,30}(down|unreachable|crash|memory alarm|disk alarm)/i, /connection (refused|reset)/i],
    },
  };
}

// ---- 6. (chosen) a subPath ConfigMap mount never sees the edit: still calling the retired service ------

function subPathConfigMapStale(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.120', ['36', '148', '244']);
  const image = `${ECR}/pricing/pricing-api:6.2.3`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [8080], cpu: '400m', memory: '512Mi', args: ['--config=/etc/pricing/config.yaml', '--watch-config'],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/pricing/config.yaml', subPath: 'config.yaml', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'pricing-api-config' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 25 * DAYS, changeCause: 'argocd: pricing-api 6.2.2', template: tplOf(`${ECR}/pricing/pricing-api:6.2.2`) },
      { revision: 31, createdAgo: 4 * DAYS, changeCause: 'argocd: pricing-api 6.2.3', template: tplOf(image) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const cfg = configMap({
    namespace: ns, name: 'pricing-api-config', createdAgo: 210 * DAYS, updatedAgo: 3 * HOURS + 12,
    data: {
      'config.yaml': [
        'currency_default: EUR',
        'cache_ttl: 30s',
        'tax:',
        '  # migrated 2026-11-20 (PRICE-2291): tax-service-legacy is retired tonight',
        '  endpoint: http://tax-engine.pricing.svc.cluster.local:8080/v2/quote',
        '  timeout: 800ms',
        'promotions:',
        '  endpoint: http://promo-rules.pricing.svc.cluster.local:8080',
        '',
      ].join('\n'),
    },
  });
  const engineImage = `${ECR}/pricing/tax-engine:1.3.0`;
  const engine = deploymentApp({
    namespace: ns, name: 'tax-engine', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, changeCause: 'argocd: tax-engine 1.3.0', template: { containers: [container({ image: engineImage })] } }],
    pods: [0, 1].map((k) => ({ revision: 4, node: names[(k + 1) % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const legacyImage = `${ECR}/pricing/tax-service-legacy:2.9.14`;
  const legacy = deploymentApp({
    namespace: ns, name: 'tax-service-legacy', replicas: 0,
    revisions: [{ revision: 57, createdAgo: 180 * DAYS, changeCause: 'jenkins: tax-service-legacy 2.9.14', template: { containers: [container({ image: legacyImage })] } }],
    pods: [],
  });
  const legacySvc = service({ namespace: ns, name: 'tax-service-legacy', selector: { app: 'tax-service-legacy' }, clusterIP: '172.20.88.131', createdAgo: 500 * DAYS });
  const gz = (t: number, level: string, msg: string, o: Record<string, unknown> = {}) => JSON.stringify({ time: at(t), level, msg, ...o });
  const logOf = (k: number) => {
    const out: string[] = [
      gz(4 * DAYS - k - 0.2, 'INFO', 'pricing-api starting', { version: '6.2.3', go: 'go1.23.3' }),
      gz(4 * DAYS - k - 0.2, 'INFO', 'config loaded', { path: '/etc/pricing/config.yaml', 'tax.endpoint': 'http://tax-service-legacy.pricing.svc.cluster.local:8080/v1/quote', 'tax.timeout': '800ms' }),
      gz(4 * DAYS - k - 0.2, 'INFO', 'watching config file for changes', { path: '/etc/pricing/config.yaml' }),
      gz(4 * DAYS - k - 0.3, 'INFO', 'listening', { addr: ':8080' }),
      gz(70 - k, 'INFO', 'request', { method: 'POST', path: '/v1/prices/quote', status: 200, dur_ms: 23, tax_ms: 9 }),
    ];
    for (let i = 0; i < 14; i++) {
      const t = 52 - i * 3.7 - k * 0.25;
      out.push(gz(t, 'ERROR', 'tax quote failed', { upstream: 'http://tax-service-legacy.pricing.svc.cluster.local:8080/v1/quote', error: 'Post "http://tax-service-legacy.pricing.svc.cluster.local:8080/v1/quote": dial tcp 172.20.88.131:8080: connect: connection refused', cart_id: `c_${(88_410 + i * 13 + k).toString(36)}` }));
      out.push(gz(t - 0.001, 'WARN', 'request', { method: 'POST', path: '/v1/prices/quote', status: 502, dur_ms: 2 }));
    }
    return lines(...out);
  };
  return {
    id: 'heldout38-subpath-configmap-never-reloaded',
    class: 'config',
    truth: 'Three hours ago the pricing team edited ConfigMap pricing-api-config to point tax.endpoint at the new tax-engine, expecting pricing-api\'s --watch-config hot reload to pick it up, and 55 minutes ago scaled tax-service-legacy to 0. But pricing-api mounts config.yaml with subPath, and the kubelet never updates subPath mounts: the 4-day-old pods still hold the old file, never reloaded, and keep calling tax-service-legacy, which now refuses connections (no endpoints), so every quote fails with 502. Fix: restart pricing-api (kubectl rollout restart) so the pods read the current ConfigMap, and mount the ConfigMap as a directory (no subPath) or roll pods on config change (checksum annotation); tax-service-legacy should stay retired.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...engine.objects, ...legacy.objects, cfg,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tax-engine', selector: { app: 'tax-engine' }, pods: engine.pods }),
      legacySvc, endpointSliceFor(legacySvc, []),
      scaledReplicaSet(deploymentOf(legacy), rsOf(legacy, 57), 0, 2, 55),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/subPath/i],
      facts: [/pricing-api-config/, /tax-engine/, /tax-service-legacy/, /restart/i],
      never: [/\bDNS\b/, ADVISES_ROLLBACK, /(scale|restore|bring back|revive)[^\n]{0,25}tax-service-legacy/i, /NetworkPolicy/],
    },
  };
}

// ---- 7. healthy control: the API's own rate limiter answering one scraper 429 ------------------------

function healthyRateLimiter429s(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.8', ['12', '130', '241']);
  const image = `${ECR}/edge/public-api:9.14.1`;
  const tplOf = (img: string) => ({ containers: [container({ image: img, ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'RATE_LIMIT_CONFIG', value: '/etc/public-api/ratelimits.yaml' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'ratelimits', mountPath: '/etc/public-api', readOnly: true }] })], volumes: [{ name: 'ratelimits', configMap: { name: 'public-api-ratelimits' } }] });
  const app = deploymentApp({
    namespace: ns,
    name: 'public-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 20 * DAYS, changeCause: 'argocd: public-api 9.14.0', template: tplOf(`${ECR}/edge/public-api:9.14.0`) },
      { revision: 64, createdAgo: 6 * DAYS, changeCause: 'argocd: public-api 9.14.1', template: tplOf(image) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const limits = configMap({
    namespace: ns, name: 'public-api-ratelimits', createdAgo: 150 * DAYS, updatedAgo: 30 * DAYS,
    data: { 'ratelimits.yaml': 'default:\n  per_key: 50/s\n  burst: 100\nplans:\n  partner-gold:\n    per_key: 400/s\n    burst: 800\nresponse:\n  status: 429\n  retry_after: true\n' },
  });
  const logfmt = (t: number, level: string, msg: string, kv: string) => `time=${at(t)} level=${level} msg="${msg}" ${kv}`;
  const logOf = (k: number) => lines(
    logfmt(6 * DAYS - k - 0.3, 'INFO', 'public-api starting', 'version=9.14.1 addr=:8080 ratelimits=/etc/public-api/ratelimits.yaml'),
    every(20, 0.1, 20, (t, i) => {
      const out = [
        logfmt(t - k * 0.01, 'INFO', 'request', `method=GET path=/v1/products/${2_200 + i * 7 + k} status=200 dur_ms=${11 + (i % 9)} key=ak_live_${['7hq2', 'm3xd', '0b8r'][i % 3]}***`),
        logfmt(t - 0.003 - k * 0.01, 'WARN', 'rate limit exceeded', `key=ak_live_x9sc*** client_ip=185.220.101.${40 + k} path=/v1/products?page=${8_000 + i * 11 + k} limit=50/s burst=100 status=429 retry_after=1s dropped_last_10s=${380 + ((i * 53 + k * 17) % 140)}`),
        logfmt(t - 0.005 - k * 0.01, 'WARN', 'rate limit exceeded', `key=ak_live_x9sc*** client_ip=185.220.101.${40 + k} path=/v1/prices?page=${4_000 + i * 5 + k} limit=50/s burst=100 status=429 retry_after=1s dropped_last_10s=${360 + ((i * 31 + k * 7) % 150)}`),
      ];
      if (i % 4 === 0) out.push(logfmt(t - 0.007 - k * 0.01, 'INFO', 'request', `method=POST path=/v1/orders status=201 dur_ms=${38 + (i % 13)} key=ak_live_pg41***`));
      return out.join('\n') + '\n';
    }),
  );
  return {
    id: 'heldout38-healthy-rate-limiter-429-to-scraper',
    class: 'healthy',
    truth: 'Nothing is wrong with public-api: for the last half hour one API key (ak_live_x9sc…, from a scraping host) has been paging through the catalogue at ~900 requests a second and the service\'s own rate limiter answers it 429 at its configured 50/s (ConfigMap public-api-ratelimits, unchanged for 30 days), logging a WARN per refusal. Every other client is served 200/201 in ~10–50 ms, all three pods are Ready with no restarts and the last rollout was six days ago. The limiter is doing its job; nothing to roll back or scale. (Blocking the key at the WAF is a business choice, not a fix.)',
    ask: { service: 'public-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, limits,
      ...exposed({ namespace: ns, name: 'public-api', selector: { app: 'public-api' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/public-api/],
      facts: [/\b3\/3\b|3 of 3|all 3|3 (pods )?(are )?ready/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /rate.?limit[^\n]{0,40}(raise|increase|too low|misconfigur)/i, /\b429\b[^\n]{0,40}(failing|outage|degraded)/i, /scale (up|out)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  gitSyncKeyTooOpen(),
  livenessMarkerSweptFromTmp(),
  partnerAllowListNewEgressIp(),
  elasticsearchTotalFieldsLimit(),
  rabbitRejectPublishNacks(),
  subPathConfigMapStale(),
  healthyRateLimiter429s(),
];
