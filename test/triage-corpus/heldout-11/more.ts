// Held-out stories, eleventh round (second part, see ./stories.ts): hostAliases pinning a dependency
// to its old IP, a priorityClassName typo, a hardening revision without the service-account token,
// a CronJob refused by an object-count quota, a DaemonSet with imagePullPolicy Never on a new node
// pool, and the two healthy controls.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, container, cronJob, crashLoop, daemonSetApp, deploymentApp, event,
  exposed, httpProbe, job, nameOf, node, probeFailed, replicaSetOf, resourceQuota, restartedAgain, rsOf, running,
  scaledReplicaSet, statefulSetApp, terminated, waiting, batchContainer, tcpProbe, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built => heldOutBystander(ns, name, names, rolledAgo, { revisions: [112, 113], versions: ['1.4.0', '1.4.1'], olderAgo: 11 * DAYS });

/** klog's header time, as Go controllers print it: `I1121 03:05:12.331044`. */
function klog(level: 'I' | 'W' | 'E' | 'F', minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${String(minutes.toFixed(3)).slice(-3)}`;
}

/** The pod template spec of a Deployment's revision and of the Deployment itself (when it is the current one), changed by `fn`. */
function patchTemplate(app: Built, revision: number, current: boolean, fn: (s: k8s.V1PodSpec) => k8s.V1PodSpec): void {
  const targets = [replicaSetOf(app, revision) as k8s.V1ReplicaSet, ...(current ? [app.objects.find((o) => o.kind === 'Deployment') as k8s.V1Deployment] : [])];
  for (const t of targets) {
    const tpl = t.spec?.template;
    if (t.spec && tpl?.spec) t.spec.template = { ...tpl, spec: fn({ ...tpl.spec }) };
  }
}

/** The conditions a Deployment shows while its new ReplicaSet cannot create pods. */
function replicaFailure(newRs: string, message: string, since: number): k8s.V1DeploymentCondition[] {
  return [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(7 * DAYS), lastTransitionTime: ago(7 * DAYS) },
    { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastUpdateTime: ago(since), lastTransitionTime: ago(since) },
    { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: ago(since - 10), lastTransitionTime: ago(since - 10) },
  ];
}

// ---- 8. hostAliases pin a dependency's hostname to its old IP -----------------------------------------

function hostAliasesPinOldIp(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.188');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/payments/card-auth:${v}`, ports: [8080], cpu: '1', memory: '1536Mi', env: [{ name: 'RISK_ENGINE_URL', value: 'https://risk-engine.internal.acme-pay.net:8443' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'card-auth',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 56, createdAgo: 8 * DAYS, changeCause: 'argocd: card-auth 8.1.9', template: tpl('8.1.9') },
      { revision: 57, createdAgo: 28, changeCause: 'argocd: card-auth 8.2.0', template: tpl('8.2.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 8 * DAYS })),
      { revision: 57, node: names[1] ?? '', createdAgo: 27, containers: { app: running({ sinceAgo: 27, ready: false }) } },
    ],
  });
  const aliases: k8s.V1HostAlias[] = [{ ip: '10.40.12.9', hostnames: ['risk-engine.internal.acme-pay.net'] }];
  patchTemplate(app, 57, true, (s) => ({ ...s, hostAliases: aliases }));
  const fresh = podOf(app, 3);
  if (fresh.spec) fresh.spec.hostAliases = aliases;
  const image = `${ECR}/payments/card-auth:8.2.0`;
  const failing = lines(
    `${at(26)}  INFO 1 --- [main] c.a.cardauth.CardAuthApplication : Started CardAuthApplication in 24.113 seconds (process running for 25.9)`,
    `${at(25.5)}  WARN 1 --- [risk-client-1] c.a.cardauth.risk.RiskEngineClient : risk-engine call failed: I/O error on POST request for "https://risk-engine.internal.acme-pay.net:8443/v2/score": Connect to https://risk-engine.internal.acme-pay.net:8443 [risk-engine.internal.acme-pay.net/10.40.12.9] failed: Connect timed out`,
    `${at(25.4)}  WARN 1 --- [nio-8080-exec-2] o.s.b.a.health.HealthEndpointSupport : Health contributor riskEngine (riskEngine) is DOWN: Connect timed out`,
    `${at(1.5)}  WARN 1 --- [risk-client-4] c.a.cardauth.risk.RiskEngineClient : risk-engine call failed: I/O error on POST request for "https://risk-engine.internal.acme-pay.net:8443/v2/score": Connect to https://risk-engine.internal.acme-pay.net:8443 [risk-engine.internal.acme-pay.net/10.40.12.9] failed: Connect timed out`,
  );
  const ok = lines(
    `${at(3)}  INFO 1 --- [risk-client-2] c.a.cardauth.risk.RiskEngineClient : risk-engine pool: leased route {s}->https://risk-engine.internal.acme-pay.net:8443 [risk-engine.internal.acme-pay.net/10.40.18.22]`,
    `${at(1)}  INFO 1 --- [nio-8080-exec-9] c.a.cardauth.api.AuthController : POST /v1/authorize 200 41ms`,
  );
  return {
    id: 'heldout11-hostaliases-pin-old-ip',
    class: 'rollout',
    truth: 'Revision 57 (card-auth 8.2.0, 28 minutes ago) carried a hostAliases entry, added during last month\'s DNS flake as a workaround and baked into the chart, that pins risk-engine.internal.acme-pay.net to 10.40.12.9 in /etc/hosts. risk-engine moved to 10.40.18.22 last week (DNS has the new address, which the revision-56 pods use). The new pod connects to the old IP, times out (Connect timed out), its readiness health group reports riskEngine DOWN, and with maxUnavailable 0 the rollout stalls with one unready pod while the three revision-56 pods serve. DNS and the network are fine. Fix: remove the hostAliases entry (or roll back to revision 56).',
    ask: { service: 'card-auth' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'card-auth', selector: { app: 'card-auth' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 57), 1, 0, 28),
      ...startedAt(fresh, 'app', image, 27),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 158, firstAgo: 26 }),
    ],
    logs: [logsFor(fresh, 'app', { current: failing }), ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: ok }))],
    expect: {
      verdict: 'problems',
      headline: [/hostAliases|\/etc\/hosts|10\.40\.12\.9/i],
      facts: [/revision 57/, /10\.40\.12\.9/, /risk-engine/],
      never: [/CoreDNS|DNS (is )?(down|broken|failing)/i, /\bOOM/, /network ?polic/i],
    },
  };
}

// ---- 9. a priorityClassName typo: the new ReplicaSet cannot create pods -------------------------------

function priorityClassTypo(): CorpusScenario {
  const ns = 'ml';
  const { nodes, names } = threeEksNodes('10.0.199');
  const tpl = (v: string, priority?: string) => ({ containers: [container({ image: `${ECR}/ml/feature-store:${v}`, ports: [6566], cpu: '1', memory: '2Gi', readiness: httpProbe('/health', 6566), liveness: httpProbe('/health', 6566) })], ...(priority === undefined ? {} : { priorityClassName: priority }) });
  const revisions = [
    { revision: 18, createdAgo: 7 * DAYS, changeCause: 'argocd: feature-store 2.6.4', template: tpl('2.6.4') },
    { revision: 19, createdAgo: 33, changeCause: 'argocd: feature-store 2.7.0 (priority class for online serving)', template: tpl('2.7.0', 'bussiness-critical') },
  ];
  const pods = [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 7 * DAYS }));
  const base = deploymentApp({ namespace: ns, name: 'feature-store', replicas: 3, revisions, pods });
  const newRs = rsOf(base, 19);
  const message = `pods "${newRs}-" is forbidden: no PriorityClass with name bussiness-critical was found`;
  const app = deploymentApp({ namespace: ns, name: 'feature-store', replicas: 3, revisions, pods, conditions: replicaFailure(newRs, `Error creating: ${message}`, 32) });
  const ranker = deploymentApp({
    namespace: ns,
    name: 'online-ranker',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, changeCause: 'argocd: online-ranker 1.12.0', template: { containers: [container({ image: `${ECR}/ml/online-ranker:1.12.0`, ports: [8080] })], priorityClassName: 'business-critical' } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k + 1] ?? '', createdAgo: 12 * DAYS })),
  });
  for (const p of ranker.pods) if (p.spec) p.spec.priority = 1000000;
  return {
    id: 'heldout11-priorityclass-typo-rollout-stuck',
    class: 'rollout',
    truth: 'Revision 19 (feature-store 2.7.0, 33 minutes ago) set priorityClassName: bussiness-critical, a typo of the cluster\'s business-critical class (which online-ranker uses). The Priority admission plugin refuses every pod of the new ReplicaSet ("no PriorityClass with name bussiness-critical was found"), so it has 0 pods and the rollout is stuck past its progress deadline; the three revision-18 pods keep serving, so users see nothing yet. Not capacity, not quota, not preemption. Fix: correct the name to business-critical and sync again.',
    ask: { service: 'feature-store' },
    objects: [
      ...nodes, ...app.objects, ...ranker.objects,
      ...exposed({ namespace: ns, name: 'feature-store', selector: { app: 'feature-store' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 6566 }], endpointPort: 6566 }),
      ...exposed({ namespace: ns, name: 'online-ranker', selector: { app: 'online-ranker' }, pods: ranker.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, newRs, 1, 0, 33),
      event({ on: replicaSetOf(app, 19), reason: 'FailedCreate', message: `Error creating: ${message}`, count: 19, firstAgo: 33, lastAgo: 1.2, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO feast.feature_server: get-online-features entity_rows=64 features=38 latency_ms=9`) })),
    expect: {
      verdict: 'problems',
      headline: [/bussiness-critical/],
      facts: [/revision 19/, /FailedCreate|forbidden/i, /business-critical/],
      never: [/Insufficient|quota|preempt/i, /\bOOM/, /image/i],
    },
  };
}

// ---- 10. a hardening revision turned off the service-account token a controller needs -----------------

function automountTokenDisabled(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeEksNodes('10.0.210');
  const image = `${ECR}/platform/cert-sync:1.6.2`;
  const mk = () => container({ image, args: ['--leader-elect=true', '--sync-period=5m'], ports: [{ name: 'metrics', containerPort: 8080 }], cpu: '100m', memory: '128Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081) });
  const withoutToken = { ...mk(), volumeMounts: [] };
  const app = deploymentApp({
    namespace: ns,
    name: 'cert-sync',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 25 * DAYS, changeCause: 'argocd: cert-sync 1.6.2', template: { containers: [mk()], serviceAccountName: 'cert-sync' } },
      { revision: 12, createdAgo: 22, changeCause: 'argocd: cert-sync hardening (CIS 5.1.6: automountServiceAccountToken false)', template: { containers: [withoutToken], serviceAccountName: 'cert-sync' } },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 25 * DAYS },
      { revision: 11, node: names[1] ?? '', createdAgo: 25 * DAYS },
      { revision: 12, node: names[2] ?? '', createdAgo: 21, containers: { app: crashLoop({ exitCode: 255, finishedAgo: 2, ranSeconds: 0.3 }, 9) } },
    ],
  });
  patchTemplate(app, 12, true, (s) => ({ ...s, automountServiceAccountToken: false }));
  const fresh = podOf(app, 2);
  if (fresh.spec) {
    fresh.spec.automountServiceAccountToken = false;
    fresh.spec.volumes = (fresh.spec.volumes ?? []).filter((v) => v.name !== 'kube-api-access');
  }
  const prev = lines(
    `${klog('I', 2.01)}       1 main.go:48] cert-sync v1.6.2 (commit 4e1c9a2) starting`,
    `${klog('W', 2.009)}       1 client_config.go:659] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.`,
    `${klog('F', 2.008)}       1 main.go:61] error building kubernetes config: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory`,
  );
  const leader = lines(
    `${klog('I', 6)}       1 leaderelection.go:281] successfully renewed lease platform/cert-sync`,
    `${klog('I', 3)}       1 controller.go:212] synced 41 certificates to 12 namespaces`,
  );
  return {
    id: 'heldout11-automount-token-disabled-controller-crash',
    class: 'config',
    truth: 'Revision 12 of cert-sync (22 minutes ago, same 1.6.2 image) set automountServiceAccountToken: false as CIS hardening. cert-sync is a controller that talks to the Kubernetes API (leader election, informers) with the in-cluster config, which reads /var/run/secrets/kubernetes.io/serviceaccount/token; without the projected token the new pod exits at once (klog fatal, exit 255: "open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory") and crash-loops, so the rollout is stuck while the two revision-11 pods keep the lease. RBAC is fine. Fix: set automountServiceAccountToken: true for this pod (or mount a projected token volume), or roll back to revision 11.',
    ask: { service: 'cert-sync' },
    objects: [
      ...nodes, ...app.objects,
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 12), 1, 0, 22),
      ...startedAt(fresh, 'app', image, 21),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 20.5, lastAgo: 2 }),
      backOff(fresh, 'app', { count: 96, firstAgo: 20 }),
    ],
    logs: [logsFor(fresh, 'app', { previous: prev, current: prev }), ...app.pods.slice(0, 1).map((p) => logsFor(p, 'app', { current: leader }))],
    expect: {
      verdict: 'problems',
      headline: [/automountServiceAccountToken|service ?account token|serviceaccount\/token|token/i],
      facts: [/revision 12/, /no such file or directory/, /255/],
      never: [/\bRBAC\b|forbidden/i, /\bOOM/],
    },
  };
}

// ---- 11. a CronJob refused by an object-count quota filled with leftover backfill Jobs ------------------

function cronJobRefusedByJobCountQuota(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.221');
  const image = `${ECR}/finance/ledger-reconcile:3.2.0`;
  const template = { containers: [batchContainer({ name: 'reconcile', image, cpu: '500m', memory: '1Gi', args: ['--job=reconcile', '--window=15m'] })] };
  const ok = (createdAgo: number, node: string) => ({ createdAgo, pods: [{ node, phase: 'Succeeded' as const, createdAgo, containers: { reconcile: terminated({ exitCode: 0, finishedAgo: createdAgo - 1.6, ranSeconds: 92 }) } }], outcome: { complete: true as const, ago: createdAgo - 1.6 } });
  const cron = cronJob({
    namespace: ns,
    name: 'ledger-reconcile',
    schedule: '*/15 * * * *',
    backoffLimit: 1,
    template,
    lastSuccessfulAgo: 177.4,
    jobs: [
      { createdAgo: 22 * HOURS + 14, pods: [{ node: names[0] ?? '', phase: 'Failed', createdAgo: 22 * HOURS + 14, containers: { reconcile: terminated({ exitCode: 1, finishedAgo: 22 * HOURS + 13, ranSeconds: 50 }) } }, { node: names[1] ?? '', phase: 'Failed', createdAgo: 22 * HOURS + 12.9, containers: { reconcile: terminated({ exitCode: 1, finishedAgo: 22 * HOURS + 12, ranSeconds: 48 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 22 * HOURS + 12 } },
      ok(209, names[2] ?? ''), ok(194, names[0] ?? ''), ok(179, names[1] ?? ''),
    ],
  });
  const backfills = [7, 6, 5, 4, 3, 2, 1].map((d, i) => job({
    namespace: ns,
    name: `ledger-backfill-2026-11-${String(21 - d).padStart(2, '0')}`,
    template: { containers: [batchContainer({ name: 'reconcile', image, cpu: '500m', memory: '1Gi', args: ['--job=backfill', `--date=2026-11-${String(20 - d).padStart(2, '0')}`] })] },
    createdAgo: d * DAYS - 60 * i,
    pods: [{ node: names[i % 3] ?? '', phase: 'Succeeded', createdAgo: d * DAYS - 60 * i, containers: { reconcile: terminated({ exitCode: 0, finishedAgo: d * DAYS - 60 * i - 20, ranSeconds: 1180 }) } }],
    outcome: { complete: true, ago: d * DAYS - 60 * i - 20 },
  })).concat(job({
    namespace: ns,
    name: 'ledger-backfill-2026-11-20-rerun',
    template: { containers: [batchContainer({ name: 'reconcile', image, cpu: '500m', memory: '1Gi', args: ['--job=backfill', '--date=2026-11-20'] })] },
    createdAgo: 172,
    pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 172, containers: { reconcile: terminated({ exitCode: 0, finishedAgo: 151, ranSeconds: 1240 }) } }],
    outcome: { complete: true, ago: 151 },
  }));
  const api = deploymentApp({ namespace: ns, name: 'ledger-api', replicas: 2, revisions: [{ revision: 30, createdAgo: 9 * DAYS, changeCause: 'argocd: ledger-api 5.0.2', template: { containers: [container({ image: `${ECR}/finance/ledger-api:5.0.2`, ports: [8080] })] } }], pods: [0, 1].map((k) => ({ revision: 30, node: names[k] ?? '', createdAgo: 9 * DAYS })) });
  const cronObj = cron.objects[0] ?? {};
  const minute = Math.floor(ago(14).getTime() / 60_000);
  const refused = `Error creating job: jobs.batch "ledger-reconcile-${minute}" is forbidden: exceeded quota: object-counts, requested: count/jobs.batch=1, used: count/jobs.batch=12, limited: count/jobs.batch=12`;
  const lastRun = cron.jobs[3]?.pods[0];
  const failedRun = cron.jobs[0]?.pods[1];
  return {
    id: 'heldout11-cronjob-refused-by-job-count-quota',
    class: 'jobs',
    truth: 'Namespace finance has a ResourceQuota object-counts limiting count/jobs.batch to 12. Over the week engineers ran eight ad-hoc ledger-backfill Jobs from a runbook manifest with no ttlSecondsAfterFinished, so they were never cleaned up; with the CronJob\'s own four kept Jobs that reached 12 when the last backfill was created 172 minutes ago. Since then every 15-minute run of ledger-reconcile is refused ("exceeded quota: object-counts, requested: count/jobs.batch=1, used: count/jobs.batch=12"): no reconciliation for almost three hours (last success at 00:15). The CronJob is not suspended; yesterday\'s failed run (a lock timeout) is old noise. Fix: delete the finished ledger-backfill Jobs (and give them a TTL), or raise the quota.',
    ask: { service: 'ledger-reconcile' },
    objects: [
      ...nodes, ...cron.objects, ...backfills.flatMap((b) => b.objects), ...api.objects,
      resourceQuota({ namespace: ns, name: 'object-counts', createdAgo: 90 * DAYS, hard: { 'count/jobs.batch': '12', 'count/configmaps': '50', pods: '40' }, used: { 'count/jobs.batch': '12', 'count/configmaps': '9', pods: '2' } }),
      event({ on: cronObj, reason: 'FailedCreate', message: refused, count: 23, firstAgo: 164, lastAgo: 14, component: 'cronjob-controller' }),
    ],
    logs: [
      ...(lastRun === undefined ? [] : [logsFor(lastRun, 'reconcile', { current: lines(`${at(179)} INFO  [main] c.a.ledger.Reconcile : window 2026-11-21T00:00Z..00:15Z entries=18211 mismatches=0`, `${at(177.5)} INFO  [main] c.a.ledger.Reconcile : done in 91.8s`) })]),
      ...(failedRun === undefined ? [] : [logsFor(failedRun, 'reconcile', { current: lines(`${at(22 * HOURS + 12.1)} ERROR [main] c.a.ledger.Reconcile : could not obtain lock ledger_reconcile within 45s (held by pid 4182 on ledger-db)`) })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/quota|object-counts/i, /jobs/i],
      facts: [/object-counts/, /ledger-backfill/, /12/],
      never: [/is suspended|was suspended/i, /\bOOM/, /Insufficient (cpu|memory)/i, /lock/i],
    },
  };
}

// ---- 12. imagePullPolicy Never: the image is only on the old node pool's AMI ---------------------------

function imageNeverPullNewPool(): CorpusScenario {
  const ns = 'observability';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const old = ['10.0.232.14', '10.0.232.101', '10.0.232.190'].map((ip, k) => node({ name: eksNodeName(ip), zone: zones[k] ?? 'eu-west-1a', pool: 'general-2024', createdAgo: 200 * DAYS }));
  const fresh = ['10.0.233.27', '10.0.233.119', '10.0.233.212'].map((ip, k) => node({ name: eksNodeName(ip), zone: zones[k] ?? 'eu-west-1a', pool: 'general-2026', createdAgo: 125 - k, readySince: 124 - k }));
  const image = `${ECR}/observability/host-inventory:0.9.3`;
  const spec: k8s.V1Container = { ...container({ image, ports: [{ name: 'metrics', containerPort: 9273 }], cpu: '50m', memory: '64Mi', readiness: null, liveness: tcpProbe(9273) }), imagePullPolicy: 'Never' };
  const neverMsg = `Container image "${image}" is not present with pull policy of Never`;
  const app = daemonSetApp({
    namespace: ns,
    name: 'host-inventory',
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [spec], tolerations: [{ operator: 'Exists' }] } }],
    pods: [
      ...old.map((n, k) => ({ revision: 4, node: nameOf(n), createdAgo: 60 * DAYS, ...(k === 1 ? { containers: { app: running({ sinceAgo: 12 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 12 * DAYS, ranSeconds: 40 * DAYS } }) } } : {}) })),
      ...fresh.map((n, k) => ({ revision: 4, node: nameOf(n), createdAgo: 123 - k, phase: 'Pending' as const, containers: { app: waiting('ErrImageNeverPull', neverMsg) } })),
    ],
    pinnedToNodes: true,
  });
  return {
    id: 'heldout11-image-never-pull-new-node-pool',
    class: 'nodes',
    truth: 'host-inventory runs with imagePullPolicy: Never because its image was baked into the general-2024 node group\'s AMI by the Packer pipeline. The general-2026 node group (new AMI without that image) joined two hours ago for the AMI migration; on its three nodes the kubelet refuses to start the container (ErrImageNeverPull: "Container image … is not present with pull policy of Never"), so 3 of 6 pods have never run, while the 3 pods on the old nodes are fine. Nothing about the registry, credentials or the DaemonSet changed (revision 4, 60 days old); the old restart 12 days ago is unrelated. Fix: set imagePullPolicy to IfNotPresent (the image is in ECR) or add it to the new AMI, before the old nodes are drained.',
    ask: { service: 'host-inventory' },
    objects: [
      ...old, ...fresh, ...app.objects,
      ...app.pods.slice(3).map((p, k) => event({ on: p, reason: 'ErrImageNeverPull', message: neverMsg, count: 580 - 3 * k, firstAgo: 122.9 - k, lastAgo: 0.3 + 0.2 * k, fieldPath: 'spec.containers{app}' })),
      ...app.pods.slice(3).map((p, k) => event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(p)} to ${nameOf(fresh[k])}`, firstAgo: 123 - k, lastAgo: 123 - k, component: 'default-scheduler' })),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(4)} level=info msg="inventory published" packages=812 kernel=6.1.112-122.189.amzn2023.x86_64`) })),
    expect: {
      verdict: 'problems',
      headline: [/ErrImageNeverPull|pull ?policy|Never/i],
      facts: [/general-2026/, /3\/6|3 of 6|three/i, /imagePullPolicy|IfNotPresent|pull policy of Never/i],
      never: [/credential|unauthori[sz]ed|\b401\b|rate.?limit|imagePullSecret/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 13. healthy: a web service recovered hours ago after a Redis failover ------------------------------

function healthyRecoveredHoursAgo(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.243');
  const image = `${ECR}/accounts/accounts-web:2026.11.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-web',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: accounts-web 2026.10.4', template: { containers: [container({ image: `${ECR}/accounts/accounts-web:2026.10.4`, ports: [3000] })] } },
      { revision: 27, createdAgo: 5 * DAYS, changeCause: 'argocd: accounts-web 2026.11.2', template: { containers: [container({ image, ports: [3000], readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 5 * DAYS, containers: { app: running({ sinceAgo: 5 * HOURS + 20 - 3 * k, restarts: [6, 4, 5][k] ?? 4, last: { exitCode: 1, finishedAgo: 5 * HOURS + 20.2 - 3 * k, ranSeconds: 35 } }) } })),
    settled: { available: true, availableSince: 5 * HOURS + 15, progressingSince: 5 * DAYS },
  });
  const railsTime = (m: number) => at(m).replace('Z', '');
  const prev = lines(
    `I, [${railsTime(5 * HOURS + 20.8)} #1]  INFO -- : Puma starting in cluster mode... * Puma version: 6.4.3 * Ruby version: ruby 3.3.5`,
    `E, [${railsTime(5 * HOURS + 20.3)} #1] ERROR -- : Redis::CannotConnectError: Error connecting to Redis on accounts-redis.accounts.svc.cluster.local:6379 (Errno::ECONNREFUSED)`,
    `E, [${railsTime(5 * HOURS + 20.25)} #1] ERROR -- : ! Unable to start worker: Redis::CannotConnectError, exiting`,
  );
  return {
    id: 'heldout11-healthy-recovered-hours-ago',
    class: 'healthy',
    truth: 'Nothing needs doing now: about five and a half hours ago the accounts Redis failed over and for ten minutes accounts-web workers could not connect at boot (Redis::CannotConnectError), so each pod restarted 4-6 times (exit 1). Redis came back, every pod has been Running and Ready for over five hours since, serving requests normally. The restarts and exit 1 are history; revision 27 (5 days old) is not involved.',
    ask: { service: 'accounts-web' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'accounts-web', selector: { app: 'accounts-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', {
      previous: prev,
      current: lines(
        `I, [${railsTime(3)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Started POST "/sessions" for 10.0.4.${17 + k}`,
        `I, [${railsTime(3)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 302 Found in 58ms (ActiveRecord: 11.4ms | Allocations: 9310)`,
        `I, [${railsTime(1)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 41ms (Views: 18.2ms | ActiveRecord: 7.9ms | Allocations: 7622)`,
      ),
    })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?problem|recovered/i],
      facts: [],
      never: [BLAMES_ROLLOUT, /\bOOM/, /rollout restart|restart (the|its) pods/i],
    },
  };
}

// ---- 14. healthy: a steady RabbitMQ with old noise around it -----------------------------------------

function healthySteadyWithOldNoise(): CorpusScenario {
  const ns = 'messaging';
  const { nodes: base, names } = threeEksNodes('10.0.254');
  const drained = eksNodeName('10.0.254.203');
  const nodes = [...base, node({ name: drained, zone: 'eu-west-1b', unschedulable: true, taints: [{ key: 'karpenter.sh/disrupted', effect: 'NoSchedule', timeAdded: ago(6) }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(6) }], createdAgo: 9 * DAYS })];
  const image = 'public.ecr.aws/docker/library/rabbitmq:3.13.7-management';
  const app = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'rabbitmq-nodes',
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 5, createdAgo: 35 * DAYS, template: { containers: [container({ name: 'rabbitmq', image, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }], cpu: '1', memory: '2Gi', readiness: tcpProbe(5672), liveness: { exec: { command: ['rabbitmq-diagnostics', 'status'] }, periodSeconds: 60, timeoutSeconds: 15, failureThreshold: 3, successThreshold: 1 }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 5, ordinal: k, node: names[k] ?? '', createdAgo: 30 * DAYS, ...(k === 1 ? { containers: { rabbitmq: running({ sinceAgo: 3 * DAYS + 2 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS + 2 * HOURS, ranSeconds: 27 * DAYS } }) } } : {}) })),
  });
  const claims: KubeJson[] = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-rabbitmq-${k}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 35 * DAYS, storageClass: 'gp3', labels: { app: 'rabbitmq' } }));
  const other = bystander(ns, 'notification-router', names, 15);
  const r0 = podOf(app, 0);
  const rmq = (m: number) => at(m).replace('T', ' ').replace('Z', '+00:00');
  return {
    id: 'heldout11-healthy-steady-rabbitmq-old-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with rabbitmq: the three members (revision 5, 30 days old) are Running and Ready, volumes bound, clients connected. The single restart of rabbitmq-1 (exit 1) was three days ago, during the network partition of the eu-west-1b zone, and has not recurred; the liveness timeout on rabbitmq-0 was yesterday during a queue sync; the "client unexpectedly closed TCP connection" warnings are clients being redeployed; the cordoned node is a Karpenter consolidation that holds no rabbitmq pod; the notification-router rollout 15 minutes ago is unrelated and healthy.',
    ask: { service: 'rabbitmq' },
    objects: [
      ...nodes, ...app.objects, ...claims, ...other.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, pods: app.pods, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'cluster-rpc', port: 25672, targetPort: 25672 }], endpointPort: 4369 }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: app.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'notification-router', selector: { app: 'notification-router' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 113), 2, 0, 15),
      probeFailed(r0, 'rabbitmq', 'Liveness', 'command "rabbitmq-diagnostics status" timed out', { count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'rabbitmq', { current: lines(
        `${rmq(9)} [info] <0.31${k}82.0> accepting AMQP connection 10.0.7.${40 + k}:51${k}22 -> ${ipOfPod(p)}:5672`,
        `${rmq(14)} [warning] <0.29${k}11.0> closing AMQP connection <0.29${k}11.0> (10.0.7.${33 + k}:44${k}10 -> ${ipOfPod(p)}:5672, vhost: '/', user: 'notification-router'):`,
        `${rmq(14)} [warning] <0.29${k}11.0> client unexpectedly closed TCP connection`,
        `${rmq(2)} [info] <0.32${k}01.0> connection <0.32${k}01.0> (10.0.7.${51 + k}:39${k}02 -> ${ipOfPod(p)}:5672): user 'notification-router' authenticated and granted access to vhost '/'`,
      ), ...(k === 1 ? { previous: lines(`${rmq(3 * DAYS + 2 * HOURS + 1)} [error] <0.1402.0> Partial partition detected: * We saw DOWN from rabbit@rabbitmq-2.rabbitmq-nodes.messaging`, `${rmq(3 * DAYS + 2 * HOURS)} [error] <0.1402.0> pause_minority: cluster partitioned, stopping`) } : {}) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3)} INFO routed 212 notifications in the last minute`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?problem/i],
      facts: [],
      never: [BLAMES_ROLLOUT, /\bOOM/, /cordon/i, /partition/i, /notification-router/],
    },
  };
}

export const MORE_HOLDOUT_11_SCENARIOS: CorpusScenario[] = [
  hostAliasesPinOldIp(),
  priorityClassTypo(),
  automountTokenDisabled(),
  cronJobRefusedByJobCountQuota(),
  imageNeverPullNewPool(),
  healthyRecoveredHoursAgo(),
  healthySteadyWithOldNoise(),
];
