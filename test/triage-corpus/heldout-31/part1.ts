// Held-out stories, round 31, part one: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// A nightly pg_dump backup CronJob whose 15.8 client refuses the Postgres StatefulSet upgraded to
// 16.4 yesterday (server version mismatch, BackoffLimitExceeded, a manual re-run failing the same
// way); a Kyverno verifyImages policy denying every pod of cart-api's new revision because CI signed
// it with the wrong key (no matching signatures, FailedCreate, rollout stuck on the old pods); the
// descheduler's RemovePodsViolatingTopologySpreadConstraint evicting a search-api pod every five
// minutes since its policy was installed yesterday (young pods, cold caches, slow searches); a
// MongoDB replica set left without a primary after the node holding two of its three members
// stopped posting status (writes fail with NotWritablePrimary, then ReplicaSetNoPrimary server
// selection timeouts); an operator whose revision 14 cut its CPU limit to 50m and now loses its
// leader-election lease on every run (failed to renew lease … context deadline exceeded, leader
// election lost, exit 1); a ConfigMap with the internal CA mounted over /etc/ssl/certs by revision
// 27, hiding the image's CA bundle (x509: certificate signed by unknown authority for every public
// API, internal calls fine); and a healthy control: a Spring Boot API logging DEBUG lines and stack
// traces of handled exceptions while every request succeeds.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, configMap, container, createdPod, cronJob, deploymentApp, epochMs, event,
  execProbe, exposed, hpa, httpProbe, job, jobEvent, nameOf, node, nodeEvent, probeFailed, crashLoop, replicaSetOf, restartedAgain,
  rsOf, running, scaledReplicaSet, service, statefulSetApp, terminated,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const p2 = (n: number): string => String(n).padStart(2, '0');

/** klog's header time: `1121 03:12:41.563214`. */
function klogTime(m: number): string {
  const d = ago(m);
  const micros = String(d.getUTCMilliseconds() * 1000 + (Math.round(m * 7919) % 1000)).padStart(6, '0');
  return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}`;
}

const klog = (sev: 'I' | 'W' | 'E', m: number, src: string, msg: string): string => `${sev}${klogTime(m)}       1 ${src}] ${msg}`;

/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');

/** mongod's `{"$date":"2026-11-21T03:12:41.563+00:00"}`. */
const mongoDate = (m: number): string => at(m).replace('Z', '+00:00');

const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. pg_dump 15.8 refuses the Postgres upgraded to 16.4 ------------------------------------------

function pgDumpServerVersionMismatch(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.42', ['18', '133', '201']);
  const pgData = { name: 'data', mountPath: '/var/lib/postgresql/data' };
  const pgContainer = (image: string, pgdata: string) =>
    container({
      name: 'postgres',
      image,
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '1',
      memory: '4Gi',
      env: [
        { name: 'PGDATA', value: pgdata },
        { name: 'POSTGRES_USER', value: 'billing' },
        { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-pg-auth', key: 'password' } } },
      ],
      readiness: execProbe(['pg_isready', '-U', 'billing', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'billing', '-h', '127.0.0.1'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [pgData],
    });
  const pg15: TemplateOpts = { containers: [pgContainer('docker.io/library/postgres:15.8', '/var/lib/postgresql/data/pgdata')], securityContext: { fsGroup: 999 } };
  const pg16: TemplateOpts = {
    initContainers: [
      batchContainer({
        name: 'pg-upgrade',
        image: 'docker.io/tianon/postgres-upgrade:15-to-16',
        command: ['sh', '-c', '[ -s "$PGDATANEW/PG_VERSION" ] && exit 0; exec docker-upgrade pg_upgrade --link'],
        env: [
          { name: 'PGDATAOLD', value: '/var/lib/postgresql/data/pgdata' },
          { name: 'PGDATANEW', value: '/var/lib/postgresql/data/pg16' },
          { name: 'POSTGRES_INITDB_ARGS', value: '--username=billing' },
        ],
        cpu: '500m',
        memory: '1Gi',
        volumeMounts: [pgData],
      }),
    ],
    containers: [pgContainer('docker.io/library/postgres:16.4', '/var/lib/postgresql/data/pg16')],
    securityContext: { fsGroup: 999 },
  };
  const upgradedAgo = 13 * 60 + 12;
  const pg = statefulSetApp({
    namespace: ns,
    name: 'billing-pg',
    replicas: 1,
    serviceName: 'billing-pg-headless',
    createdAgo: 410 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 160 * DAYS, template: pg15 },
      { revision: 4, createdAgo: upgradedAgo, template: pg16 },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: upgradedAgo - 0.5 }],
  });
  const [pgClaim, pgVolume] = boundClaim({ namespace: ns, name: 'data-billing-pg-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 410 * DAYS });

  const backupImage = `${ECR}/platform/pg-backup:1.8.0`;
  const backup = batchContainer({
    name: 'backup',
    image: backupImage,
    command: ['/usr/local/bin/pg-backup.sh'],
    env: [
      { name: 'PGHOST', value: 'billing-pg.billing.svc.cluster.local' },
      { name: 'PGPORT', value: '5432' },
      { name: 'PGDATABASE', value: 'billing' },
      { name: 'PGUSER', value: 'backup' },
      { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'billing-pg-backup', key: 'password' } } },
      { name: 'S3_URI', value: 's3://acme-prod-db-backups/billing' },
    ],
    cpu: '500m',
    memory: '1Gi',
  });
  const template: TemplateOpts = { containers: [backup], serviceAccountName: 'db-backup' };
  const nightly = 134; // 01:00 UTC tonight
  const okRun = (day: number) => ({
    createdAgo: day * DAYS + nightly,
    pods: [{ node: names[day % 3] ?? '', createdAgo: day * DAYS + nightly - 0.02, phase: 'Succeeded' as const, containers: { backup: terminated({ exitCode: 0, finishedAgo: day * DAYS + nightly - 3.9, ranSeconds: 226 }) } }],
    outcome: { complete: true as const, ago: day * DAYS + nightly - 3.9 },
  });
  const failedPods = (startAgo: number) =>
    [0, 1, 2].map((k) => {
      const created = startAgo - [0.02, 0.2, 0.55][k]!;
      return { node: names[(k + 1) % 3] ?? '', createdAgo: created, phase: 'Failed' as const, containers: { backup: terminated({ exitCode: 1, finishedAgo: created - 0.04, ranSeconds: 1 }) } };
    });
  const cron = cronJob({
    namespace: ns,
    name: 'billing-db-backup',
    schedule: '0 1 * * *',
    template,
    backoffLimit: 2,
    createdAgo: 380 * DAYS,
    lastSuccessfulAgo: 1 * DAYS + nightly - 3.9,
    jobs: [okRun(3), okRun(2), okRun(1), { createdAgo: nightly, pods: failedPods(nightly), outcome: { failed: 'BackoffLimitExceeded', ago: nightly - 0.6 } }],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  if (cronObj.spec) cronObj.spec.failedJobsHistoryLimit = 3;
  // The on-call's re-run after the "backup older than 24h" alert: `kubectl create job --from=cronjob/billing-db-backup`.
  const manualAgo = 17;
  const manual = job({
    namespace: ns,
    name: 'billing-db-backup-manual-rerun',
    template,
    backoffLimit: 2,
    createdAgo: manualAgo,
    pods: failedPods(manualAgo),
    outcome: { failed: 'BackoffLimitExceeded', ago: manualAgo - 0.6 },
    owner: { name: 'billing-db-backup', uid: cron.uid },
  });
  const manualJob = manual.objects[0] as k8s.V1Job;
  manualJob.metadata = { ...manualJob.metadata, annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' } };

  const api = bystander(ns, 'billing-api', names, 3 * DAYS + 200, { revisions: [40, 41], versions: ['2.3.0', '2.3.1'], olderAgo: 24 * DAYS });
  const failureLog = (startedAgo: number) => {
    const stamp = at(startedAgo).replace(/\.\d+Z$/, 'Z');
    const file = `billing-${stamp.replace(/[-:]/g, '')}.dump`;
    return lines(
      `${stamp} pg-backup.sh: pg-backup 1.8.0, pg_dump (PostgreSQL) 15.8 (Debian 15.8-1.pgdg120+1)`,
      `${stamp} pg-backup.sh: dumping database billing from billing-pg.billing.svc.cluster.local:5432 to s3://acme-prod-db-backups/billing/${file}`,
      'pg_dump: error: aborting because of server version mismatch',
      'pg_dump: detail: server version: 16.4 (Debian 16.4-1.pgdg120+2); pg_dump version: 15.8 (Debian 15.8-1.pgdg120+1)',
      `${stamp} pg-backup.sh: pg_dump exited with status 1, nothing uploaded`,
    );
  };
  const okLog = (startedAgo: number) => {
    const stamp = (m: number) => at(m).replace(/\.\d+Z$/, 'Z');
    return lines(
      `${stamp(startedAgo)} pg-backup.sh: pg-backup 1.8.0, pg_dump (PostgreSQL) 15.8 (Debian 15.8-1.pgdg120+1)`,
      `${stamp(startedAgo)} pg-backup.sh: dumping database billing from billing-pg.billing.svc.cluster.local:5432 to s3://acme-prod-db-backups/billing/billing-${stamp(startedAgo).replace(/[-:]/g, '')}.dump`,
      `${stamp(startedAgo - 3.7)} pg-backup.sh: pg_dump finished: 4.1 GiB in 219s`,
      `${stamp(startedAgo - 3.85)} pg-backup.sh: upload complete (4398046511 bytes, sse=aws:kms)`,
    );
  };
  const nightlyJob = cron.jobs[3];
  const lastOk = cron.jobs[2];
  const pgPod = podOf(pg, 0);
  const pgLogs = lines(
    `${pgTime(upgradedAgo - 1.1)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(upgradedAgo - 1.1)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(upgradedAgo - 1.1)} [1] LOG:  listening on IPv6 address "::", port 5432`,
    `${pgTime(upgradedAgo - 1.1)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${pgTime(upgradedAgo - 1.09)} [28] LOG:  database system was shut down at ${pgTime(upgradedAgo - 1.3).replace(/\.\d+ UTC/, ' UTC')}`,
    `${pgTime(upgradedAgo - 1.08)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(52)} [26] LOG:  checkpoint starting: time`,
    `${pgTime(47.5)} [26] LOG:  checkpoint complete: wrote 2214 buffers (13.5%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.812 s, sync=0.018 s, total=269.866 s; sync files=58, longest=0.005 s, average=0.001 s; distance=18211 kB, estimate=19022 kB; lsn=2/9A3C1E28, redo lsn=2/9A0F2B40`,
    `${pgTime(23.4)} [61873] FATAL:  password authentication failed for user "grafana_ro"`,
    `${pgTime(23.4)} [61873] DETAIL:  Connection matched file "/var/lib/postgresql/data/pg16/pg_hba.conf" line 100: "host all all all scram-sha-256"`,
    `${pgTime(22)} [26] LOG:  checkpoint starting: time`,
    `${pgTime(17.6)} [26] LOG:  checkpoint complete: wrote 1903 buffers (11.6%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.904 s, sync=0.011 s, total=269.941 s; sync files=61, longest=0.004 s, average=0.001 s; distance=15124 kB, estimate=18632 kB; lsn=2/9B1D7A10, redo lsn=2/9AF00C88`,
  );
  return {
    id: 'heldout31-pg-dump-server-version-mismatch',
    class: 'jobs',
    truth:
      'The billing team upgraded their Postgres StatefulSet billing-pg from 15.8 to 16.4 yesterday afternoon (revision 4, pg_upgrade init container). The nightly billing-db-backup CronJob still runs the platform backup image pg-backup:1.8.0, whose pg_dump is 15.8: pg_dump refuses to dump a newer major server ("aborting because of server version mismatch", server 16.4, pg_dump 15.8) and exits 1, so tonight\'s 01:00 Job and the on-call\'s manual re-run both hit BackoffLimitExceeded and no backup has been taken since the upgrade. The database itself is healthy. Fix: a backup image with a PostgreSQL 16 client (pg_dump 16.x), not a Postgres rollback.',
    ask: { service: 'billing-db-backup', namespace: ns },
    objects: [
      ...nodes, ...pg.objects, pgClaim, pgVolume, ...cron.objects, ...manual.objects, ...api.objects,
      service({ namespace: ns, name: 'billing-pg-headless', selector: { app: 'billing-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true, createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'billing-pg', selector: { app: 'billing-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: pg.pods, endpointPort: 5432, createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      ...manual.pods.flatMap((p, k) => [
        jobEvent(manualJob, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, manualAgo - [0.02, 0.2, 0.55][k]!),
        ...startedAt(p, 'backup', backupImage, manualAgo - [0.02, 0.2, 0.55][k]! - 0.01),
      ]),
      jobEvent(manualJob, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', manualAgo - 0.6, 'Warning'),
      event({ on: podOf(api, 0), type: 'Normal', reason: 'Pulled', message: `Container image "${ECR}/${ns}/billing-api:2.3.1" already present on machine`, firstAgo: 40, lastAgo: 40, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...manual.pods.map((p, k) => logsFor(p, 'backup', { current: failureLog(manualAgo - [0.02, 0.2, 0.55][k]! - 0.02) })),
      ...(nightlyJob?.pods ?? []).map((p, k) => logsFor(p, 'backup', { current: failureLog(nightly - [0.02, 0.2, 0.55][k]! - 0.02) })),
      ...(lastOk?.pods ?? []).map((p) => logsFor(p, 'backup', { current: okLog(1 * DAYS + nightly - 0.05) })),
      logsFor(pgPod, 'postgres', { current: pgLogs }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.4)}","level":"INFO","msg":"GET /v1/invoices","status":200,"dur_ms":22}`, `{"time":"${at(0.6)}","level":"INFO","msg":"POST /v1/invoices/finalize","status":200,"dur_ms":61}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pg_dump/i, /version mismatch|server version|16\.4|15\.8|major version/i],
      facts: [/BackoffLimitExceeded|backoff limit/i, lit('pg-backup:1.8.0'), /16\.4/, /aborting because of server version mismatch/],
      never: [/\bOOM/, /password authentication|grafana/i, /billing-api/, /ImagePull|pull (error|fail)/i, /\bDNS\b|connection refused/i],
    },
  };
}

// ---- 2. Kyverno verifyImages denies cart-api 3.18.0: no matching signatures -------------------------

function signaturePolicyDeniesRollout(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.64', ['29', '140', '222']);
  const image = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const tpl = (v: string): TemplateOpts => ({
    containers: [
      container({
        image: image(v),
        ports: [8080],
        cpu: '300m',
        memory: '256Mi',
        env: [{ name: 'REDIS_ADDR', value: 'cart-redis.storefront.svc.cluster.local:6379' }, { name: 'GOMEMLIMIT', value: '230MiB' }],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
    ],
    serviceAccountName: 'cart-api',
  });
  const rolloutAgo = 37;
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: cart-api 3.17.2', template: tpl('3.17.2') },
      { revision: 59, createdAgo: rolloutAgo, changeCause: 'argocd: cart-api 3.18.0', template: tpl('3.18.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
    conditions: [],
  });
  const newRs = replicaSetOf(app, 59) as k8s.V1ReplicaSet;
  const newRsName = nameOf(newRs);
  const denial =
    `admission webhook "mutate.kyverno.svc-fail" denied the request: \n\nresource Pod/${ns}/ was blocked due to the following policies \n\n` +
    `verify-image-signatures:\n  verify-cosign-signature: 'failed to verify image ${image('3.18.0')}: .attestors[0].entries[0].keys: no matching signatures: invalid signature when validating ASN.1 encoded signature'\n`;
  if (newRs.spec) newRs.spec.replicas = 1;
  newRs.status = { ...newRs.status, replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: denial, lastTransitionTime: ago(rolloutAgo) }] };
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(6 * DAYS - 3), lastTransitionTime: ago(6 * DAYS - 3) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: denial, lastUpdateTime: ago(rolloutAgo), lastTransitionTime: ago(rolloutAgo) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRsName}" has timed out progressing.`, lastUpdateTime: ago(rolloutAgo - 10), lastTransitionTime: ago(rolloutAgo - 10) },
    ];
  }
  const web = bystander(ns, 'storefront-web', names, 190, { revisions: [211, 212], versions: ['2026.11.19-1', '2026.11.20-3'], olderAgo: 2 * DAYS });

  // The policy engine, where the verification happens (kyverno namespace, healthy).
  const kyvernoImage = 'reg.kyverno.io/kyverno/kyverno:v1.12.5';
  const kyverno = deploymentApp({
    namespace: 'kyverno',
    name: 'kyverno-admission-controller',
    replicas: 3,
    selector: { 'app.kubernetes.io/component': 'admission-controller', 'app.kubernetes.io/instance': 'kyverno' },
    revisions: [{ revision: 7, createdAgo: 34 * DAYS, changeCause: 'helm: kyverno 3.2.7', template: { containers: [container({ name: 'kyverno', image: kyvernoImage, ports: [{ name: 'https', containerPort: 9443 }, { name: 'metrics-port', containerPort: 8000 }], cpu: '100m', memory: '384Mi', readiness: { httpGet: { path: '/health/readiness', port: 9443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6, initialDelaySeconds: 5 }, liveness: { httpGet: { path: '/health/liveness', port: 9443, scheme: 'HTTPS' }, periodSeconds: 30, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 2, initialDelaySeconds: 15 } })], serviceAccountName: 'kyverno-admission-controller' } }],
    pods: [0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 34 * DAYS - k })),
  });
  const kyvernoLog = (m: number) =>
    `${at(m).replace(/\.\d+Z$/, 'Z')}\tERR\tgithub.com/kyverno/kyverno/pkg/engine/internal/imageverifier.go:319\tfailed to verify image\t{"policy.name": "verify-image-signatures", "policy.namespace": "", "policy.apply": "All", "new.kind": "Pod", "new.namespace": "${ns}", "new.name": "", "rule.name": "verify-cosign-signature", "image": "${image('3.18.0')}", "error": "no matching signatures: invalid signature when validating ASN.1 encoded signature"}`;

  const ip = (k: number) => ipOfPod(podOf(app, k));
  return {
    id: 'heldout31-kyverno-signature-denies-rollout',
    class: 'rollout',
    truth:
      'cart-api revision 59 (3.18.0) was deployed 37 minutes ago, but the cluster\'s Kyverno ClusterPolicy verify-image-signatures (verifyImages, cosign key attestor) rejects every pod of it: the CI pipeline\'s signing step, after its runner was rebuilt, signed 3.18.0 with the staging cosign key instead of the production one, so admission finds "no matching signatures". The ReplicaSet cart-api-<59> records FailedCreate with the webhook\'s denial again and again and never gets a pod; the rollout has passed its progress deadline while the four revision-58 pods keep serving. Nothing is wrong with the code, the image or the nodes; fix: re-sign 3.18.0 with the production key (and fix the CI signing step), then the ReplicaSet creates its pods on its own.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects, ...kyverno.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      ...exposed({ namespace: 'kyverno', name: 'kyverno-svc', selector: { 'app.kubernetes.io/component': 'admission-controller', 'app.kubernetes.io/instance': 'kyverno' }, ports: [{ name: 'https', port: 443, targetPort: 'https' }], pods: kyverno.pods, endpointPort: 9443 }),
      scaledReplicaSet(deploymentOf(app), newRsName, 1, 0, rolloutAgo),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${denial}`, count: 19, firstAgo: rolloutAgo, lastAgo: 1.8, component: 'replicaset-controller' }),
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${ip(2)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 52, lastAgo: 51.8 }),
    ],
    logs: [
      ...app.pods.map((p, k) =>
        logsFor(p, 'app', {
          current: lines(
            `{"time":"${at(2.2)}","level":"INFO","msg":"request","method":"POST","path":"/v1/carts/c_81f2/items","status":201,"dur_ms":9,"pod":"${nameOf(p)}"}`,
            `{"time":"${at(1.1)}","level":"INFO","msg":"request","method":"GET","path":"/v1/carts/c_7d10","status":200,"dur_ms":3,"pod":"${nameOf(p)}"}`,
            ...(k === 2 ? [`{"time":"${at(0.7)}","level":"WARN","msg":"redis slow command","cmd":"EVALSHA","dur_ms":212}`] : []),
            `{"time":"${at(0.3)}","level":"INFO","msg":"request","method":"DELETE","path":"/v1/carts/c_55a0/items/sku_1182","status":204,"dur_ms":5,"pod":"${nameOf(p)}"}`,
          ),
        }),
      ),
      ...kyverno.pods.map((p, k) =>
        logsFor(p, 'kyverno', {
          current: lines(
            `${at(12).replace(/\.\d+Z$/, 'Z')}\tINF\tgithub.com/kyverno/kyverno/pkg/controllers/certmanager/controller.go:94\tcertificates are valid\t{"logger": "certmanager-controller"}`,
            ...(k === 0 ? [kyvernoLog(rolloutAgo - 0.01), kyvernoLog(14.2), kyvernoLog(1.8)] : [kyvernoLog(6.5)]),
          ),
        }),
      ),
    ],
    expect: {
      verdict: 'problems',
      headline: [/signature|signed|cosign|verif/i, /kyverno|admission|webhook|denied|denies|blocked|rejected|policy/i],
      facts: [lit('no matching signatures'), /FailedCreate/, /3\.18\.0|revision 59/, /mutate\.kyverno\.svc-fail|kyverno/i],
      never: [/\bOOM/, /quota/i, /ImagePull|image (not found|missing)|pull (error|fail)/i, /storefront-web/, /crash ?loop/i],
    },
  };
}

// ---- 3. the descheduler's topology-spread strategy evicts search-api every five minutes -------------

function deschedulerTopologySpreadChurn(): CorpusScenario {
  const ns = 'search';
  const general = threeEksNodes('10.0.20', ['14', '121', '230']);
  const searchNode = (ip: string, zone: string) => node({ name: eksNodeName(ip), zone, pool: 'search', instanceType: 'r6i.2xlarge', labels: { workload: 'search' }, allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63801836Ki', pods: '58' }, createdAgo: 25 * DAYS });
  const [a1, a2, b1] = [searchNode('10.0.21.37', 'eu-west-1a'), searchNode('10.0.21.88', 'eu-west-1a'), searchNode('10.0.22.140', 'eu-west-1b')];
  const [nodeA1, nodeA2, nodeB1] = [nameOf(a1), nameOf(a2), nameOf(b1)];
  const image = `${ECR}/search/search-api:5.22.1`;
  const tpl: TemplateOpts = {
    containers: [
      container({
        name: 'search-api',
        image,
        ports: [8080, { name: 'management', containerPort: 8081 }],
        cpu: '2',
        memory: '6Gi',
        env: [
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC' },
          { name: 'OPENSEARCH_URL', value: 'https://search-opensearch.search.svc.cluster.local:9200' },
          { name: 'QUERY_CACHE_MAX_ENTRIES', value: '500000' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8081, { initialDelaySeconds: 20 }),
        liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60, periodSeconds: 15 }),
      }),
    ],
    nodeSelector: { workload: 'search' },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'search-api' } } }],
    terminationGracePeriodSeconds: 30,
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 31 * DAYS, changeCause: 'argocd: search-api 5.21.4', template: { ...tpl, containers: [{ ...tpl.containers[0]!, image: `${ECR}/search/search-api:5.21.4` }] } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 5.22.1', template: tpl },
    ],
    pods: [
      { revision: 12, node: nodeB1, createdAgo: 9 * DAYS - 2 },
      { revision: 12, node: nodeA1, createdAgo: 2.65, containers: { 'search-api': running({ sinceAgo: 2.6 }) } },
      { revision: 12, node: nodeA2, createdAgo: 7.65, containers: { 'search-api': running({ sinceAgo: 7.6 }) } },
      { revision: 12, node: nodeA1, createdAgo: 12.65, containers: { 'search-api': running({ sinceAgo: 12.6 }) } },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS - 3 },
  });
  const rs = rsOf(app, 12);
  const rsObj = replicaSetOf(app, 12);
  const young = [podOf(app, 1), podOf(app, 2), podOf(app, 3)];

  // The descheduler, installed by the platform team yesterday evening.
  const installedAgo = 20 * 60 + 10;
  const policy = [
    'apiVersion: "descheduler/v1alpha2"',
    'kind: "DeschedulerPolicy"',
    'profiles:',
    '  - name: default',
    '    pluginConfig:',
    '      - name: DefaultEvictor',
    '        args:',
    '          evictLocalStoragePods: true',
    '          nodeFit: false',
    '      - name: RemovePodsViolatingTopologySpreadConstraint',
    '        args:',
    '          constraints:',
    '            - DoNotSchedule',
    '            - ScheduleAnyway',
    '          topologyBalanceNodeFit: false',
    '      - name: RemovePodsHavingTooManyRestarts',
    '        args:',
    '          podRestartThreshold: 100',
    '          includingInitContainers: true',
    '    plugins:',
    '      balance:',
    '        enabled:',
    '          - RemovePodsViolatingTopologySpreadConstraint',
    '      deschedule:',
    '        enabled:',
    '          - RemovePodsHavingTooManyRestarts',
    '',
  ].join('\n');
  const deschedulerImage = 'registry.k8s.io/descheduler/descheduler:v0.31.0';
  const descheduler = deploymentApp({
    namespace: 'kube-system',
    name: 'descheduler',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'descheduler', 'app.kubernetes.io/instance': 'descheduler' },
    createdAgo: installedAgo,
    revisions: [{
      revision: 1,
      createdAgo: installedAgo,
      changeCause: 'helm: descheduler 0.31.0 (PLAT-1904 rebalance zones)',
      template: {
        containers: [container({
          name: 'descheduler',
          image: deschedulerImage,
          command: ['/bin/descheduler'],
          args: ['--policy-config-file=/policy-dir/policy.yaml', '--descheduling-interval=5m', '--v=3'],
          ports: [{ name: 'metrics', containerPort: 10258 }],
          cpu: '500m',
          memory: '256Mi',
          readiness: null,
          liveness: { httpGet: { path: '/healthz', port: 10258, scheme: 'HTTPS' }, initialDelaySeconds: 3, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [{ name: 'policy-volume', mountPath: '/policy-dir' }],
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000, capabilities: { drop: ['ALL'] } },
        })],
        volumes: [{ name: 'policy-volume', configMap: { name: 'descheduler' } }],
        serviceAccountName: 'descheduler',
        priorityClassName: 'system-cluster-critical',
      },
    }],
    pods: [{ revision: 1, node: general.names[0] ?? '', createdAgo: installedAgo - 0.5 }],
  });
  const indexer = bystander(ns, 'search-indexer', general.names, 26 * 60, { revisions: [30, 31], versions: ['1.9.0', '1.9.1'], olderAgo: 12 * DAYS });

  // Twelve deschedule cycles in the last hour, each evicting the oldest search-api pod of eu-west-1a.
  const cycles = Array.from({ length: 12 }, (_, i) => 2.7 + 5 * i);
  const evictedName = (i: number) => `${rs}-${['x7kqd', 'b2mzt', 'h9wlc', 'v4rnf', 'q8tjs', 'd5kpw', 'm2hxz', 'z7ctg', 'f4sbn', 'r6jvq', 'k9dlm', 'w2zpt'][i]}`;
  const evictedNode = (i: number) => (i % 2 === 0 ? nodeA1 : nodeA2);
  const replacement = (i: number): { name: string; node: string } => (i < 3 ? { name: nameOf(young[i]), node: young[i]?.spec?.nodeName ?? '' } : { name: evictedName(i - 3), node: evictedNode(i - 3) });
  const evictionEvents = cycles.flatMap((t, i) => {
    const victim = { kind: 'Pod', name: evictedName(i), namespace: ns };
    const repl = replacement(i);
    return [
      event({ on: victim, type: 'Normal', reason: 'RemovePodsViolatingTopologySpreadConstraint', message: `pod evicted from ${evictedNode(i)} node by sigs.k8s.io/descheduler`, firstAgo: t, lastAgo: t, component: 'sigs.k8s.io/descheduler' }),
      event({ on: victim, type: 'Normal', reason: 'Killing', message: 'Stopping container search-api', firstAgo: t - 0.01, lastAgo: t - 0.01, fieldPath: 'spec.containers{search-api}' }),
      createdPod(rsObj, { kind: 'Pod', metadata: { name: repl.name, namespace: ns } }, t - 0.05),
      event({ on: { kind: 'Pod', name: repl.name, namespace: ns }, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${repl.name} to ${repl.node}`, firstAgo: t - 0.06, lastAgo: t - 0.06, component: 'default-scheduler' }),
    ];
  });
  const ipOfYoung = (k: number) => ipOfPod(young[k]);
  const springTs = (m: number) => at(m);
  const spring = (m: number, level: string, thread: string, logger: string, msg: string) => `${springTs(m)} ${level.padStart(5)} 1 --- [search-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const youngLog = (startedAgo: number, k: number) =>
    lines(
      spring(startedAgo - 0.02, 'INFO', 'main', 'c.a.search.SearchApiApplication', 'Starting SearchApiApplication v5.22.1 using Java 21.0.5 with PID 1 (/app/search-api.jar started by app in /app)'),
      spring(startedAgo - 0.38, 'INFO', 'main', 'c.a.search.SearchApiApplication', 'Started SearchApiApplication in 21.714 seconds (process running for 22.9)'),
      spring(startedAgo - 0.39, 'INFO', 'main', 'c.a.search.cache.QueryCache', 'query cache empty (0/500000 entries), warming from live traffic'),
      spring(startedAgo - 0.5, 'WARN', 'nio-8080-exec-3', 'c.a.search.web.SearchController', `slow search q="wireless headphones" took 2412 ms (cache MISS, opensearch 2377 ms)`),
      spring(startedAgo - 0.51, 'WARN', 'nio-8080-exec-7', 'c.a.search.web.SearchController', `slow search q="garden hose 30m" took 1988 ms (cache MISS, opensearch 1961 ms)`),
      spring(startedAgo - 0.6, 'ERROR', 'nio-8080-exec-2', 'c.a.search.web.SearchController', 'search budget exceeded: opensearch did not answer within 2500 ms, returning 504 (q="usb-c dock", cache MISS)'),
      spring(Math.max(0.1, startedAgo - 1.5), 'INFO', 'cache-stats', 'c.a.search.cache.QueryCache', `query cache ${8000 + k * 11000}/500000 entries, hit ratio 0.${31 + k * 9}`),
      spring(0.2, 'WARN', 'nio-8080-exec-11', 'c.a.search.web.SearchController', `slow search q="office chair" took ${1400 + k * 120} ms (cache MISS, opensearch ${1370 + k * 120} ms)`),
    );
  const deschedulerLog = lines(
    ...[17.7, 12.7, 7.7, 2.7].flatMap((t, j) => [
      klog('I', t + 0.001, 'descheduler.go:169', '"Building a pod evictor"'),
      klog('I', t + 0.0008, 'topologyspreadconstraint.go:144', '"Processing namespaces for topology spread constraints"'),
      klog('I', t, 'evictions.go:171', `"Evicted pod" pod="${ns}/${evictedName(3 - j)}" reason="" strategy="RemovePodsViolatingTopologySpreadConstraint" node="${evictedNode(3 - j)}" profile="default"`),
      klog('I', t - 0.0001, 'profile.go:356', '"Total number of evictions/requests" extension point="Balance" evictedPods=1 evictionRequests=0'),
      klog('I', t - 0.0002, 'toomanyrestarts.go:116', '"Processing node" node="ip-10-0-20-14.eu-west-1.compute.internal"'),
      klog('I', t - 0.0003, 'descheduler.go:407', '"Number of evictions/requests" totalEvicted=1 evictionRequests=0'),
    ]),
  );
  return {
    id: 'heldout31-descheduler-topology-spread-churn',
    class: 'scheduling',
    truth:
      'Since the platform team installed the descheduler yesterday evening (kube-system, policy ConfigMap descheduler: RemovePodsViolatingTopologySpreadConstraint with ScheduleAnyway constraints and topologyBalanceNodeFit false, every 5m), it evicts one search-api pod every cycle: search-api spreads over zones with a soft (ScheduleAnyway) constraint, its search node group has two nodes in eu-west-1a and one busy node in eu-west-1b, so the scheduler puts each replacement back in eu-west-1a and the skew never resolves. Every evicted pod restarts with an empty query cache, so searches go to OpenSearch cold (2 s, 504s). Nothing changed in search-api (revision 12, 9 days old); the fix is in the descheduler policy (exclude the namespace, drop ScheduleAnyway from its constraints, or enable topologyBalanceNodeFit).',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...general.nodes, a1, a2, b1, ...app.objects, ...descheduler.objects, ...indexer.objects,
      configMap({ namespace: 'kube-system', name: 'descheduler', createdAgo: installedAgo, data: { 'policy.yaml': policy } }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      ...evictionEvents,
      ...young.flatMap((p, k) => restartedAgain(p, 'search-api', image, { count: 1, firstAgo: [2.6, 7.6, 12.6][k]!, lastAgo: [2.6, 7.6, 12.6][k]! })),
      ...young.map((p, k) => probeFailed(p, 'search-api', 'Readiness', `Get "http://${ipOfYoung(k)}:8081/actuator/health/readiness": dial tcp ${ipOfYoung(k)}:8081: connect: connection refused`, { count: 1, firstAgo: [2.25, 7.25, 12.25][k]!, lastAgo: [2.25, 7.25, 12.25][k]! })),
    ],
    logs: [
      logsFor(podOf(app, 0), 'search-api', {
        current: lines(
          spring(3.1, 'INFO', 'cache-stats', 'c.a.search.cache.QueryCache', 'query cache 500000/500000 entries, hit ratio 0.93'),
          spring(1.2, 'INFO', 'nio-8080-exec-19', 'c.a.search.web.SearchController', 'search q="wireless headphones" took 41 ms (cache HIT)'),
          spring(0.4, 'WARN', 'nio-8080-exec-4', 'c.a.search.web.SearchController', 'slow search q="bbq cover xl" took 1130 ms (cache MISS, opensearch 1102 ms)'),
        ),
      }),
      ...young.map((p, k) => logsFor(p, 'search-api', { current: youngLog([2.58, 7.58, 12.58][k]!, k) })),
      logsFor(podOf(descheduler, 0), 'descheduler', { current: deschedulerLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/descheduler/i, /topology ?spread|RemovePodsViolatingTopologySpreadConstraint|ScheduleAnyway|evict/i],
      facts: [lit('sigs.k8s.io/descheduler'), /RemovePodsViolatingTopologySpreadConstraint|topology spread/i, /evict/i, /cache/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(node|memory|disk)[- ]pressure|low on resource/i, /liveness/i, /crash ?loop/i, /preempt/i, /search-indexer/],
    },
  };
}

// ---- 4. MongoDB replica set without a primary: two members on a node that stopped reporting ---------

function mongoReplicaSetNoPrimary(): CorpusScenario {
  const ns = 'orders';
  const downAgo = 26.8;
  const nodeA = node({ name: eksNodeName('10.0.96.41'), zone: 'eu-west-1a', pool: 'data', instanceType: 'r6i.xlarge' });
  const nodeB = node({ name: eksNodeName('10.0.97.163'), zone: 'eu-west-1b', pool: 'data', instanceType: 'r6i.xlarge', ready: 'Unknown', readySince: downAgo });
  const nodeC = node({ name: eksNodeName('10.0.98.12'), zone: 'eu-west-1c' });
  const nodeD = node({ name: eksNodeName('10.0.96.230'), zone: 'eu-west-1a' });
  const [A, B, C, D] = [nodeA, nodeB, nodeC, nodeD].map(nameOf) as [string, string, string, string];
  const markedAgo = downAgo - 5;
  const disruption: k8s.V1PodCondition[] = [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(markedAgo) }];
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const ping = ['mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"];
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'orders-mongo',
    replicas: 3,
    serviceName: 'orders-mongo',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 6,
      createdAgo: 41 * DAYS,
      template: {
        containers: [container({
          name: 'mongod',
          image: mongoImage,
          command: ['mongod'],
          args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '12', '--keyFile', '/etc/mongo-keyfile/keyfile'],
          ports: [{ name: 'mongodb', containerPort: 27017 }],
          cpu: '2',
          memory: '24Gi',
          readiness: execProbe(ping, { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(ping, { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 }),
          volumeMounts: [{ name: 'data', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
        })],
        volumes: [{ name: 'keyfile', secret: { secretName: 'orders-mongo-keyfile', defaultMode: 0o400 } }],
        nodeSelector: { 'eks.amazonaws.com/nodegroup': 'data' },
        securityContext: { fsGroup: 999, runAsUser: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: A, createdAgo: 41 * DAYS },
      { revision: 6, ordinal: 1, node: B, createdAgo: 41 * DAYS - 3, ready: false, deletingAgo: markedAgo, conditions: disruption, containers: { mongod: running({ sinceAgo: 41 * DAYS - 3.1, ready: false }) } },
      { revision: 6, ordinal: 2, node: B, createdAgo: 41 * DAYS - 6, ready: false, deletingAgo: markedAgo, conditions: disruption, containers: { mongod: running({ sinceAgo: 41 * DAYS - 6.1, ready: false }) } },
    ],
  });
  const claims = [['0', 'eu-west-1a'], ['1', 'eu-west-1b'], ['2', 'eu-west-1b']].flatMap(([i, zone]) => boundClaim({ namespace: ns, name: `data-orders-mongo-${i}`, storage: '500Gi', zone: zone ?? '', createdAgo: 300 * DAYS }));

  const apiImage = `${ECR}/orders/orders-api:4.9.3`;
  const apiTpl: TemplateOpts = {
    containers: [container({
      image: apiImage,
      ports: [3000],
      cpu: '250m',
      memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'orders-api-mongo', key: 'uri' } } },
        { name: 'MONGODB_READ_PREFERENCE', value: 'primaryPreferred' },
      ],
      readiness: httpProbe('/healthz', 3000),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  };
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 76, createdAgo: 18 * DAYS, changeCause: 'argocd: orders-api 4.9.2', template: { containers: [{ ...apiTpl.containers[0]!, image: `${ECR}/orders/orders-api:4.9.2` }] } },
      { revision: 77, createdAgo: 4 * DAYS, changeCause: 'argocd: orders-api 4.9.3', template: apiTpl },
    ],
    pods: [
      { revision: 77, node: D, createdAgo: 4 * DAYS },
      { revision: 77, node: C, createdAgo: 4 * DAYS - 1 },
      { revision: 77, node: B, createdAgo: 4 * DAYS - 2, ready: false, deletingAgo: markedAgo, conditions: disruption, containers: { app: running({ sinceAgo: 4 * DAYS - 2.1, ready: false }) } },
      { revision: 77, node: C, createdAgo: markedAgo - 0.05 },
    ],
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS - 3 },
  });
  const web = bystander(ns, 'orders-web', [D, C], 2 * DAYS, { revisions: [120, 121], versions: ['3.40.0', '3.40.1'], olderAgo: 9 * DAYS });
  const stuck = [podOf(mongo, 1), podOf(mongo, 2), podOf(api, 2)];
  const replacementPod = podOf(api, 3);

  const host = (i: number) => `orders-mongo-${i}.orders-mongo.orders.svc.cluster.local:27017`;
  const mlog = (m: number, s: string, c: string, id: number, ctx: string, msg: string, attr?: string) => `{"t":{"$date":"${mongoDate(m)}"},"s":"${s}","c":"${c}","id":${id},"ctx":"${ctx}","msg":"${msg}"${attr === undefined ? '' : `,"attr":${attr}`}}`;
  const hbFail = (m: number, i: number) => mlog(m, 'I', 'REPL_HB', 23974, 'ReplCoord-118', 'Heartbeat failed after max retries', `{"target":"${host(i)}","maxHeartbeatRetries":2,"error":{"code":202,"codeName":"NetworkInterfaceExceededTimeLimit","errmsg":"Couldn't get a connection within the time limit of 10000ms"}}`);
  const notElectable = (m: number) => mlog(m, 'I', 'ELECTION', 4615655, 'ReplCoord-121', 'Not starting an election, since we are not electable', '{"reason":"Not standing for election because I cannot see a majority (mask 0x1)"}');
  const mongo0Log = lines(
    mlog(31.2, 'I', 'NETWORK', 22943, 'listener', 'Connection accepted', '{"remote":"10.0.17.88:51522","uuid":{"uuid":{"$uuid":"6f1c2a4e-3b7d-4e21-9a0f-2c5d8e7b1a93"}},"connectionId":88213,"connectionCount":143}'),
    hbFail(downAgo - 0.3, 1),
    hbFail(downAgo - 0.31, 2),
    mlog(downAgo - 0.32, 'I', 'REPL', 21216, 'ReplCoord-118', 'Member is in new state', `{"hostAndPort":"${host(1)}","newState":"(not reachable/healthy)"}`),
    mlog(downAgo - 0.33, 'I', 'REPL', 21216, 'ReplCoord-118', 'Member is in new state', `{"hostAndPort":"${host(2)}","newState":"(not reachable/healthy)"}`),
    mlog(downAgo - 0.35, 'I', 'REPL', 21809, 'ReplCoord-119', "Can't see a majority of the set, relinquishing primary"),
    mlog(downAgo - 0.35, 'I', 'REPL', 21475, 'ReplCoord-119', 'Stepping down from primary in response to heartbeat'),
    mlog(downAgo - 0.36, 'I', 'REPL', 21343, 'RstlKillOpThread', 'Starting to kill user operations'),
    mlog(downAgo - 0.36, 'I', 'REPL', 21344, 'RstlKillOpThread', 'Stopped killing user operations'),
    mlog(downAgo - 0.36, 'I', 'REPL', 21340, 'RstlKillOpThread', 'State transition ops metrics', '{"metrics":{"lastStateTransition":"stepDown","userOpsKilled":4,"userOpsRunning":57}}'),
    mlog(downAgo - 0.37, 'I', 'REPL', 21358, 'ReplCoord-119', 'Replica set state transition', '{"newState":"SECONDARY","oldState":"PRIMARY"}'),
    ...[20, 12, 6, 1.5, 0.4].flatMap((m) => [hbFail(m + 0.05, 1), hbFail(m + 0.04, 2), notElectable(m)]),
    mlog(0.3, 'I', 'REPL', 21798, 'BackgroundSync', 'Could not find member to sync from'),
  );
  const epoch = (m: number) => epochMs(m);
  const noPrimary = (m: number, pod: string, reqId: string, op: string) =>
    `{"level":50,"time":${epoch(m)},"pid":1,"hostname":"${pod}","reqId":"${reqId}","err":{"type":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","stack":"MongoServerSelectionError: Server selection timed out after 30000 ms\\n    at Topology.selectServer (/app/node_modules/mongodb/lib/sdam/topology.js:303:38)\\n    at async tryOperation (/app/node_modules/mongodb/lib/operations/execute_operation.js:207:20)\\n    at async executeOperation (/app/node_modules/mongodb/lib/operations/execute_operation.js:75:16)\\n    at async Collection.${op} (/app/node_modules/mongodb/lib/collection.js:157:16)","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0","maxSetVersion":9,"maxElectionId":"7fffffff0000000000000021","stale":false,"compatible":true,"heartbeatFrequencyMS":10000,"localThresholdMS":15,"commonWireVersion":21,"logicalSessionTimeoutMinutes":30}},"msg":"could not persist order"}`;
  const done = (m: number, pod: string, reqId: string, method: string, url: string, status: number, ms: number) =>
    `{"level":30,"time":${epoch(m)},"pid":1,"hostname":"${pod}","reqId":"${reqId}","req":{"method":"${method}","url":"${url}"},"res":{"statusCode":${status}},"responseTime":${ms},"msg":"request completed"}`;
  const apiLog = (pod: string, fresh: boolean) =>
    lines(
      ...(fresh
        ? [`{"level":30,"time":${epoch(markedAgo - 0.04)},"pid":1,"hostname":"${pod}","msg":"orders-api 4.9.3 listening on :3000"}`, `{"level":30,"time":${epoch(markedAgo - 0.045)},"pid":1,"hostname":"${pod}","msg":"mongodb connected","setName":"rs0","readPreference":"primaryPreferred"}`]
        : [
            done(downAgo + 0.4, pod, 'req-7c1a', 'POST', '/v1/orders', 201, 14.2),
            `{"level":50,"time":${epoch(downAgo - 0.36)},"pid":1,"hostname":"${pod}","reqId":"req-7c2f","err":{"type":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary","errorLabels":["RetryableWriteError"],"stack":"MongoServerError: not primary\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:290:27)"},"msg":"could not persist order"}`,
            done(downAgo - 0.37, pod, 'req-7c2f', 'POST', '/v1/orders', 503, 2.9),
            `{"level":50,"time":${epoch(downAgo - 0.4)},"pid":1,"hostname":"${pod}","reqId":"req-7c33","err":{"type":"MongoServerError","message":"not primary","code":10107,"codeName":"NotWritablePrimary","errorLabels":["RetryableWriteError"]},"msg":"could not update order status"}`,
            done(downAgo - 0.4, pod, 'req-7c33', 'PATCH', '/v1/orders/ord_9KQ2x/status', 503, 3.4),
          ]),
      done(3.2, pod, 'req-9a01', 'GET', '/v1/orders/ord_8Hq1c', 200, 11.8),
      noPrimary(2.1, pod, 'req-9a0c', 'insertOne'),
      done(2.1, pod, 'req-9a0c', 'POST', '/v1/orders', 503, 30004.7),
      done(1.7, pod, 'req-9a12', 'GET', '/v1/orders?customer=cus_51Lk&limit=20', 200, 24.1),
      noPrimary(0.9, pod, 'req-9a1f', 'updateOne'),
      done(0.9, pod, 'req-9a1f', 'PATCH', '/v1/orders/ord_7Zt0p/status', 503, 30002.3),
      noPrimary(0.2, pod, 'req-9a2b', 'insertOne'),
      done(0.2, pod, 'req-9a2b', 'POST', '/v1/orders', 503, 30001.9),
    );
  return {
    id: 'heldout31-mongo-replica-set-no-primary',
    class: 'nodes',
    truth:
      `The MongoDB replica set rs0 (StatefulSet orders-mongo, 3 members) has no primary. Its template has no pod anti-affinity and the data volumes of members 1 and 2 are both in eu-west-1b, so both ran on one node, ${B}, which stopped posting status ${Math.round(downAgo)} minutes ago (Ready Unknown, unreachable taints). The pods were marked for deletion by the taint manager but stay Terminating (the kubelet cannot confirm) and the StatefulSet will not replace them. The surviving member orders-mongo-0, primary until then, can no longer see a majority, stepped down and stays SECONDARY. orders-api's pods are Ready and serve reads (primaryPreferred) but every write fails, first with NotWritablePrimary, then with server selection timeouts (ReplicaSetNoPrimary) and 503s. Fix: recover or replace the node (force-delete the stuck pods once it is confirmed down so they can come back), and spread the members across nodes/zones.`,
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      nodeA, nodeB, nodeC, nodeD, ...mongo.objects, ...claims, ...api.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'orders-mongo', selector: { app: 'orders-mongo' }, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], headless: true, pods: mongo.pods, endpointPort: 27017, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'orders-web', selector: { app: 'orders-web' }, pods: web.pods }),
      nodeEvent(B, 'NodeNotReady', `Node ${B} status is now: NodeNotReady`, { firstAgo: downAgo, component: 'node-controller' }),
      ...stuck.flatMap((p) => [
        event({ on: p, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: downAgo - 0.01, lastAgo: downAgo - 0.01, component: 'node-controller' }),
        event({ on: p, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(p)}`, firstAgo: markedAgo, lastAgo: markedAgo, component: 'taint-eviction-controller' }),
      ]),
      createdPod(replicaSetOf(api, 77), replacementPod, markedAgo - 0.04),
      ...startedAt(replacementPod, 'app', apiImage, markedAgo - 0.05),
    ],
    logs: [
      logsFor(podOf(mongo, 0), 'mongod', { current: mongo0Log }),
      logsFor(podOf(api, 0), 'app', { current: apiLog(nameOf(podOf(api, 0)), false) }),
      logsFor(podOf(api, 1), 'app', { current: apiLog(nameOf(podOf(api, 1)), false) }),
      logsFor(replacementPod, 'app', { current: apiLog(nameOf(replacementPod), true) }),
      ...web.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.8)}","level":"INFO","msg":"GET /checkout","status":200,"dur_ms":35}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/primary/i, /mongo|replica ?set|rs0/i],
      facts: [lit(B), /ReplicaSetNoPrimary|NotWritablePrimary|not primary|Server selection timed out/, /orders-mongo-[12]/, /NotReady|not ready|stopped posting|Unknown/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /orders-web/, /readiness probe/i],
    },
  };
}

// ---- 5. an operator losing its lease on every run since its CPU limit was cut to 50m ----------------

function operatorLeaseLostAfterCpuCut(): CorpusScenario {
  const ns = 'tenant-system';
  const { nodes, names } = threeEksNodes('10.0.150', ['23', '118', '204']);
  const image = 'ghcr.io/acme-platform/tenant-operator:v2.7.1';
  const tpl = (cpu: string, cpuLimit: string): TemplateOpts => ({
    containers: [container({
      name: 'manager',
      image,
      command: ['/manager'],
      args: ['--leader-elect', '--metrics-bind-address=:8080', '--health-probe-bind-address=:8081', '--max-concurrent-reconciles=8'],
      ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'probes', containerPort: 8081 }],
      cpu,
      cpuLimit,
      memory: '512Mi',
      readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 5 }),
      liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }),
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    })],
    serviceAccountName: 'tenant-operator',
    terminationGracePeriodSeconds: 10,
  });
  const revAgo = 191;
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 2,
    selector: { 'control-plane': 'tenant-operator' },
    revisions: [
      { revision: 13, createdAgo: 21 * DAYS, changeCause: 'argocd: tenant-operator v2.7.1', template: tpl('200m', '500m') },
      { revision: 14, createdAgo: revAgo, changeCause: 'argocd: right-size requests/limits from VPA recommendation (FINOPS-2231)', template: tpl('10m', '50m') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: revAgo - 0.2, containers: { manager: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 84 }, 21) } },
      { revision: 14, node: names[2] ?? '', createdAgo: revAgo - 1.1, containers: { manager: running({ sinceAgo: 2.4, restarts: 20, last: { exitCode: 1, finishedAgo: 7.4, ranSeconds: 91 } }) } },
    ],
    settled: { available: false, availableSince: 1.3, progressingSince: revAgo - 2 },
  });
  const [podA, podB] = [podOf(app, 0), podOf(app, 1)];
  const lease = `${ns}/tenant-operator.platform.acme.io`;
  const leaseUrl = `https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/tenant-operator.platform.acme.io?timeout=5s`;
  const zap = (m: number, level: string, logger: string | undefined, msg: string, extra = '') => `{"level":"${level}","ts":"${at(m)}",${logger === undefined ? '' : `"logger":"${logger}",`}"msg":"${msg}"${extra}}`;
  const ctl = ',"controller":"tenant","controllerGroup":"platform.acme.io","controllerKind":"Tenant"';
  const startup = (s: number) => [
    zap(s, 'info', 'setup', 'starting manager', ',"version":"v2.7.1","gitCommit":"9c1e2f4"'),
    zap(s - 0.002, 'info', 'controller-runtime.metrics', 'Starting metrics server'),
    zap(s - 0.003, 'info', undefined, 'starting server', ',"name":"health probe","addr":"[::]:8081"'),
    zap(s - 0.004, 'info', 'controller-runtime.metrics', 'Serving metrics server', ',"bindAddress":":8080","secure":false'),
    klog('I', s - 0.005, 'leaderelection.go:254', `attempting to acquire leader lease ${lease}...`),
  ];
  const leading = (l: number) => [
    klog('I', l, 'leaderelection.go:268', `successfully acquired lease ${lease}`),
    ...['*v1alpha1.Tenant', '*v1.Namespace', '*v1.ResourceQuota', '*v1.RoleBinding', '*v1.NetworkPolicy'].map((k, i) => zap(l - 0.001 * (i + 1), 'info', undefined, 'Starting EventSource', `${ctl},"source":"kind source: ${k}"`)),
    zap(l - 0.006, 'info', undefined, 'Starting Controller', ctl),
    zap(l - 0.21, 'info', undefined, 'Starting workers', `${ctl},"worker count":8`),
  ];
  const slow = (m: number, tenant: string, d: string) => zap(m, 'info', 'tenant', 'slow reconcile', `,"tenant":"${tenant}","duration":"${d}","threshold":"2s"`);
  const runA = 1.3 + 84 / 60;
  const previousA = lines(
    ...startup(runA),
    ...leading(runA - 0.03),
    slow(runA - 0.45, 't-0412', '9.84s'),
    klog('I', runA - 0.5, 'request.go:697', 'Waited for 1.194s due to client-side throttling, not priority and fairness, request: GET:https://172.20.0.1:443/api/v1/namespaces/t-0412/resourcequotas'),
    slow(runA - 0.7, 't-1187', '14.11s'),
    slow(runA - 0.85, 't-0033', '12.67s'),
    klog('E', 1.43, 'leaderelection.go:436', `error retrieving resource lock ${lease}: Get "${leaseUrl}": context deadline exceeded`),
    klog('I', 1.31, 'leaderelection.go:297', `failed to renew lease ${lease}: context deadline exceeded`),
    zap(1.305, 'error', 'setup', 'problem running manager', ',"error":"leader election lost","stacktrace":"main.main\\n\\t/workspace/cmd/main.go:187\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"'),
  );
  const runB = 7.4 + 91 / 60;
  const previousB = lines(
    ...startup(runB),
    ...leading(runB - 0.25),
    slow(runB - 0.8, 't-2290', '10.37s'),
    slow(runB - 1.1, 't-0412', '13.02s'),
    klog('E', 7.55, 'leaderelection.go:436', `error retrieving resource lock ${lease}: Get "${leaseUrl}": context deadline exceeded`),
    klog('I', 7.41, 'leaderelection.go:297', `failed to renew lease ${lease}: context deadline exceeded`),
    zap(7.405, 'error', 'setup', 'problem running manager', ',"error":"leader election lost","stacktrace":"main.main\\n\\t/workspace/cmd/main.go:187\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:272"'),
  );
  const currentB = lines(...startup(2.4), ...leading(1.05), slow(0.6, 't-0981', '8.92s'), slow(0.25, 't-1187', '11.46s'));
  const probe = (p: k8s.V1Pod) => `Get "http://${ipOfPod(p)}:8081/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const other = bystander(ns, 'tenant-webhook', names, 6 * DAYS, { revisions: [8, 9], versions: ['v2.7.0', 'v2.7.1'], olderAgo: 30 * DAYS });
  return {
    id: 'heldout31-operator-lease-lost-cpu-limit',
    class: 'containers',
    truth:
      'tenant-operator revision 14 (a FinOps right-sizing three hours ago) cut the manager\'s CPU request to 10m and its limit from 500m to 50m. At 50m the controller is throttled so hard that, once it is leader and its informers and eight workers start, it cannot renew its leader-election lease within the 10 s renew deadline: client-go logs "failed to renew lease … context deadline exceeded", controller-runtime stops with "leader election lost" and the process exits 1. Both replicas crash-loop in turn (21 and 20 restarts), with slow-reconcile warnings and readiness probe timeouts along the way. The API server is fine; restore the CPU limit (500m, or remove it) to fix.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tenant-operator-metrics', selector: { 'control-plane': 'tenant-operator' }, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }], pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tenant-webhook', selector: { app: 'tenant-webhook' }, pods: other.pods }),
      backOff(podA, 'manager', { count: 71, firstAgo: revAgo - 12, lastAgo: 0.6 }),
      ...restartedAgain(podA, 'manager', image, { count: 22, firstAgo: revAgo - 0.3, lastAgo: runA }),
      backOff(podB, 'manager', { count: 66, firstAgo: revAgo - 14, lastAgo: 2.6 }),
      ...restartedAgain(podB, 'manager', image, { count: 21, firstAgo: revAgo - 1.2, lastAgo: 2.4 }),
      probeFailed(podA, 'manager', 'Readiness', probe(podA), { count: 44, firstAgo: revAgo - 1, lastAgo: 1.5 }),
      probeFailed(podB, 'manager', 'Readiness', probe(podB), { count: 39, firstAgo: revAgo - 2, lastAgo: 0.9 }),
    ],
    logs: [
      logsFor(podA, 'manager', { previous: previousA, current: previousA }),
      logsFor(podB, 'manager', { previous: previousB, current: currentB }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.9)}","logger":"webhook","msg":"admitted","kind":"Tenant","name":"t-2291","allowed":true}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lease|leader ?election/i, /50m|cpu/i],
      facts: [/revision 14/, /500m/, /context deadline exceeded/, /failed to renew lease|leader election lost/],
      never: [/\bOOM/, /liveness/i, /RBAC|forbidden/i, /API ?server (is )?(down|unreachable|unavailable|overloaded)/i, /network ?polic/i, /tenant-webhook/],
    },
  };
}

// ---- 6. a ConfigMap mounted over /etc/ssl/certs hides the image's CA bundle ------------------------

function configMapHidesCaBundle(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.72', ['40', '166', '219']);
  const image = `${ECR}/payments/payout-service:5.3.2`;
  const base = (ledgerUrl: string) => container({
    image,
    ports: [8080],
    cpu: '250m',
    memory: '256Mi',
    env: [
      { name: 'LEDGER_URL', value: ledgerUrl },
      { name: 'STRIPE_API_BASE', value: 'https://api.stripe.com' },
      { name: 'WISE_API_BASE', value: 'https://api.wise.com' },
      { name: 'PAYOUT_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/payouts-requested' },
      { name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'payout-service-stripe', key: 'api-key' } } },
    ],
    readiness: httpProbe('/readyz', 8080),
    liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
  });
  const withCa = { ...base('https://ledger-api.ledger.svc.cluster.local:8443'), volumeMounts: [{ name: 'internal-ca', mountPath: '/etc/ssl/certs', readOnly: true }, ...(base('').volumeMounts ?? [])] };
  const rolloutAgo = 48;
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-service',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: payout-service 5.3.2', template: { containers: [base('http://ledger-api.ledger.svc.cluster.local:8080')], serviceAccountName: 'payout-service' } },
      { revision: 27, createdAgo: rolloutAgo, changeCause: 'argocd: ledger over mTLS, trust acme internal CA (SEC-884)', template: { containers: [withCa], volumes: [{ name: 'internal-ca', configMap: { name: 'acme-internal-ca', defaultMode: 420 } }], serviceAccountName: 'payout-service' } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: rolloutAgo - 0.4 - k * 0.7 })),
  });
  const caPem = [
    '-----BEGIN CERTIFICATE-----',
    'MIIFjTCCA3WgAwIBAgIUQ2l0YWRlbCBBY21lIEludGVybmFsIFJvb3QgQ0EwDQYJ',
    'KoZIhvcNAQELBQAwTjELMAkGA1UEBhMCR0IxEzARBgNVBAoMCkFjbWUgQ29ycC4x',
    'KjAoBgNVBAMMIUFjbWUgSW50ZXJuYWwgUm9vdCBDQSAyMDI0IChwcm9kKTAeFw0y',
    'NDAzMTIwOTAwMDBaFw0zNDAzMTAwOTAwMDBaME4xCzAJBgNVBAYTAkdCMRMwEQYD',
    'VQQKDApBY21lIENvcnAuMSowKAYDVQQDDCFBY21lIEludGVybmFsIFJvb3QgQ0Eg',
    'MjAyNCAocHJvZCkwggIiMA0GCSqGSIb3DQEBAQUAA4ICDwAwggIKAoICAQDQ3k9x',
    '-----END CERTIFICATE-----',
    '',
  ].join('\n');
  const ca = configMap({ namespace: ns, name: 'acme-internal-ca', createdAgo: rolloutAgo + 1, data: { 'acme-internal-ca.pem': caPem } });
  const dash = bystander(ns, 'payout-dashboard', names, 5 * 60, { revisions: [14, 15], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const x509 = 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
  const slog = (m: number, level: string, msg: string, extra: string) => `{"time":"${at(m)}","level":"${level}","msg":"${msg}"${extra}}`;
  const podLog = (p: k8s.V1Pod, k: number) => {
    const started = rolloutAgo - 0.4 - k * 0.7 - 0.05;
    return lines(
      slog(started, 'INFO', 'payout-service starting', ',"version":"5.3.2","addr":":8080"'),
      slog(started - 0.01, 'INFO', 'ledger client ready', ',"url":"https://ledger-api.ledger.svc.cluster.local:8443"'),
      slog(started - 0.05, 'WARN', 'sqs receive failed; backing off', `,"queue":"https://sqs.eu-west-1.amazonaws.com/123456789012/payouts-requested","error":"operation error SQS: ReceiveMessage, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post \\"https://sqs.eu-west-1.amazonaws.com/\\": ${x509}","backoff":"20s"`),
      slog(started - 0.3, 'ERROR', 'fx rate refresh failed', `,"error":"Get \\"https://api.wise.com/v1/rates?source=EUR&target=GBP\\": ${x509}"`),
      slog(3.1, 'INFO', 'ledger entry recorded', ',"entry_id":"le_4KfQ","status":200,"dur_ms":12'),
      slog(2.4, 'ERROR', 'payout submission failed', `,"payout_id":"po_8Hq${k}Zt","provider":"stripe","attempt":3,"error":"Post \\"https://api.stripe.com/v1/payouts\\": ${x509}"`),
      slog(2.4, 'INFO', 'request', `,"method":"POST","path":"/v1/payouts","status":502,"dur_ms":412,"pod":"${nameOf(p)}"`),
      slog(1.2, 'INFO', 'ledger entry recorded', ',"entry_id":"le_4KgB","status":200,"dur_ms":9'),
      slog(0.5, 'WARN', 'sqs receive failed; backing off', `,"queue":"https://sqs.eu-west-1.amazonaws.com/123456789012/payouts-requested","error":"operation error SQS: ReceiveMessage, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post \\"https://sqs.eu-west-1.amazonaws.com/\\": ${x509}","backoff":"20s"`),
      slog(0.3, 'INFO', 'request', `,"method":"GET","path":"/v1/payouts/po_7Aa1","status":200,"dur_ms":6,"pod":"${nameOf(p)}"`),
    );
  };
  const oldRs = rsOf(app, 26);
  const newRs = rsOf(app, 27);
  return {
    id: 'heldout31-configmap-hides-ca-bundle',
    class: 'config',
    truth:
      'payout-service revision 27 (48 minutes ago) moved ledger calls to mTLS and, to trust the company\'s internal CA, mounted the ConfigMap acme-internal-ca as a volume at /etc/ssl/certs. The mount replaces the image\'s whole /etc/ssl/certs directory, including ca-certificates.crt, so Go now trusts only the internal root: every outbound TLS call to public endpoints (api.stripe.com, api.wise.com, SQS) fails with "x509: certificate signed by unknown authority", payouts return 502, while calls to ledger-api (signed by the internal CA) succeed. Pods are Ready and nothing crashes. Fix: mount the file with subPath (e.g. /etc/ssl/certs/acme-internal-ca.pem) or append it to the bundle / use SSL_CERT_FILE, instead of shadowing the directory.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ca, ...dash.objects,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payout-dashboard', selector: { app: 'payout-dashboard' }, pods: dash.pods }),
      scaledReplicaSet(deploymentOf(app), newRs, 1, 0, rolloutAgo),
      scaledReplicaSet(deploymentOf(app), oldRs, 2, 3, rolloutAgo - 0.5),
      scaledReplicaSet(deploymentOf(app), newRs, 2, 1, rolloutAgo - 0.5),
      scaledReplicaSet(deploymentOf(app), oldRs, 1, 2, rolloutAgo - 1.2),
      scaledReplicaSet(deploymentOf(app), newRs, 3, 2, rolloutAgo - 1.2),
      scaledReplicaSet(deploymentOf(app), oldRs, 0, 1, rolloutAgo - 1.9),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image, rolloutAgo - 0.4 - k * 0.7)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 1, firstAgo: rolloutAgo - 0.45, lastAgo: rolloutAgo - 0.45 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
      ...dash.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.7)}","level":"INFO","msg":"GET /dashboard/payouts","status":200,"dur_ms":48}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\/etc\/ssl\/certs/, /x509|unknown authority|\bCA\b|certificate|bundle|trust/i],
      facts: [/revision 27/, lit('acme-internal-ca'), /unknown authority/, /api\.stripe\.com|api\.wise\.com|sqs\./],
      never: [/\bOOM/, /crash ?loop/i, /expired/i, /network ?polic/i, /\bDNS\b/, /stripe[^\n]*(outage|down\b)/i, /payout-dashboard/],
    },
  };
}

// ---- 7. healthy control: verbose DEBUG logs and handled stack traces, every request succeeds --------

function verboseLogsHealthy(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.88', ['52', '109', '247']);
  const image = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'LOGGING_LEVEL_COM_ACME_CATALOG', value: 'DEBUG' },
        { name: 'LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB', value: 'DEBUG' },
        { name: 'INVENTORY_BASE_URL', value: 'http://inventory.catalog.svc.cluster.local' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 15 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45, periodSeconds: 15 }),
    })],
    serviceAccountName: 'catalog-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 19 * DAYS, changeCause: 'argocd: catalog-api 7.12.0', template: tpl('7.12.0') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 7.12.1', template: tpl('7.12.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const inventory = bystander(ns, 'inventory', names, 2 * DAYS, { revisions: [55, 56], versions: ['3.4.0', '3.4.1'], olderAgo: 16 * DAYS });
  const spring = (m: number, level: string, thread: string, logger: string, msg: string) => `${at(m)} ${level.padStart(5)} 1 --- [catalog-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const retryTrace = [
    'org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://inventory.catalog.svc.cluster.local/api/v1/stock/88213": Read timed out',
    '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)',
    '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:906)',
    '\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:801)',
    '\tat org.springframework.web.client.RestTemplate.getForObject(RestTemplate.java:400)',
    '\tat com.acme.catalog.client.InventoryClient.stockFor(InventoryClient.java:64)',
    '\tat org.springframework.retry.support.RetryTemplate.doExecute(RetryTemplate.java:357)',
    '\t... 58 common frames omitted',
    'Caused by: java.net.SocketTimeoutException: Read timed out',
    '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)',
    '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)',
    '\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
    '\t... 71 common frames omitted',
  ];
  const abortTrace = [
    'org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe',
    '\tat org.apache.catalina.connector.OutputBuffer.realWriteBytes(OutputBuffer.java:341)',
    '\tat org.apache.catalina.connector.OutputBuffer.flushByteBuffer(OutputBuffer.java:778)',
    '\tat org.apache.catalina.connector.OutputBuffer.append(OutputBuffer.java:674)',
    '\tat com.fasterxml.jackson.core.json.UTF8JsonGenerator._flushBuffer(UTF8JsonGenerator.java:2203)',
    'Caused by: java.io.IOException: Broken pipe',
    '\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)',
    '\tat java.base/sun.nio.ch.SocketChannelImpl.write(SocketChannelImpl.java:532)',
    '\t... 94 common frames omitted',
  ];
  const podLog = (k: number) =>
    lines(
      spring(4.2, 'DEBUG', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Pool stats (total=10, active=1, idle=9, waiting=0)'),
      spring(3.6, 'DEBUG', 'nio-8080-exec-4', 'o.s.web.servlet.DispatcherServlet', 'GET "/api/v1/products/88213", parameters={}'),
      spring(3.59, 'DEBUG', 'nio-8080-exec-4', 'c.a.catalog.client.InventoryClient', 'GET http://inventory.catalog.svc.cluster.local/api/v1/stock/88213'),
      spring(3.57, 'WARN', 'nio-8080-exec-4', 'c.a.catalog.client.InventoryClient', 'inventory call failed (attempt 1/3), retrying in 100 ms'),
      ...retryTrace,
      spring(3.565, 'DEBUG', 'nio-8080-exec-4', 'c.a.catalog.client.InventoryClient', 'inventory call succeeded on attempt 2 (37 ms)'),
      spring(3.564, 'DEBUG', 'nio-8080-exec-4', 'o.s.web.servlet.DispatcherServlet', 'Completed 200 OK'),
      spring(2.8, 'DEBUG', 'nio-8080-exec-9', 'o.s.web.servlet.DispatcherServlet', 'GET "/api/v1/products?category=garden&page=4", parameters={masked}'),
      spring(2.79, 'DEBUG', 'nio-8080-exec-9', 'c.a.catalog.web.ErrorAdvice', 'client disconnected before the response was written (GET /api/v1/products?category=garden&page=4)'),
      ...abortTrace,
      spring(2.79, 'DEBUG', 'nio-8080-exec-9', '.m.m.a.ExceptionHandlerExceptionResolver', 'Resolved [org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe]'),
      spring(1.9, 'DEBUG', 'nio-8080-exec-2', 'o.s.web.servlet.DispatcherServlet', 'GET "/api/v1/products/1172", parameters={}'),
      spring(1.89, 'DEBUG', 'nio-8080-exec-2', 'c.a.catalog.repo.ProductRepository', `cache hit product:1172 (caffeine, size=${41200 + k * 350})`),
      spring(1.89, 'DEBUG', 'nio-8080-exec-2', 'o.s.web.servlet.DispatcherServlet', 'Completed 200 OK'),
      spring(0.9, 'DEBUG', 'nio-8080-exec-6', 'o.s.web.servlet.DispatcherServlet', 'POST "/api/v1/products/search", parameters={}'),
      spring(0.88, 'DEBUG', 'nio-8080-exec-6', 'o.s.web.servlet.DispatcherServlet', 'Completed 200 OK'),
      spring(0.2, 'DEBUG', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Fill pool skipped, pool has sufficient level or currently being filled (queueDepth=0).'),
    );
  return {
    id: 'heldout31-verbose-debug-logs-healthy',
    class: 'healthy',
    truth:
      'catalog-api (revision 41, six days old) runs with DEBUG logging for its own packages and Spring Web, so its logs are full of DEBUG lines and full stack traces of exceptions it handles: an inventory call that timed out once and succeeded on the retry, a client that disconnected before its response was written (ClientAbortException: Broken pipe). Every request completes 200 OK, the three pods are Ready with no restarts and the HPA sits at its minimum. Nothing is wrong; the noise is only verbose logging.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...inventory.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inventory.pods }),
      hpa({ namespace: ns, name: 'catalog-api', target: { kind: 'Deployment', name: 'catalog-api' }, min: 3, max: 10, current: 3, desired: 3, cpu: { current: 38, target: 70, averageValue: '190m' } }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
      ...inventory.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.1)}","level":"INFO","msg":"GET /api/v1/stock/88213","status":200,"dur_ms":4}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|serving|no (problems?|issues?)|running|fine/i],
      facts: [/3\/3|3 of 3|3 ready|all 3|three/i],
      never: [/\bOOM/, /crash ?loop/i, /inventory[^\n]*(down|failing|unreachable|outage)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  pgDumpServerVersionMismatch(),
  signaturePolicyDeniesRollout(),
  deschedulerTopologySpreadChurn(),
  mongoReplicaSetNoPrimary(),
  operatorLeaseLostAfterCpuCut(),
  configMapHidesCaBundle(),
  verboseLogsHealthy(),
];
