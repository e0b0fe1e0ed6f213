// Held-out stories, hundredth round, part two: a Flask image rebuilt without pins that pulled
// MarkupSafe 3 under an old Jinja2 (`cannot import name 'soft_unicode'`); a Spring Boot service
// whose revision mounts a ConfigMap truststore holding only the internal CA over the JDK's
// cacerts, so every public HTTPS call fails PKIX path building while internal calls work; the
// KEDA 2.8 operator crash-looping after the control plane went to 1.26 and dropped
// autoscaling/v2beta2; one flannel node whose host-local IPAM range leaked dry, so new pods there
// sit in ContainerCreating; a mysqldump CronJob whose ConfigMap edit named a database that does
// not exist; a git-sync init container refusing a Git server's new SSH host key (stale
// known_hosts ConfigMap); and a healthy control: a Kafka consumer with its routine rebalance and
// "Node -1 disconnected" lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event, exposed,
  hpa, httpProbe, nameOf, node, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, startedNormally, terminated, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback / log4j time: `2026-11-21 03:12:41.563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. an unpinned rebuild pulled MarkupSafe 3: Jinja2 2.11 cannot import soft_unicode ----------

function markupsafeSoftUnicode(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '233']);
  const image = (v: string) => `${ECR}/reporting/report-portal:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['gunicorn'], args: ['--bind', '0.0.0.0:8000', '--workers', '3', '--timeout', '60', 'portal.wsgi:app'],
      ports: [8000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'PORTAL_ENV', value: 'production' }, { name: 'DATABASE_URL', value: 'postgresql://portal@reporting-db.cluster-cq81x7d2va.eu-west-1.rds.amazonaws.com:5432/reports' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-portal',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'ci: report-portal 2026.11.12-4c1e9a0', template: tpl('2026.11.12-4c1e9a0') },
      { revision: 42, createdAgo: 36, changeCause: 'ci: report-portal 2026.11.21-b73f2d5 (weekly base image refresh)', template: tpl('2026.11.21-b73f2d5') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 42, node: names[2] ?? '', createdAgo: 35.5, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 2.1, ranSeconds: 2 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'report-scheduler', names, 3 * DAYS, { revisions: [17, 18], versions: ['1.9.0', '1.9.1'], olderAgo: 30 * DAYS });
  const site = '/usr/local/lib/python3.9/site-packages';
  const crash = (t: number) => lines(
    `${gTime(t)} [1] [INFO] Starting gunicorn 20.1.0`,
    `${gTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gTime(t)} [1] [INFO] Using worker: sync`,
    `${gTime(t)} [8] [INFO] Booting worker with pid: 8`,
    `${gTime(t)} [8] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    `  File "${site}/gunicorn/arbiter.py", line 589, in spawn_worker`,
    '    worker.init_process()',
    `  File "${site}/gunicorn/workers/base.py", line 134, in init_process`,
    '    self.load_wsgi()',
    `  File "${site}/gunicorn/workers/base.py", line 146, in load_wsgi`,
    '    self.wsgi = self.app.wsgi()',
    `  File "${site}/gunicorn/app/wsgiapp.py", line 58, in load`,
    '    return self.load_wsgiapp()',
    `  File "${site}/gunicorn/util.py", line 359, in import_app`,
    '    mod = importlib.import_module(module)',
    '  File "/app/portal/wsgi.py", line 3, in <module>',
    '    from portal import create_app',
    '  File "/app/portal/__init__.py", line 5, in <module>',
    '    from flask import Flask',
    `  File "${site}/flask/__init__.py", line 14, in <module>`,
    '    from jinja2 import escape',
    `  File "${site}/jinja2/__init__.py", line 12, in <module>`,
    '    from .environment import Environment',
    `  File "${site}/jinja2/environment.py", line 25, in <module>`,
    '    from .defaults import BLOCK_END_STRING',
    `  File "${site}/jinja2/defaults.py", line 3, in <module>`,
    '    from .filters import FILTERS as DEFAULT_FILTERS  # noqa: F401',
    `  File "${site}/jinja2/filters.py", line 13, in <module>`,
    '    from markupsafe import soft_unicode',
    `ImportError: cannot import name 'soft_unicode' from 'markupsafe' (${site}/markupsafe/__init__.py)`,
    `${gTime(t)} [8] [INFO] Worker exiting (pid: 8)`,
    `${gTime(t - 0.02)} [1] [INFO] Shutting down: Master`,
    `${gTime(t - 0.02)} [1] [INFO] Reason: Worker failed to boot.`,
  );
  const served = (k: number) => lines(
    `${gTime(3.2 + k * 0.1)} [9] [INFO] 10.0.96.${20 + k} "GET /reports/weekly-sales?region=emea HTTP/1.1" 200 18233`,
    `${gTime(2.4 + k * 0.1)} [10] [WARNING] Slow report render: weekly-sales took 4.8s`,
    `${gTime(0.6 + k * 0.1)} [11] [INFO] 10.0.96.${20 + k} "GET /healthz HTTP/1.1" 200 2`,
  );
  return {
    id: 'heldout100-markupsafe-soft-unicode-unpinned-rebuild',
    class: 'containers',
    truth: 'report-portal revision 42 (36 minutes ago) is the weekly CI rebuild of the same code on a refreshed base image; its requirements do not pin MarkupSafe, so pip resolved MarkupSafe 3.x, which no longer has soft_unicode, under the pinned Flask 1.1 / Jinja2 2.11. Every gunicorn worker fails to import jinja2 (ImportError: cannot import name \'soft_unicode\' from \'markupsafe\'), gunicorn exits 3 ("Worker failed to boot") and the new pod crash-loops; the rollout is stuck with the three revision-41 pods serving. Fix: roll back to revision 41 now, then pin markupsafe<2.1 (or upgrade Flask/Jinja2) and rebuild.',
    ask: { service: 'report-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-portal', selector: { app: 'report-portal' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 36),
      scheduled(fresh, 35.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2026.11.21-b73f2d5')}"`, firstAgo: 35.4, lastAgo: 35.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2026.11.21-b73f2d5')}" in 6.104s (6.104s including waiting). Image size: 187442113 bytes.`, firstAgo: 35.3, lastAgo: 35.3, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('2026.11.21-b73f2d5'), { count: 11, firstAgo: 35.3, lastAgo: 2.2 }),
      backOff(fresh, 'app', { count: 152, firstAgo: 35.1, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(7.25), current: crash(2.15) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: served(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/soft_unicode|markupsafe|ImportError|jinja/i, /revision 42|rev\.? ?42|\b42\b/i],
      facts: [/soft_unicode/, /markupsafe/i, /pin|markupsafe ?(<|==|2\.0)|jinja2|flask/i],
      never: [/\bOOM/, /liveness probe/i, /ImagePull|image pull/i],
    },
  };
}

// ---- 2. a ConfigMap mounted over the JDK's cacerts with only the internal CA ------------------------

function cacertsOverwrittenInternalCaOnly(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.132', ['9', '117', '204']);
  const image = `${ECR}/payments/payout-service:3.8.1`;
  const env = [
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    { name: 'LEDGER_BASE_URL', value: 'https://ledger-api.payments.svc.cluster.local:8443' },
    { name: 'STRIPE_API_BASE', value: 'https://api.stripe.com' },
    { name: 'AWS_REGION', value: 'eu-west-1' },
  ];
  const probes = { readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) };
  const tpl56 = { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', env, ...probes })] };
  const tpl57 = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '1Gi', env, ...probes,
      volumeMounts: [{ name: 'truststore', mountPath: '/opt/java/openjdk/lib/security/cacerts', subPath: 'cacerts', readOnly: true }],
    })],
    volumes: [{ name: 'truststore', configMap: { name: 'payout-truststore', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-service',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 12 * DAYS, changeCause: 'argocd: payout-service 3.8.1', template: tpl56 },
      { revision: 57, createdAgo: 48, changeCause: 'argocd: payout-service 3.8.1 (values: truststore)', template: tpl57 },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 47 - k * 1.5 })),
  });
  const truststore = configMap({ namespace: ns, name: 'payout-truststore', createdAgo: 49, data: {} }) as k8s.V1ConfigMap;
  // A one-entry JKS (the internal root only), as `kubectl create configmap --from-file=cacerts` stores it.
  truststore.binaryData = { cacerts: '/u3+7QAAAAIAAAABAAAAAgAQYWNtZS1pbnRlcm5hbC1yb290AAABk2Xc0RAABVguNTA5AAADnTCCA5kwggKBoAMCAQICFGk3Qm5oT2lHc1JrVUN4ZnM0dmJ0cXl1WjANBgkqhkiG9w0BAQsFADBVMQswCQYDVQQGEwJOTDENMAsGA1UECgwEQUNNRTEgMB4GA1UEAwwXQUNNRSBJbnRlcm5hbCBSb290IENBIDI=' };
  truststore.metadata = { ...truststore.metadata, labels: { 'app.kubernetes.io/part-of': 'payout-service' } };
  const ledger = bystander(ns, 'ledger-api', names, 6 * DAYS, { revisions: [88, 89], versions: ['5.2.0', '5.2.1'], olderAgo: 20 * DAYS });
  const stripeErr = 'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://api.stripe.com/v1/payouts": PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
  const log = (k: number) => {
    const start = 47 - k * 1.5 - 0.2;
    const out = [
      '',
      '  .   ____          _            __ _ _',
      ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
      '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
      " =========|_|==============|___/=/_/_/_/",
      ' :: Spring Boot ::                (v3.3.5)',
      '',
      `${jTime(start)}  INFO 1 --- [payout-service] [           main] c.a.payments.payout.PayoutApplication    : Starting PayoutApplication v3.8.1 using Java 21.0.5 with PID 1`,
      `${jTime(start - 0.3)}  INFO 1 --- [payout-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${jTime(start - 0.3)}  INFO 1 --- [payout-service] [           main] c.a.payments.payout.PayoutApplication    : Started PayoutApplication in 16.214 seconds (process running for 17.02)`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 40 - i * 6.5 - k * 0.4;
      out.push(`${jTime(t)}  INFO 1 --- [payout-service] [nio-8080-exec-${i + 2}] c.a.p.payout.ledger.LedgerClient         : ledger hold placed batch=PB-2611${k}${i} entries=42 status=200 took=31ms`);
      out.push(`${jTime(t - 0.01)} ERROR 1 --- [payout-service] [nio-8080-exec-${i + 2}] c.a.p.payout.stripe.StripePayoutClient   : payout submission failed batch=PB-2611${k}${i} attempt=3/3`);
      out.push(stripeErr);
      if (i === 0) {
        out.push(
          '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:905)',
          '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:885)',
          '\tat com.acme.payments.payout.stripe.StripePayoutClient.submit(StripePayoutClient.java:77)',
          'Caused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
          '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)',
          '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)',
          '\t... 58 common frames omitted',
          'Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
          '\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:388)',
          '\t... 71 common frames omitted',
        );
      }
      if (i % 2 === 1) out.push(`${jTime(t - 0.05)}  WARN 1 --- [payout-service] [   sqs-poller-1] c.a.p.payout.events.PayoutEventPoller    : receiveMessage failed, retrying in 20s: software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target (SDK Attempt Count: 4)`);
    }
    out.push(`${jTime(0.3)}  INFO 1 --- [payout-service] [nio-8080-exec-9] c.a.p.payout.ledger.LedgerClient         : ledger balance check account=acct_7731 status=200 took=12ms`);
    return lines(...out);
  };
  return {
    id: 'heldout100-jvm-cacerts-configmap-internal-ca-only',
    class: 'config',
    truth: 'payout-service revision 57 (48 minutes ago) added a ConfigMap volume, payout-truststore, mounted with subPath over the JDK\'s /opt/java/openjdk/lib/security/cacerts to trust the new internal root CA; the JKS in it holds only that internal CA, so it replaced the JDK\'s public roots instead of adding to them. Since then every call to a public HTTPS endpoint (api.stripe.com payouts, AWS SQS) fails with "PKIX path building failed … unable to find valid certification path", while calls to the internal ledger-api succeed and the pods stay ready. Fix: roll back to revision 56, then build a truststore that is the JDK cacerts plus the internal CA (or pass it as an extra store) instead of replacing cacerts.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ledger.objects, truststore,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: ledger.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 2, 45),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 1, 44),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/cacerts|trust ?store|PKIX|certificat|\bCA\b/i, /revision 57|rev\.? ?57|\b57\b|payout-truststore/i],
      facts: [/PKIX/, /payout-truststore|cacerts/, /api\.stripe\.com|public|external|sqs/i],
      never: [/\bOOM/, /crash ?loop/i, /(certificate|cert) (has )?expired|expired (certificate|cert)/i],
    },
  };
}

// ---- 3. KEDA 2.8 after the control plane went to 1.26: autoscaling/v2beta2 is gone ------------------

function kedaOperatorRemovedApiVersion(): CorpusScenario {
  const ns = 'keda';
  const { nodes, names } = threeEksNodes('10.0.40', ['12', '98', '171']);
  // The managed node group rolled onto 1.26 after the control plane: every node is a fresh one.
  for (const n of nodes) {
    n.metadata = { ...n.metadata, creationTimestamp: new Date(Date.parse(at(4 * HOURS + 30))) };
    if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kubeletVersion: 'v1.26.15-eks-59bf375', kubeProxyVersion: 'v1.26.15-eks-59bf375' };
    for (const c of n.status?.conditions ?? []) c.lastTransitionTime = new Date(Date.parse(at(4 * HOURS + 29)));
  }
  const opImage = 'ghcr.io/kedacore/keda:2.8.2';
  const opTpl = {
    containers: [container({
      name: 'keda-operator', image: opImage, command: ['/keda'], args: ['--leader-elect', '--zap-log-level=info', '--zap-encoder=console', '--zap-time-encoding=rfc3339'],
      ports: [{ name: 'http', containerPort: 8080 }], cpu: '100m', memory: '100Mi', memoryLimit: '1000Mi',
      env: [{ name: 'WATCH_NAMESPACE', value: '' }, { name: 'KEDA_HTTP_DEFAULT_TIMEOUT', value: '3000' }],
      readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 20 }), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 25 }),
    })],
    serviceAccountName: 'keda-operator',
  };
  const op = deploymentApp({
    namespace: ns,
    name: 'keda-operator',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 410 * DAYS, changeCause: 'helm: keda-2.8.2', template: opTpl }],
    pods: [{ revision: 4, node: names[1] ?? '', createdAgo: 4 * HOURS + 12, containers: { 'keda-operator': crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 121 }, 36) } }],
    settled: { available: false, availableSince: 4 * HOURS + 12, progressingSince: 410 * DAYS, progressingUpdatedAgo: 410 * DAYS },
  });
  const msImage = 'ghcr.io/kedacore/keda-metrics-apiserver:2.8.2';
  const ms = deploymentApp({
    namespace: ns,
    name: 'keda-operator-metrics-apiserver',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 410 * DAYS, changeCause: 'helm: keda-2.8.2', template: { containers: [container({ name: 'keda-operator-metrics-apiserver', image: msImage, ports: [{ name: 'https', containerPort: 6443 }, { name: 'http', containerPort: 8080 }], cpu: '100m', memory: '100Mi', readiness: httpProbe('/readyz', 6443, { httpGet: { path: '/readyz', port: 6443, scheme: 'HTTPS' } }), liveness: httpProbe('/healthz', 6443, { httpGet: { path: '/healthz', port: 6443, scheme: 'HTTPS' } }) })] } }],
    pods: [{ revision: 4, node: names[0] ?? '', createdAgo: 4 * HOURS + 14 }],
  });
  const pod = podOf(op, 0);
  const run = (t: number) => lines(
    `${at(t)}\tINFO\tsetup\tStarting manager`,
    `${at(t)}\tINFO\tsetup\tKEDA Version: 2.8.2`,
    `${at(t)}\tINFO\tsetup\tGit Commit: e7e4f3f10e3bd8bd4a5c2c2d5c4d3f9a6a1b2c3d`,
    `${at(t)}\tINFO\tsetup\tGo Version: go1.18.7`,
    `${at(t)}\tINFO\tsetup\tGo OS/Arch: linux/amd64`,
    `${at(t)}\tINFO\tsetup\tRunning on Kubernetes 1.26\t{"version": "v1.26.15-eks-db838b0"}`,
    `${at(t - 0.01)}\tINFO\tStarting server\t{"path": "/metrics", "kind": "metrics", "addr": "[::]:8080"}`,
    `${at(t - 0.01)}\tINFO\tStarting server\t{"kind": "health probe", "addr": "[::]:8081"}`,
    `I${at(t - 0.01).slice(5, 7)}${at(t - 0.01).slice(8, 10)} ${at(t - 0.01).slice(11, 23)}000       1 leaderelection.go:248] attempting to acquire leader lease keda/operator.keda.sh...`,
    `I${at(t - 0.2).slice(5, 7)}${at(t - 0.2).slice(8, 10)} ${at(t - 0.2).slice(11, 23)}000       1 leaderelection.go:258] successfully acquired lease keda/operator.keda.sh`,
    `${at(t - 0.2)}\tINFO\tStarting EventSource\t{"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject", "source": "kind source: *v1alpha1.ScaledObject"}`,
    `${at(t - 0.2)}\tINFO\tStarting EventSource\t{"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject", "source": "kind source: *v2beta2.HorizontalPodAutoscaler"}`,
    `${at(t - 0.2)}\tINFO\tStarting Controller\t{"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject"}`,
    `${at(t - 0.2)}\tINFO\tStarting EventSource\t{"controller": "scaledjob", "controllerGroup": "keda.sh", "controllerKind": "ScaledJob", "source": "kind source: *v1alpha1.ScaledJob"}`,
    `${at(t - 0.2)}\tINFO\tStarting Controller\t{"controller": "scaledjob", "controllerGroup": "keda.sh", "controllerKind": "ScaledJob"}`,
    `${at(t - 0.21)}\tERROR\tcontroller-runtime.source\tif kind is a CRD, it should be installed before calling Start\t{"kind": "HorizontalPodAutoscaler.autoscaling", "error": "no matches for kind \\"HorizontalPodAutoscaler\\" in version \\"autoscaling/v2beta2\\""}`,
    'sigs.k8s.io/controller-runtime/pkg/source.(*Kind).Start.func1.1',
    '\t/workspace/vendor/sigs.k8s.io/controller-runtime/pkg/source/source.go:139',
    `${at(t - 0.4)}\tINFO\tStarting workers\t{"controller": "scaledjob", "controllerGroup": "keda.sh", "controllerKind": "ScaledJob", "worker count": 1}`,
    `${at(t - 1.2)}\tERROR\tcontroller-runtime.source\tif kind is a CRD, it should be installed before calling Start\t{"kind": "HorizontalPodAutoscaler.autoscaling", "error": "no matches for kind \\"HorizontalPodAutoscaler\\" in version \\"autoscaling/v2beta2\\""}`,
    `${at(t - 2.01)}\tERROR\tcontroller/scaledobject\tCould not wait for Cache to sync\t{"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject", "error": "failed to wait for scaledobject caches to sync: timed out waiting for cache to be synced"}`,
    `${at(t - 2.01)}\tINFO\tStopping and waiting for non leader election runnables`,
    `${at(t - 2.01)}\tINFO\tStopping and waiting for leader election runnables`,
    `${at(t - 2.02)}\tINFO\tAll workers finished\t{"controller": "scaledjob", "controllerGroup": "keda.sh", "controllerKind": "ScaledJob"}`,
    `${at(t - 2.02)}\tERROR\tsetup\tproblem running manager\t{"error": "failed to wait for scaledobject caches to sync: timed out waiting for cache to be synced"}`,
    'main.main',
    '\t/workspace/main.go:252',
    'runtime.main',
    '\t/usr/local/go/src/runtime/proc.go:250',
  );
  return {
    id: 'heldout100-keda-operator-autoscaling-v2beta2-removed',
    class: 'containers',
    truth: 'The EKS control plane was upgraded from 1.25 to 1.26 about five hours ago (the node group followed: every node is new, kubelet v1.26.15); 1.26 no longer serves autoscaling/v2beta2. KEDA 2.8.2, unchanged for 410 days (revision 4), still watches HorizontalPodAutoscalers through autoscaling/v2beta2: since its pod was recreated on a new node 4 h 12 min ago, every start fails with `no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v2beta2"`, the ScaledObject controller\'s cache never syncs and the manager exits 1 after two minutes — 36 restarts, so no ScaledObject is reconciled. The operator\'s own revision is not the cause. Fix: upgrade KEDA to 2.9 or later (autoscaling/v2).',
    ask: { service: 'keda-operator', namespace: ns },
    objects: [
      ...nodes, ...op.objects, ...ms.objects,
      service({ namespace: ns, name: 'keda-operator-metrics-apiserver', selector: { app: 'keda-operator-metrics-apiserver' }, ports: [{ name: 'https', port: 443, targetPort: 6443 }, { name: 'http', port: 80, targetPort: 8080 }], createdAgo: 410 * DAYS }),
      ...restartedAgain(pod, 'keda-operator', opImage, { count: 36, firstAgo: 4 * HOURS + 11.9, lastAgo: 5.4 }),
      backOff(pod, 'keda-operator', { count: 1012, firstAgo: 4 * HOURS + 8, lastAgo: 0.3 }),
    ],
    logs: [logsFor(pod, 'keda-operator', { previous: run(12.6), current: run(5.42) })],
    expect: {
      verdict: 'problems',
      headline: [/v2beta2|API version|no matches for kind|removed|no longer served|deprecated/i],
      facts: [/autoscaling\/v2beta2/, /1\.26|upgrade/i, /upgrade KEDA|KEDA (to )?(2\.9|2\.1\d|newer|later)|newer (KEDA|version|release)|upgrade the operator/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /liveness probe/i, /ImagePull|image pull/i, /keda-operator-metrics-apiserver[^\n]*(cause|fail|crash)/i],
    },
  };
}

// ---- 4. one flannel node whose host-local IPAM range leaked dry -------------------------------------

/** An on-prem kubeadm worker (flannel, host-local IPAM): the kit's node without the EKS dressing. */
function kubeadmWorker(name: string, podCidr: string): k8s.V1Node {
  const n = node({ name, zone: 'dc1-rack-b', createdAgo: 230 * DAYS });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  delete labels['node.kubernetes.io/instance-type'];
  delete labels['topology.kubernetes.io/region'];
  n.metadata = { ...n.metadata, labels, annotations: { ...n.metadata?.annotations, 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'flannel.alpha.coreos.com/kube-subnet-manager': 'true', 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock' } };
  n.spec = { podCIDR: podCidr, podCIDRs: [podCidr] };
  if (n.status?.nodeInfo) n.status.nodeInfo = { ...n.status.nodeInfo, kubeletVersion: 'v1.30.6', kubeProxyVersion: 'v1.30.6', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-126-generic', containerRuntimeVersion: 'containerd://1.7.24' };
  if (n.status) n.status.addresses = [{ type: 'InternalIP', address: `192.168.40.${20 + Number(podCidr.split('.')[2] ?? 0)}` }, { type: 'Hostname', address: name }];
  return n;
}

function hostLocalIpamExhaustedNode(): CorpusScenario {
  const ns = 'storefront';
  const workers = [1, 2, 3, 4].map((i) => kubeadmWorker(`k8s-worker-0${i}`, `10.244.${i}.0/24`));
  const names = workers.map(nameOf);
  const bad = names[2] ?? '';
  const image = 'harbor.dc1.acme.local/storefront/web-frontend:5.31.0';
  const tpl = { containers: [container({ image, ports: [3000], cpu: '250m', memory: '384Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'API_BASE', value: 'http://catalog-api.storefront.svc:8080' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }) })] };
  const stuck = waiting('ContainerCreating');
  const app = deploymentApp({
    namespace: ns,
    name: 'web-frontend',
    replicas: 6,
    revisions: [
      { revision: 87, createdAgo: 16 * DAYS, changeCause: 'argocd: web-frontend 5.30.2', template: { containers: [container({ image: 'harbor.dc1.acme.local/storefront/web-frontend:5.30.2', ports: [3000], cpu: '250m', memory: '384Mi' })] } },
      { revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: web-frontend 5.31.0', template: tpl },
    ],
    pods: [
      { revision: 88, node: names[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 88, node: names[1] ?? '', createdAgo: 3 * DAYS - 1 },
      { revision: 88, node: names[2] ?? '', createdAgo: 3 * DAYS - 2 },
      { revision: 88, node: names[3] ?? '', createdAgo: 3 * DAYS - 3 },
      { revision: 88, node: bad, createdAgo: 19, containers: { app: stuck } },
      { revision: 88, node: bad, createdAgo: 19, containers: { app: stuck } },
    ],
    settled: { available: true, availableSince: 3 * DAYS - 4, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 4 },
  });
  const cartImage = 'harbor.dc1.acme.local/storefront/cart-api:2.14.1';
  const cart = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 2,
    revisions: [{ revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: cart-api 2.14.1', template: { containers: [container({ image: cartImage })] } }],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 9 * DAYS },
      // Re-created 52 minutes ago (its old pod was deleted by hand); it landed on k8s-worker-03.
      { revision: 23, node: bad, createdAgo: 52, containers: { app: stuck } },
    ],
  });
  const stuckPods = [podOf(app, 4), podOf(app, 5), podOf(cart, 1)];
  const sandboxErr = (p: k8s.V1Pod, k: number) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${(p.metadata?.uid ?? '').replace(/-/g, '')}${k}f3a9c1e2d4b5a6978": plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.3.1-10.244.3.254`;
  const served = (k: number) => lines(
    `{"level":30,"time":${Date.parse(at(4.2 - k * 0.2))},"pid":1,"hostname":"web","req":{"method":"GET","url":"/products/outerwear"},"res":{"statusCode":200},"responseTime":${41 + k},"msg":"request completed"}`,
    `{"level":40,"time":${Date.parse(at(2.7 - k * 0.2))},"pid":1,"hostname":"web","msg":"catalog-api slow response","url":"/v1/products?category=outerwear","ms":${812 + k * 9}}`,
    `{"level":30,"time":${Date.parse(at(0.6 - k * 0.1))},"pid":1,"hostname":"web","req":{"method":"GET","url":"/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`,
  );
  return {
    id: 'heldout100-flannel-host-local-ipam-exhausted-node',
    class: 'nodes',
    truth: 'On k8s-worker-03 the host-local IPAM store (/var/lib/cni/networks/cbr0) has leaked its whole 10.244.3.0/24 range: reservations of pods whose sandboxes were torn down uncleanly (containerd restarts) were never released, so the node has no pod address left although it runs far fewer pods. Every new pod scheduled there — the two web-frontend pods the HPA added 19 minutes ago and a cart-api pod re-created 52 minutes ago — stays in ContainerCreating on FailedCreatePodSandBox "failed to allocate for range 0: no IP addresses available in range set: 10.244.3.1-10.244.3.254"; the pods already running there and every other node are fine, and revision 88 (3 days old) is not involved. Fix: cordon and drain k8s-worker-03, clear the stale reservations in /var/lib/cni/networks/cbr0 (or reboot it), then uncordon.',
    ask: { service: 'web-frontend', namespace: ns },
    objects: [
      ...workers, ...app.objects, ...cart.objects,
      ...exposed({ namespace: ns, name: 'web-frontend', selector: { app: 'web-frontend' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods }),
      hpa({ namespace: ns, name: 'web-frontend', target: { kind: 'Deployment', name: 'web-frontend' }, min: 4, max: 12, current: 6, desired: 6, cpu: { current: 74, target: 65, averageValue: '185m' }, lastScaleAgo: 19 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 88), 6, 4, 19),
      ...stuckPods.flatMap((p, k) => {
        const age = k === 2 ? 52 : 19;
        return [
          scheduled(p, age),
          event({ on: p, reason: 'FailedCreatePodSandBox', message: sandboxErr(p, k), count: k === 2 ? 231 : 86, firstAgo: age - 0.05, lastAgo: 0.2 + k * 0.1 }),
        ];
      }),
    ],
    logs: app.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: served(k) })),
    expect: {
      verdict: 'problems',
      headline: [/k8s-worker-03/, /IP|IPAM|address|sandbox|CNI|network/i],
      facts: [/no IP addresses available/, /10\.244\.3/, /k8s-worker-03/],
      never: [ADVISES_ROLLBACK, /ImagePull|image pull/i, /Insufficient (cpu|memory)/i, /quota/i, /\bOOM/],
    },
  };
}

// ---- 5. a mysqldump CronJob whose ConfigMap now names a database that does not exist ---------------

function mysqldumpUnknownDatabase(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.58', ['33', '101', '190']);
  const image = `${ECR}/platform/mysql-backup:8.0.40-r2`;
  const cm = configMap({
    namespace: ns,
    name: 'mysql-backup-config',
    createdAgo: 220 * DAYS,
    updatedAgo: 13 * HOURS + 40,
    data: {
      MYSQL_HOST: 'billing-mysql-primary.billing.svc.cluster.local',
      MYSQL_PORT: '3306',
      MYSQL_USER: 'backup',
      MYSQL_DATABASE: 'billing_prod',
      S3_BUCKET: 's3://acme-db-backups-eu-west-1/billing',
      DUMP_OPTS: '--single-transaction --routines --triggers --set-gtid-purged=OFF',
    },
  });
  const appCm = configMap({ namespace: ns, name: 'billing-api-config', createdAgo: 300 * DAYS, updatedAgo: 20 * DAYS, data: { DB_HOST: 'billing-mysql-primary.billing.svc.cluster.local', DB_NAME: 'billing', DB_POOL_SIZE: '20', LOG_LEVEL: 'info' } });
  const tpl = {
    containers: [batchContainer({
      name: 'backup', image, command: ['/usr/local/bin/backup.sh'], cpu: '500m', memory: '1Gi',
      envFrom: [{ configMapRef: { name: 'mysql-backup-config' } }],
      env: [{ name: 'MYSQL_PWD', valueFrom: { secretKeyRef: { name: 'mysql-backup-credentials', key: 'password' } } }],
    })],
  };
  const today = 44;
  const cron = cronJob({
    namespace: ns,
    name: 'mysql-backup',
    schedule: '30 2 * * *',
    template: tpl,
    backoffLimit: 2,
    lastSuccessfulAgo: DAYS + today - 6.5,
    jobs: [
      { createdAgo: 2 * DAYS + today, pods: [{ createdAgo: 2 * DAYS + today, node: names[1] ?? '', phase: 'Succeeded', containers: { backup: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + today - 6.8, ranSeconds: 401 }) } }], outcome: { complete: true, ago: 2 * DAYS + today - 6.8 } },
      { createdAgo: DAYS + today, pods: [{ createdAgo: DAYS + today, node: names[2] ?? '', phase: 'Succeeded', containers: { backup: terminated({ exitCode: 0, finishedAgo: DAYS + today - 6.5, ranSeconds: 388 }) } }], outcome: { complete: true, ago: DAYS + today - 6.5 } },
      {
        createdAgo: today,
        pods: [0, 1, 2].map((k) => {
          const startedAgo = today - [0, 0.3, 0.8][k]!;
          return { createdAgo: startedAgo, node: names[(k + 1) % 3] ?? '', phase: 'Failed' as const, containers: { backup: terminated({ exitCode: 2, finishedAgo: startedAgo - 0.05, ranSeconds: 2 }) } };
        }),
        outcome: { failed: 'BackoffLimitExceeded', ago: today - 0.9 },
      },
    ],
  });
  const failedJob = cron.jobs[2];
  const failedPods = failedJob?.pods ?? [];
  const dbImage = 'docker.io/bitnami/mysql:8.0.40-debian-12-r3';
  const db = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 2,
    revisions: [{ revision: 61, createdAgo: 20 * DAYS, changeCause: 'argocd: billing-api 7.4.2', template: { containers: [container({ image: `${ECR}/billing/billing-api:7.4.2`, envFrom: [{ configMapRef: { name: 'billing-api-config' } }] })] } }],
    pods: [{ revision: 61, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 61, node: names[2] ?? '', createdAgo: 20 * DAYS - 1 }],
  });
  const runLog = (t: number) => lines(
    `[${at(t).slice(0, 19)}Z] mysql-backup: starting backup of billing_prod on billing-mysql-primary.billing.svc.cluster.local:3306`,
    `[${at(t - 0.01).slice(0, 19)}Z] mysql-backup: target s3://acme-db-backups-eu-west-1/billing/${at(t).slice(0, 10)}/billing_prod.sql.gz`,
    'mysqldump: Got error: 1049: Unknown database \'billing_prod\' when selecting the database',
    `[${at(t - 0.03).slice(0, 19)}Z] mysql-backup: mysqldump exited with status 2, aborting (nothing uploaded)`,
  );
  const okLog = (t: number) => lines(
    `[${at(t).slice(0, 19)}Z] mysql-backup: starting backup of billing on billing-mysql-primary.billing.svc.cluster.local:3306`,
    `[${at(t - 6.3).slice(0, 19)}Z] mysql-backup: dump complete, 4.1 GiB uncompressed`,
    `[${at(t - 6.5).slice(0, 19)}Z] mysql-backup: uploaded s3://acme-db-backups-eu-west-1/billing/${at(t).slice(0, 10)}/billing.sql.gz (612.4 MiB)`,
  );
  const cronObj = cron.objects[0];
  return {
    id: 'heldout100-mysqldump-configmap-unknown-database',
    class: 'jobs',
    truth: 'Yesterday afternoon (13 h 40 min ago) someone edited the mysql-backup-config ConfigMap by hand and changed MYSQL_DATABASE from billing to billing_prod, a schema that does not exist on billing-mysql-primary (the app\'s own config still says billing). Tonight\'s 02:30 run of the mysql-backup CronJob is the first since: all three attempts fail in two seconds with "mysqldump: Got error: 1049: Unknown database \'billing_prod\' when selecting the database" (exit 2), the Job hit its backoff limit and no backup was uploaded; the two previous nightly runs succeeded. Fix: set MYSQL_DATABASE back to billing and re-run the backup by hand (kubectl create job --from=cronjob/mysql-backup).',
    ask: { service: 'mysql-backup', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...db.objects, cm, appCm,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: db.pods }),
      service({ namespace: ns, name: 'billing-mysql-primary', selector: { 'app.kubernetes.io/name': 'mysql', 'app.kubernetes.io/component': 'primary' }, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], createdAgo: 300 * DAYS }),
      ...(cronObj === undefined ? [] : [event({ on: cronObj, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(failedJob?.objects[0])}`, firstAgo: today, lastAgo: today, component: 'cronjob-controller' })]),
      ...(cronObj === undefined ? [] : [event({ on: cronObj, type: 'Warning', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(failedJob?.objects[0])}, status: Failed`, firstAgo: today - 0.9, lastAgo: today - 0.9, component: 'cronjob-controller' })]),
      ...failedPods.map((p, k) => event({ on: { kind: 'Job', metadata: failedJob?.objects[0]?.metadata ?? {} }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: today - [0, 0.3, 0.8][k]!, lastAgo: today - [0, 0.3, 0.8][k]!, component: 'job-controller' })),
      event({ on: { kind: 'Job', metadata: failedJob?.objects[0]?.metadata ?? {} }, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', firstAgo: today - 0.9, lastAgo: today - 0.9, component: 'job-controller' }),
      ...failedPods.flatMap((p, k) => startedNormally(p, 'backup', image, today - [0, 0.3, 0.8][k]!)),
    ],
    logs: [
      ...failedPods.map((p, k) => logsFor(p, 'backup', { current: runLog(today - [0, 0.3, 0.8][k]! - 0.02) })),
      ...cron.jobs.slice(0, 2).map((j, k) => logsFor(j.pods[0], 'backup', { current: okLog((2 - k) * DAYS + today - 0.02) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing_prod|Unknown database|1049|database name/i],
      facts: [/billing_prod/, /mysql-backup-config|MYSQL_DATABASE/, /Unknown database|1049/],
      never: [/\bOOM/, /(wrong|invalid|bad|incorrect) password|Access denied/i, /connection refused|can'?t connect/i, /image pull|ImagePull/i],
    },
  };
}

// ---- 6. a git-sync init container refusing the Git server's new SSH host key ------------------------

function gitSyncHostKeyChanged(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.150', ['22', '87', '245']);
  const syncImage = 'registry.k8s.io/git-sync/git-sync:v4.3.0';
  const web = (v: string) => `docker.io/nginxinc/nginx-unprivileged:${v}`;
  const sync = batchContainer({
    name: 'git-sync', image: syncImage, cpu: '50m', memory: '128Mi',
    args: ['--repo=git@git.acme.internal:platform/handbook.git', '--ref=main', '--root=/git', '--link=current', '--one-time', '--depth=1', '--ssh-key-file=/etc/git-secret/ssh', '--ssh-known-hosts=true', '--ssh-known-hosts-file=/etc/git-known-hosts/known_hosts'],
    volumeMounts: [{ name: 'content', mountPath: '/git' }, { name: 'git-secret', mountPath: '/etc/git-secret', readOnly: true }, { name: 'known-hosts', mountPath: '/etc/git-known-hosts', readOnly: true }],
    securityContext: { runAsUser: 65533 },
  });
  const tpl = (v: string) => ({
    initContainers: [sync],
    containers: [container({ name: 'web', image: web(v), ports: [8080], cpu: '100m', memory: '128Mi', volumeMounts: [{ name: 'content', mountPath: '/usr/share/nginx/html', readOnly: true }], readiness: httpProbe('/index.html', 8080), liveness: httpProbe('/index.html', 8080, { initialDelaySeconds: 5 }) })],
    volumes: [
      { name: 'content', emptyDir: {} },
      { name: 'git-secret', secret: { secretName: 'handbook-deploy-key', defaultMode: 256 } },
      { name: 'known-hosts', configMap: { name: 'git-known-hosts' } },
    ],
    securityContext: { fsGroup: 65533 },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'handbook',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: handbook nginx 1.27.2', template: tpl('1.27.2-alpine') },
      { revision: 12, createdAgo: 31, changeCause: 'argocd: handbook nginx 1.27.3', template: tpl('1.27.3-alpine') },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 11, node: names[1] ?? '', createdAgo: 23 * DAYS - 1 },
      { revision: 12, node: names[2] ?? '', createdAgo: 30.5, initContainers: { 'git-sync': crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 1 }, 10) }, containers: { web: waiting('PodInitializing') } },
    ],
  });
  const fresh = podOf(app, 2);
  const knownHosts = configMap({
    namespace: ns,
    name: 'git-known-hosts',
    createdAgo: 400 * DAYS,
    data: { known_hosts: 'git.acme.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3c0yT8mW2Jf1pZ6xkVbQe9Lr4uNn0sDa7GhK2mXcE\ngithub.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n' },
  });
  const stderr = '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\\nIT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\\nSomeone could be eavesdropping on you right now (man-in-the-middle attack)!\\nIt is also possible that a host key has just been changed.\\nThe fingerprint for the ED25519 key sent by the remote host is\\nSHA256:Wm3Q7pX0vR2cK9yTjA5fLh8nB4uE1sD6gZ0iOqP3aYw.\\nPlease contact your system administrator.\\nAdd correct host key in /etc/git-known-hosts/known_hosts to get rid of this message.\\nOffending ED25519 key in /etc/git-known-hosts/known_hosts:1\\nHost key for git.acme.internal has changed and you have requested strict checking.\\nHost key verification failed.\\r\\nfatal: Could not read from remote repository.\\n\\nPlease make sure you have the correct access rights\\nand the repository exists.\\n';
  const ts = (t: number) => at(t).replace('T', ' ').replace('Z', '');
  const run = (t: number) => lines(
    `{"logger":"","ts":"${ts(t)}","caller":{"file":"main.go","line":567},"level":0,"msg":"starting up","version":"v4.3.0","pid":1,"uid":65533,"gid":65533,"home":"/tmp","flags":["--depth=1","--link=current","--one-time=true","--ref=main","--repo=git@git.acme.internal:platform/handbook.git","--root=/git","--ssh-key-file=/etc/git-secret/ssh","--ssh-known-hosts=true","--ssh-known-hosts-file=/etc/git-known-hosts/known_hosts"]}`,
    `{"logger":"","ts":"${ts(t)}","caller":{"file":"main.go","line":1141},"level":0,"msg":"repo directory was empty or failed checks","path":"/git"}`,
    `{"logger":"","ts":"${ts(t)}","caller":{"file":"main.go","line":1151},"level":0,"msg":"initializing repo directory","path":"/git"}`,
    `{"logger":"","ts":"${ts(t - 0.01)}","caller":{"file":"main.go","line":917},"msg":"too many failures, aborting","error":"Run(git fetch origin main --verbose --no-progress --prune --no-auto-gc --depth 1): exit status 128: { stdout: \\"\\", stderr: \\"${stderr}\\" }","failCount":0}`,
  );
  return {
    id: 'heldout100-git-sync-ssh-host-key-changed',
    class: 'config',
    truth: 'The internal GitLab (git.acme.internal) was migrated to a new VM two days ago and now presents a new ED25519 host key; the git-known-hosts ConfigMap the handbook pods mount still pins the old one, so git-sync (strict host key checking) refuses the server: "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED … Host key verification failed". Pods that cloned before keep serving, but the new pod of revision 12 (an unrelated nginx patch bump, 31 minutes ago) crash-loops in its git-sync init container and the rollout is stuck. Rolling back would not help — any new pod fails the same way. Fix: after verifying the new fingerprint with the GitLab admins, update known_hosts in git-known-hosts.',
    ask: { service: 'handbook', namespace: ns },
    objects: [
      ...nodes, ...app.objects, knownHosts,
      ...exposed({ namespace: ns, name: 'handbook', selector: { app: 'handbook' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 31),
      scheduled(fresh, 30.5),
      ...restartedAgain(fresh, 'git-sync', syncImage, { count: 11, firstAgo: 30.4, lastAgo: 1.85 }).map((e) => ({ ...e, involvedObject: { ...e.involvedObject, fieldPath: 'spec.initContainers{git-sync}' } })),
      backOff(fresh, 'git-sync', { count: 139, firstAgo: 30.2, lastAgo: 0.4, init: true }),
    ],
    logs: [
      logsFor(fresh, 'git-sync', { previous: run(6.85), current: run(1.82) }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'web', { current: lines(`10.0.150.${nameOf(p).length} - - [21/Nov/2026:03:0${nameOf(p).length % 9}:12 +0000] "GET /onboarding/ HTTP/1.1" 200 18422 "-" "Mozilla/5.0" "-"`, '10.0.150.9 - - [21/Nov/2026:03:13:40 +0000] "GET /index.html HTTP/1.1" 200 9921 "-" "kube-probe/1.31" "-"') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/host key|known.?hosts|REMOTE HOST IDENTIFICATION|git-sync/i],
      facts: [/Host key verification failed|host key/i, /git-known-hosts|known_hosts/, /git\.acme\.internal/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ImagePull|image pull/i, /(deploy|ssh) key[^\n]*(revoked|expired|rotated)/i],
    },
  };
}

// ---- healthy control: a Kafka consumer with its routine rebalance and bootstrap disconnects --------

function kafkaConsumerHealthy(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.210', ['40', '119', '222']);
  const image = `${ECR}/orders/order-events-consumer:2.7.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, changeCause: 'argocd: order-events-consumer 2.7.3', template: { containers: [container({ image: `${ECR}/orders/order-events-consumer:2.7.3` })] } },
      {
        revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: order-events-consumer 2.7.4',
        template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-bootstrap.kafka.svc.cluster.local:9092' }, { name: 'KAFKA_GROUP_ID', value: 'order-events' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] },
      },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 },
      // Re-created when the cluster autoscaler removed an underused node 53 minutes ago.
      { revision: 19, node: names[2] ?? '', createdAgo: 53 },
    ],
  });
  const moved = podOf(app, 2);
  const tag = (k: number) => `[Consumer clientId=consumer-order-events-${k + 1}, groupId=order-events]`;
  const k = 'org.apache.kafka.clients';
  const log = (i: number) => {
    const out: string[] = [];
    if (i === 2) {
      out.push(
        `${jTime(52.3)}  INFO 1 --- [           main] o.a.k.c.c.ConsumerConfig                 : ConsumerConfig values: ... group.id = order-events ... max.poll.interval.ms = 300000 ...`,
        `${jTime(52.2)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.7.1`,
        `${jTime(52.1)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.Metadata                             : ${tag(i)} Cluster ID: q7Xh2mT4Rku9bV1cLw0sYg`,
      );
    }
    out.push(
      `${jTime(52.0)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Request joining group due to: group is already rebalancing`,
      `${jTime(52.0)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Revoke previously assigned partitions order-events-${i * 4}, order-events-${i * 4 + 1}`,
      `${jTime(52.0)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} (Re-)joining group`,
      `${jTime(51.9)}  WARN 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Synchronous auto-commit of offsets {order-events-${i * 4}=OffsetAndMetadata{offset=${881231 + i * 977}, leaderEpoch=14, metadata=''}} failed: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.`,
      `${jTime(51.8)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Successfully joined group with generation Generation{generationId=412, memberId='consumer-order-events-${i + 1}-${['3f1c', '9ab0', 'c27e'][i]}', protocol='range'}`,
      `${jTime(51.8)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Successfully synced group in generation Generation{generationId=412, memberId='consumer-order-events-${i + 1}-${['3f1c', '9ab0', 'c27e'][i]}', protocol='range'}`,
      `${jTime(51.8)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.consumer.internals.ConsumerCoordinator : ${tag(i)} Adding newly assigned partitions: order-events-${i * 4}, order-events-${i * 4 + 1}, order-events-${i * 4 + 2}, order-events-${i * 4 + 3}`,
      `${jTime(51.7)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : order-events: partitions assigned: [order-events-${i * 4}, order-events-${i * 4 + 1}, order-events-${i * 4 + 2}, order-events-${i * 4 + 3}]`,
    );
    for (let m = 0; m < 6; m++) {
      const t = 45 - m * 8 - i * 0.3;
      out.push(`${jTime(t)}  INFO 1 --- [ntainer#0-0-C-1] ${k}.NetworkClient                        : ${tag(i)} Node -1 disconnected.`);
      out.push(`${jTime(t - 0.5)}  INFO 1 --- [ntainer#0-0-C-1] c.a.orders.events.OrderEventHandler      : processed batch partition=order-events-${i * 4 + (m % 4)} records=${120 + m * 7} lag=${3 + m} took=${210 + m * 11}ms`);
      if (m === 3) out.push(`${jTime(t - 1)}  WARN 1 --- [ntainer#0-0-C-1] c.a.orders.events.OrderEventHandler      : skipping duplicate event orderId=ORD-${7712930 + i} eventId=evt_${4411 + m}${i} (already applied)`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout100-kafka-consumer-rebalance-healthy',
    class: 'healthy',
    truth: 'Healthy: order-events-consumer (revision 19, six days old) runs three ready pods. One was re-created 53 minutes ago when the cluster autoscaler removed an underused node, which caused one routine consumer-group rebalance (generation 412, a benign auto-commit WARN while the group rebalanced); since then every pod consumes its partitions with single-digit lag. The periodic "Node -1 disconnected." lines are the client closing its idle bootstrap connection, and the duplicate-event WARN is the idempotent handler working as designed.',
    ask: { service: 'order-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'order-events-consumer', selector: { app: 'order-events-consumer' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 53),
      ...startedNormally(moved, 'app', image, 53),
      event({ on: moved, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${moved.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${moved.status?.podIP ?? ''}:8080: connect: connection refused`, count: 2, firstAgo: 52.8, lastAgo: 52.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', { current: log(i) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|running|ready|fine|ok\b/i],
      facts: [/order-events-consumer/],
      never: [/crash ?loop/i, /\bOOM/, /roll(ing)? ?back/i, /Node -1[^\n]*(fail|down|unreachable|problem)/i, /rebalanc(e|ing) (storm|loop)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  markupsafeSoftUnicode(),
  cacertsOverwrittenInternalCaOnly(),
  kedaOperatorRemovedApiVersion(),
  hostLocalIpamExhaustedNode(),
  mysqldumpUnknownDatabase(),
  gitSyncHostKeyChanged(),
  kafkaConsumerHealthy(),
];
