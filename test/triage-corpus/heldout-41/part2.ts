// Held-out stories, forty-first round, part two: a MySQL column still in 3-byte utf8 (utf8mb3)
// that rejects the emoji customers type into a free-text field a release started accepting
// ("Incorrect string value", error 1366), so some return requests fail; a single-replica Vault
// whose pod came back on a replacement node sealed (Shamir keys, no auto-unseal), so a worker pod
// that must log in to Vault at start crash-loops while its older siblings keep running; a Rust
// gateway that panics at start (`called Result::unwrap() on an Err value`, exit 101) after a
// ConfigMap edit put "1.5s" where it parses an integer of milliseconds, picked up by a `rollout
// restart`; a Go pricing service whose new revision prices basket lines in parallel and writes one
// unguarded map, so under load the runtime aborts with "fatal error: concurrent map writes"
// (exit 2) every hour or so; an Elasticsearch indexer whose bulk items are rejected with
// mapper_parsing_exception because a producer's release now sends a string seller_id for a field
// mapped as long, so those documents are dropped while every pod is healthy; a Spring Boot producer
// whose release removed a proto2 required field, so Confluent Schema Registry refuses the new schema
// (409, BACKWARD) and nothing is published; and a healthy control: a controller-runtime operator
// whose "Reconciler error" lines are optimistic-concurrency conflicts it retries successfully.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, createdPod, deploymentApp, endpointSliceFor,
  epochMs, event, execProbe, exposed, httpProbe, nameOf, node, nodeEvent, probeFailed, pulledFresh, pyTime, restartedAgain,
  replicaSetOf, rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const json = (o: Record<string, unknown>): string => JSON.stringify(o);
/** An RFC 3339 time without fractions, as `kubectl rollout restart` writes restartedAt. */
const secondsAt = (minutes: number): string => `${at(minutes).slice(0, 19)}Z`;
/** `t` minutes ago, moved back by up to a second and a half so that log lines do not all fall on whole seconds. */
const jit = (t: number, i: number): number => t - ((i * 7919 + 353) % 1499) / 60_000;
/** Advising to undo a rollout (when undoing it would not help). */
const UNDO_ROLLOUT = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

// ---- 1. MySQL utf8 (utf8mb3) column rejects 4-byte characters after a free-text release -----------

function mysqlUtf8mb3RejectsEmoji(): CorpusScenario {
  const ns = 'retail';
  const { nodes, names } = threeEksNodes('10.0.144', ['23', '109', '250']);
  const image = (v: string) => `${ECR}/retail/returns-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '384Mi',
      envFrom: [{ configMapRef: { name: 'returns-api-config' } }],
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'returns-db', key: 'password' } } }],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'returns-api',
    replicas: 4,
    revisions: [
      { revision: 43, createdAgo: 11 * DAYS, changeCause: 'argocd: returns-api 2.30.2', template: tpl('2.30.2') },
      { revision: 44, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: returns-api 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 10 - k * 0.8 })),
  });
  const notifier = bystander(ns, 'returns-notifier', names, 38, { revisions: [17, 18], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const labels = bystander(ns, 'return-label-printer', names, 6 * DAYS, { revisions: [5, 6], versions: ['0.8.2', '0.8.3'], olderAgo: 40 * DAYS });
  const cfg = configMap({
    namespace: ns, name: 'returns-api-config', createdAgo: 240 * DAYS, updatedAgo: 63 * DAYS,
    data: {
      DB_HOST: 'returns-db.cluster-cq8v1xk2m4ph.eu-west-1.rds.amazonaws.com', DB_PORT: '3306', DB_NAME: 'returns', DB_USER: 'returns_app',
      DB_CHARSET: 'utf8mb4', DB_POOL_SIZE: '15', RETURN_WINDOW_DAYS: '30', LOG_LEVEL: 'info',
    },
  });
  // What customers type now that 2.31.0 has a free-text box, and the bytes MySQL quotes back.
  const bad: [string, string][] = [
    ['\\xF0\\x9F\\x98\\xA1 th...', 'R-5582031'], ['\\xF0\\x9F\\x99\\x8F', 'R-5582047'], ['\\xF0\\x9F\\x98\\x9E si...', 'R-5582090'],
    ['\\xF0\\x9F\\x91\\x8E\\xF0\\x9F...', 'R-5582112'], ['\\xF0\\x9F\\x93\\xA6 ar...', 'R-5582138'], ['\\xF0\\x9F\\x98\\x82 wr...', 'R-5582161'],
  ];
  const hostOf = (p: k8s.V1Pod) => nameOf(p);
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const base = { pid: 1, hostname: hostOf(p) };
    const out: string[] = [
      json({ level: 30, time: epochMs(2 * HOURS + 9.7 - k * 0.8), ...base, msg: 'returns-api 2.31.0 starting', node: 'v20.18.1' }),
      json({ level: 30, time: epochMs(2 * HOURS + 9.7 - k * 0.8), ...base, msg: 'mysql pool created', host: 'returns-db.cluster-cq8v1xk2m4ph.eu-west-1.rds.amazonaws.com', database: 'returns', charset: 'utf8mb4', connectionLimit: 15 }),
      ...(k === 0 ? [json({ level: 30, time: epochMs(2 * HOURS + 9.6), ...base, msg: 'migration applied', name: '20261119_add_return_reason_details', sql: 'ALTER TABLE return_requests ADD COLUMN reason_details VARCHAR(1000) NULL AFTER reason_code', ms: 412 })] : []),
      json({ level: 30, time: epochMs(2 * HOURS + 9.5 - k * 0.8), ...base, msg: 'Server listening at http://0.0.0.0:3000' }),
    ];
    for (let i = 0; i < 22; i++) {
      const t = jit(11 - i * 0.5 - k * 0.07, i + k * 31);
      const req = `req-${(k * 977 + i * 131).toString(36)}`;
      if (i % 4 === 1) {
        const [bytes, rma] = bad[(i + k) % bad.length] ?? ['', ''];
        const message = `Incorrect string value: '${bytes}' for column 'reason_details' at row 1`;
        out.push(json({
          level: 50, time: epochMs(t), ...base, reqId: req, orderId: `O-${7_310_000 + i * 37 + k}`, rma,
          err: { type: 'Error', message, stack: `Error: ${message}\n    at PromiseConnection.execute (/app/node_modules/mysql2/lib/promise/connection.js:112:22)\n    at ReturnsRepository.create (/app/dist/repositories/returns.js:58:35)\n    at async ReturnsService.open (/app/dist/services/returns.js:94:9)\n    at async Object.<anonymous> (/app/dist/routes/returns.js:41:24)`, code: 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', errno: 1366, sqlState: 'HY000', sqlMessage: message, sql: 'INSERT INTO return_requests (order_id, customer_id, reason_code, reason_details, status, created_at) VALUES (?, ?, ?, ?, \'OPEN\', NOW(3))' },
          msg: 'failed to open return request',
        }));
        out.push(json({ level: 30, time: epochMs(t - 0.002), ...base, reqId: req, req: { method: 'POST', url: '/v1/returns' }, res: { statusCode: 500 }, responseTime: 19 + i, msg: 'request completed' }));
      } else if (i % 4 === 3) {
        out.push(json({ level: 30, time: epochMs(t), ...base, reqId: req, req: { method: 'GET', url: `/v1/returns?customerId=C-${88_120 + i * 7}` }, res: { statusCode: 200 }, responseTime: 11 + k, msg: 'request completed' }));
      } else {
        out.push(json({ level: 30, time: epochMs(t), ...base, reqId: req, req: { method: 'POST', url: '/v1/returns' }, res: { statusCode: 201 }, responseTime: 34 + i + k, msg: 'request completed' }));
      }
    }
    out.push(json({ level: 30, time: epochMs(0.3), ...base, req: { method: 'GET', url: '/health/ready' }, res: { statusCode: 200 }, responseTime: 1, msg: 'request completed' }));
    return lines(...out);
  };
  return {
    id: 'heldout41-mysql-utf8mb3-column-rejects-emoji',
    class: 'config',
    truth: 'returns-api 2.31.0 (revision 44, 2h10m ago) added a free-text reason_details field and a migration that added the column to return_requests, a table created years ago with the 3-byte utf8 (utf8mb3) charset, so the column inherited it. Whenever a customer types an emoji (a 4-byte UTF-8 character) the INSERT fails with MySQL error 1366 "Incorrect string value … for column \'reason_details\'" and the request returns 500, while other return requests succeed and every pod stays healthy. Fix: convert the column (or table) to utf8mb4; the connection already uses utf8mb4.',
    ask: { service: 'returns-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...notifier.objects, ...labels.objects, cfg,
      ...exposed({ namespace: ns, name: 'returns-api', selector: { app: 'returns-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'returns-notifier', selector: { app: 'returns-notifier' }, pods: notifier.pods }),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 18), 2, 0, 38),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 17), 0, 2, 37),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      ...notifier.pods.map((p) => logsFor(p, 'app', { current: lines(json({ level: 30, time: epochMs(3), msg: 'sent return-approved email', template: 'return_approved_v4', provider: 'ses' }), json({ level: 30, time: epochMs(0.6), msg: 'poll: 0 pending notifications' })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Incorrect string value|utf8mb[34]|\butf-?8\b|charset|character set|emoji|4-byte|1366/i, /2\.31\.0|revision 44/],
      facts: [/reason_details/, /1366|ER_TRUNCATED_WRONG_VALUE_FOR_FIELD|Incorrect string value/, /utf8mb4/i],
      never: [/\bOOM/, /(database|mysql|rds|returns-db)[^\n]*(unreachable|down\b|connection refused|timed? ?out)/i, /crash ?loop/i, /returns-notifier/],
    },
  };
}

// ---- 2. Vault came back sealed on a replacement node; workers that log in at start crash-loop -----

function vaultSealedAfterPodRestart(): CorpusScenario {
  const { nodes: base, names: baseNames } = threeEksNodes('10.0.212', ['14', '93', '171']);
  const freshName = eksNodeName('10.0.212.236');
  const fresh = node({ name: freshName, zone: 'eu-west-1b', createdAgo: 58, readySince: 57 });
  const nodeA = baseNames[0] ?? '';
  const nodeC = baseNames[2] ?? '';
  const nodes = [base[0], base[2], fresh].filter((n): n is k8s.V1Node => n !== undefined);

  // Vault: one replica, integrated raft storage, Shamir seal (the config has no seal stanza).
  const vns = 'vault';
  const vaultImage = 'docker.io/hashicorp/vault:1.17.6';
  const sealedStatus = 'Key                Value\n---                -----\nSeal Type          shamir\nInitialized        true\nSealed             true\nTotal Shares       5\nThreshold          3\nUnseal Progress    0/3\nUnseal Nonce       n/a\nVersion            1.17.6\nBuild Date         2024-09-24T19:48:40Z\nStorage Type       raft\nHA Enabled         true\n';
  const vaultTpl = {
    containers: [container({
      name: 'vault', image: vaultImage,
      command: ['/bin/sh', '-ec'],
      args: ['cp /vault/config/extraconfig-from-values.hcl /tmp/storageconfig.hcl;\n[ -n "${HOST_IP}" ] && sed -Ei "s|HOST_IP|${HOST_IP?}|g" /tmp/storageconfig.hcl;\n[ -n "${POD_IP}" ] && sed -Ei "s|POD_IP|${POD_IP?}|g" /tmp/storageconfig.hcl;\n/usr/local/bin/docker-entrypoint.sh vault server -config=/tmp/storageconfig.hcl \n'],
      ports: [{ name: 'http', containerPort: 8200 }, { name: 'https-internal', containerPort: 8201 }, { name: 'http-rep', containerPort: 8202 }],
      env: [
        { name: 'VAULT_ADDR', value: 'http://127.0.0.1:8200' }, { name: 'VAULT_API_ADDR', value: 'http://$(POD_IP):8200' },
        { name: 'VAULT_CLUSTER_ADDR', value: 'https://$(HOSTNAME).vault-internal:8201' }, { name: 'SKIP_CHOWN', value: 'true' }, { name: 'SKIP_SETCAP', value: 'true' },
      ],
      cpu: '250m', memory: '512Mi',
      readiness: execProbe(['/bin/sh', '-ec', 'vault status -tls-skip-verify'], { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 }),
      liveness: null,
      volumeMounts: [{ name: 'data', mountPath: '/vault/data' }, { name: 'config', mountPath: '/vault/config' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'vault-config', defaultMode: 420 } }],
    serviceAccountName: 'vault',
    securityContext: { runAsNonRoot: true, runAsUser: 100, runAsGroup: 1000, fsGroup: 1000 },
  };
  const vault = statefulSetApp({
    namespace: vns, name: 'vault', replicas: 1, serviceName: 'vault-internal', podManagementPolicy: 'Parallel', createdAgo: 210 * DAYS,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: vaultTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: freshName, createdAgo: 51, ready: false, containers: { vault: running({ sinceAgo: 50.7, ready: false }) } }],
  });
  const vaultPod = podOf(vault, 0);
  const vaultCfg = configMap({
    namespace: vns, name: 'vault-config', createdAgo: 210 * DAYS, updatedAgo: 61 * DAYS,
    data: { 'extraconfig-from-values.hcl': 'disable_mlock = true\nui = true\n\nlistener "tcp" {\n  tls_disable = 1\n  address = "[::]:8200"\n  cluster_address = "[::]:8201"\n}\n\nstorage "raft" {\n  path = "/vault/data"\n}\n\nservice_registration "kubernetes" {}\n' },
  });
  const [vaultClaim, vaultVolume] = boundClaim({ namespace: vns, name: 'data-vault-0', storage: '10Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const vaultSvc = service({ namespace: vns, name: 'vault', selector: { app: 'vault' }, ports: [{ name: 'http', port: 8200, targetPort: 8200 }, { name: 'https-internal', port: 8201, targetPort: 8201 }], createdAgo: 210 * DAYS });
  // The chart's Service publishes not-ready addresses, so a sealed Vault still answers (503, sealed).
  if (vaultSvc.spec) vaultSvc.spec.publishNotReadyAddresses = true;
  const internal = exposed({ namespace: vns, name: 'vault-internal', headless: true, selector: { app: 'vault' }, ports: [{ name: 'http', port: 8200, targetPort: 8200 }, { name: 'https-internal', port: 8201, targetPort: 8201 }], pods: vault.pods, endpointPort: 8200, createdAgo: 210 * DAYS });
  const injector = deploymentApp({
    namespace: vns, name: 'vault-agent-injector', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 61 * DAYS, template: { containers: [container({ name: 'sidecar-injector', image: 'docker.io/hashicorp/vault-k8s:1.4.2', ports: [{ name: 'https', containerPort: 8080 }], cpu: '50m', memory: '64Mi', readiness: { httpGet: { path: '/health/ready', port: 8080, scheme: 'HTTPS' }, periodSeconds: 2, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 2 }, liveness: { httpGet: { path: '/health/ready', port: 8080, scheme: 'HTTPS' }, periodSeconds: 2, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 2, initialDelaySeconds: 5 } })] } }],
    pods: [{ revision: 4, node: nodeC, createdAgo: 19 * DAYS }],
  });

  // The worker that asks Vault for its secrets when it starts.
  const ns = 'payments';
  const rwImage = `${ECR}/payments/refund-worker:3.4.1`;
  const vaultEnv = (role: string) => [
    { name: 'VAULT_ADDR', value: 'http://vault.vault.svc.cluster.local:8200' }, { name: 'VAULT_AUTH_ROLE', value: role },
    { name: 'VAULT_SECRET_PATH', value: `kv/data/payments/${role}` },
  ];
  const rw = deploymentApp({
    namespace: ns, name: 'refund-worker', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 27 * DAYS, changeCause: 'argocd: refund-worker 3.4.0', template: { containers: [container({ image: `${ECR}/payments/refund-worker:3.4.0`, ports: [{ name: 'metrics', containerPort: 9102 }], env: vaultEnv('refund-worker'), readiness: null, liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20 }) })], serviceAccountName: 'refund-worker' } },
      { revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: refund-worker 3.4.1', template: { containers: [container({ image: rwImage, command: ['python', '-m', 'refund_worker'], ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '200m', memory: '256Mi', env: [...vaultEnv('refund-worker'), { name: 'REFUND_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/refund-requests' }, { name: 'PSP_BASE_URL', value: 'https://api.psp.example.com' }], readiness: null, liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20 }) })], serviceAccountName: 'refund-worker' } },
    ],
    pods: [
      { revision: 19, node: nodeA, createdAgo: 6 * DAYS },
      { revision: 19, node: nodeC, createdAgo: 6 * DAYS - 1 },
      { revision: 19, node: freshName, createdAgo: 50, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 31 }, 12) } },
    ],
    // maxUnavailable 25% of 3 rounds down to 0: with one pod down the Deployment is not Available.
    settled: { available: false, availableSince: 49.5, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const broken = podOf(rw, 2);
  const api = deploymentApp({
    namespace: ns, name: 'payments-api', replicas: 2,
    revisions: [{ revision: 57, createdAgo: 5 * DAYS, changeCause: 'argocd: payments-api 8.2.0', template: { containers: [container({ image: `${ECR}/payments/payments-api:8.2.0`, env: vaultEnv('payments-api') })], serviceAccountName: 'payments-api' } }],
    pods: [{ revision: 57, node: nodeA, createdAgo: 5 * DAYS }, { revision: 57, node: nodeC, createdAgo: 5 * DAYS - 1 }],
  });

  const vaultUrl = 'http://vault.vault.svc.cluster.local:8200/v1/auth/kubernetes/login';
  const run = (end: number): string => {
    const s = end + 31 / 60;
    const out = [
      `${pyTime(s)} INFO [refund_worker.main] starting refund-worker 3.4.1 (python 3.12.7, pid 1)`,
      `${pyTime(s - 0.001)} INFO [refund_worker.secrets] logging in to Vault at http://vault.vault.svc.cluster.local:8200 (auth=kubernetes, role=refund-worker)`,
    ];
    const waits = [2, 4, 8, 16];
    let t = s - 0.002;
    for (let a = 1; a <= 5; a++) {
      out.push(`${pyTime(t)} WARNING [refund_worker.secrets] Vault login failed (attempt ${a}/5): Vault is sealed, on post ${vaultUrl}${a < 5 ? `; retrying in ${waits[a - 1]}.0s` : ''}`);
      t -= (waits[a - 1] ?? 0) / 60;
    }
    out.push(
      `${pyTime(end + 0.001)} ERROR [refund_worker.main] cannot start without secrets from Vault`,
      'Traceback (most recent call last):',
      '  File "/app/refund_worker/__main__.py", line 4, in <module>',
      '    main()',
      '  File "/app/refund_worker/main.py", line 37, in main',
      '    secrets = load_secrets(settings)',
      '              ^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/app/refund_worker/secrets.py", line 52, in load_secrets',
      '    client.auth.kubernetes.login(role=settings.vault_auth_role, jwt=_service_account_token())',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/api/auth_methods/kubernetes.py", line 158, in login',
      '    return self._adapter.login(',
      '           ^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 162, in login',
      '    response = self.post(url, **kwargs)',
      '               ^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 394, in request',
      '    self._raise_for_error(method, url, response)',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 315, in _raise_for_error',
      '    utils.raise_for_error(',
      '  File "/usr/local/lib/python3.12/site-packages/hvac/utils.py", line 41, in raise_for_error',
      '    raise exceptions.VaultDown(',
      `hvac.exceptions.VaultDown: Vault is sealed, on post ${vaultUrl}`,
    );
    return lines(...out);
  };
  const vaultLog = lines(
    '==> Vault server configuration:',
    '',
    'Administrative Namespace: ',
    `             Api Address: http://${ipOfPod(vaultPod)}:8200`,
    '                     Cgo: disabled',
    '         Cluster Address: https://vault-0.vault-internal:8201',
    '   Environment Variables: GODEBUG, HOME, HOSTNAME, HOST_IP, KUBERNETES_PORT, KUBERNETES_SERVICE_HOST, NAME, PATH, POD_IP, SKIP_CHOWN, SKIP_SETCAP, VAULT_ADDR, VAULT_API_ADDR, VAULT_CLUSTER_ADDR, VAULT_K8S_NAMESPACE, VAULT_K8S_POD_NAME, VERSION',
    '              Go Version: go1.22.7',
    '              Listener 1: tcp (addr: "[::]:8200", cluster address: "[::]:8201", disable_request_limiter: "false", max_request_duration: "1m30s", max_request_size: "33554432", tls: "disabled")',
    '               Log Level: ',
    '                   Mlock: supported: true, enabled: false',
    '           Recovery Mode: false',
    '                 Storage: raft (HA available)',
    '                 Version: Vault v1.17.6, built 2024-09-24T19:48:40Z',
    '             Version Sha: 72f4fd8a0f0b0d9e2a6c1f3a9b7e5d4c3b2a1f0e',
    '',
    '==> Vault server started! Log data will stream in below:',
    '',
    `${at(50.6)} [INFO]  proxy environment: http_proxy="" https_proxy="" no_proxy=""`,
    `${at(50.6)} [INFO]  incrementing seal generation: generation=1`,
    `${at(50.59)} [INFO]  core: Initializing version history cache for core`,
    `${at(50.59)} [INFO]  events: Starting event system`,
    `${at(50.58)} [INFO]  service_registration.kubernetes: setting initial state`,
  );
  return {
    id: 'heldout41-vault-sealed-after-pod-restart',
    class: 'config',
    truth: 'The managed node group replaced a node about an hour ago; vault-0 (a single-replica Vault with a Shamir seal and no auto-unseal) was recreated on the new node 51 minutes ago and came back sealed, and nobody unsealed it. refund-worker logs in to Vault when it starts: its two pods from six days ago keep running, but the pod recreated on the new node fails every start with "Vault is sealed" (503) and crash-loops. Fix: unseal vault-0 (3 of 5 key shares), and configure auto-unseal; refund-worker itself is fine.',
    ask: { service: 'refund-worker', namespace: ns },
    objects: [
      ...nodes,
      ...vault.objects, vaultCfg, vaultClaim, vaultVolume, vaultSvc, endpointSliceFor(vaultSvc, vault.pods, 8200), ...internal, ...injector.objects,
      ...rw.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: api.pods }),
      nodeEvent(freshName, 'Starting', 'Starting kubelet.', { firstAgo: 58 }),
      nodeEvent(freshName, 'RegisteredNode', `Node ${freshName} event: Registered Node ${freshName} in Controller`, { firstAgo: 57.6, component: 'node-controller' }),
      nodeEvent(freshName, 'NodeReady', `Node ${freshName} status is now: NodeReady`, { firstAgo: 57 }),
      event({ on: { kind: 'StatefulSet', name: 'vault', namespace: vns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod vault-0 in StatefulSet vault successful', firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      scheduled(vaultPod, 51),
      event({ on: vaultPod, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${nameOf(vaultVolume)}" `, firstAgo: 50.9, lastAgo: 50.9, component: 'attachdetach-controller' }),
      ...pulledFresh(vaultPod, 'vault', vaultImage, { atAgo: 50.85, bytes: 163_226_112, seconds: 4.81 }).slice(1),
      event({ on: vaultPod, type: 'Normal', reason: 'Created', message: 'Created container vault', firstAgo: 50.75, lastAgo: 50.75, fieldPath: 'spec.containers{vault}' }),
      event({ on: vaultPod, type: 'Normal', reason: 'Started', message: 'Started container vault', firstAgo: 50.7, lastAgo: 50.7, fieldPath: 'spec.containers{vault}' }),
      probeFailed(vaultPod, 'vault', 'Readiness', sealedStatus, { count: 604, firstAgo: 50.6, lastAgo: 0.1 }),
      createdPod(replicaSetOf(rw, 19), broken, 50),
      ...pulledFresh(broken, 'app', rwImage, { atAgo: 50, bytes: 71_402_118, seconds: 3.2 }),
      ...restartedAgain(broken, 'app', rwImage, { count: 12, firstAgo: 49.4, lastAgo: 2.7 }),
      backOff(broken, 'app', { count: 214, firstAgo: 49.2, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(vaultPod, 'vault', { current: vaultLog }),
      logsFor(broken, 'app', { current: run(2.2), previous: run(2.2) }),
      ...rw.pods.slice(0, 2).map((p, i) => logsFor(p, 'app', { current: lines(`${pyTime(4 - i)} INFO [refund_worker.consumer] refund RF-${9_120_300 + i * 17} settled with PSP in 412ms`, `${pyTime(1.2 - i * 0.3)} INFO [refund_worker.consumer] received 0 messages from refund-requests (long poll 20s)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vault/i, /seal/i],
      facts: [/vault-0/, /unseal/i, new RegExp(`${nameOf(broken)}|(2|two) (of (the )?)?(3|three)|2/3|(1|one) of (the )?(3|three)`, 'i')],
      never: [/\bOOM/, ADVISES_ROLLBACK, /refund-worker:3\.4\.1[^\n]*(bug|broken|faulty)/i],
    },
  };
}

// ---- 3. Rust gateway panics at start after a ConfigMap edit gave it "1.5s" for milliseconds ------

function rustPanicAfterConfigMapEdit(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.36', ['12', '140', '201']);
  const image = `${ECR}/maps/tile-gateway:0.19.4`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'tile-gateway-env' } }],
      readiness: httpProbe('/readyz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'tile-gateway', replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: tile-gateway 0.19.4', template: tpl() },
      { revision: 15, createdAgo: 17, template: tpl(secondsAt(17)) },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 15, node: names[1] ?? '', createdAgo: 17, containers: { app: crashLoop({ exitCode: 101, finishedAgo: 1.3, ranSeconds: 0 }, 8) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 17, containers: { app: crashLoop({ exitCode: 101, finishedAgo: 2.4, ranSeconds: 0 }, 8) } },
    ],
  });
  const cfg = configMap({
    namespace: ns, name: 'tile-gateway-env', createdAgo: 300 * DAYS, updatedAgo: 19,
    data: {
      RUST_LOG: 'info,tower_http=warn,hyper=warn', LISTEN_ADDR: '0.0.0.0:8080', TILE_STORE_URL: 's3://acme-maps-tiles-eu-west-1/v3',
      UPSTREAM_URL: 'http://tile-renderer.maps.svc.cluster.local:8080', UPSTREAM_TIMEOUT_MS: '1.5s', CACHE_MAX_ENTRIES: '200000', MAX_CONCURRENT_RENDERS: '64',
    },
  });
  const renderer = bystander(ns, 'tile-renderer', names, 4 * DAYS, { revisions: [30, 31], versions: ['2.8.0', '2.8.1'], olderAgo: 21 * DAYS });
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const panicRun = (end: number): string => lines(
    `${at(end + 0.001)}  INFO tile_gateway: starting tile-gateway version="0.19.4" git_sha="3be0c71"`,
    `${at(end + 0.0008)}  INFO tile_gateway::config: reading configuration from environment`,
    "thread 'main' panicked at src/main.rs:47:46:",
    'called `Result::unwrap()` on an `Err` value: Custom("invalid digit found in string while parsing value \'1.5s\' provided by UPSTREAM_TIMEOUT_MS")',
    'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
  );
  const servedLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const z = 12 + ((i + k) % 3);
      out.push(`${at(jit(6 - i * 0.5 - k * 0.03, i + k * 17))}  INFO request{method=GET uri=/v3/tiles/${z}/${2093 + i * 3}/${1361 + k}.mvt}: tile_gateway::handlers: served status=200 cache="${i % 3 === 0 ? 'miss' : 'hit'}" bytes=${41_000 + i * 977} latency_ms=${i % 3 === 0 ? 38 + i : 2 + k}`);
      if (i === 6 && k === 1) out.push(`${at(6 - i * 0.5 - 0.01)}  WARN tile_gateway::upstream: render slow, serving stale tile z=14 x=8377 y=5446 elapsed_ms=1312`);
    }
    return lines(...out);
  };
  const dep = deploymentOf(app);
  return {
    id: 'heldout41-rust-panic-after-configmap-edit',
    class: 'config',
    truth: 'At 02:55 someone edited ConfigMap tile-gateway-env and set UPSTREAM_TIMEOUT_MS to "1.5s" (it must be an integer number of milliseconds), then ran `kubectl rollout restart` (revision 15, same image). Every new tile-gateway pod panics at start while parsing its environment (called `Result::unwrap()` on an `Err` value: invalid digit … \'1.5s\' provided by UPSTREAM_TIMEOUT_MS) and exits 101, so the rollout is stuck with three old pods serving. Fix: set UPSTREAM_TIMEOUT_MS back to 1500; rolling back would not help since any new pod reads the same ConfigMap.',
    ask: { service: 'tile-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, cfg, ...renderer.objects,
      ...exposed({ namespace: ns, name: 'tile-gateway', selector: { app: 'tile-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tile-renderer', selector: { app: 'tile-renderer' }, pods: renderer.pods }),
      scaledReplicaSet(dep, rsOf(app, 15), 2, 0, 17),
      scaledReplicaSet(dep, rsOf(app, 14), 3, 4, 17),
      ...[n1, n2].flatMap((p, i) => [
        scheduled(p, 17),
        ...restartedAgain(p, 'app', image, { count: 9, firstAgo: 16.9, lastAgo: i === 0 ? 1.3 : 2.4 }),
        backOff(p, 'app', { count: 76 - i * 3, firstAgo: 16.8, lastAgo: 0.2 + i * 0.1 }),
      ]),
    ],
    logs: [
      logsFor(n1, 'app', { current: panicRun(1.3), previous: panicRun(1.3) }),
      logsFor(n2, 'app', { current: panicRun(2.4), previous: panicRun(2.4) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: servedLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/tile-gateway-env|ConfigMap|UPSTREAM_TIMEOUT_MS/i, /panic|unwrap|exit(s|ed)?( with)?( code)? 101|invalid|pars/i],
      facts: [/UPSTREAM_TIMEOUT_MS/, lit('1.5s'), /\b101\b/],
      never: [UNDO_ROLLOUT, /\bOOM/, /image[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 4. Go service: "fatal error: concurrent map writes" under load since a new revision -----------

function goConcurrentMapWrites(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.58', ['44', '131', '219']);
  const image = (v: string) => `${ECR}/pricing/quote-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'grpc', containerPort: 9090 }], cpu: '1', memory: '1Gi',
      env: [{ name: 'GOMAXPROCS', value: '2' }, { name: 'GOMEMLIMIT', value: '900MiB' }, { name: 'FX_RATES_URL', value: 'http://fx-rates.pricing.svc.cluster.local/v2/rates' }, { name: 'CATALOG_GRPC_ADDR', value: 'catalog-api.catalog.svc.cluster.local:9090' }],
      readiness: httpProbe('/readyz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10, failureThreshold: 6 }),
    })],
  });
  const crashes = [
    { restarts: 5, finishedAgo: 12, ranSeconds: 2460 },
    { restarts: 3, finishedAgo: 38, ranSeconds: 3910 },
    { restarts: 6, finishedAgo: 4.5, ranSeconds: 1325 },
    { restarts: 4, finishedAgo: 71, ranSeconds: 5080 },
  ];
  const created = 7 * HOURS + 4;
  const app = deploymentApp({
    namespace: ns, name: 'quote-engine', replicas: 4,
    revisions: [
      { revision: 87, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-engine 5.13.2', template: tpl('5.13.2') },
      { revision: 88, createdAgo: 7 * HOURS + 5, changeCause: 'argocd: quote-engine 5.14.0', template: tpl('5.14.0') },
    ],
    pods: crashes.map((c, k) => ({
      revision: 88, node: names[k % 3] ?? '', createdAgo: created - k * 0.7,
      containers: { app: running({ sinceAgo: c.finishedAgo - 0.05, restarts: c.restarts, last: { exitCode: 2, finishedAgo: c.finishedAgo, ranSeconds: c.ranSeconds } }) },
    })),
  });
  const fx = bystander(ns, 'fx-rates', names, 3 * DAYS, { revisions: [12, 13], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const info = (t: number, caller: string, msg: string, extra: Record<string, unknown> = {}) => json({ level: 'info', ts: at(t), caller, msg, ...extra });
  const traffic = (from: number, to: number, k: number): string[] => {
    const out: string[] = [];
    let i = 0;
    for (let t0 = from; t0 > to; t0 -= 0.45, i++) {
      const t = jit(t0, i + k * 13);
      out.push(info(t, 'http/handler.go:88', 'quote served', { basket_lines: 3 + ((i * 7 + k) % 19), currency: ['SGD', 'AUD', 'JPY', 'EUR'][(i + k) % 4], latency_ms: 21 + ((i * 13) % 60), parallel: true }));
      if (i % 7 === 3) out.push(json({ level: 'warn', ts: at(t - 0.01), caller: 'catalog/client.go:142', msg: 'catalog lookup slow', sku_count: 40 + i, latency_ms: 612 + i * 9 }));
    }
    return out;
  };
  const boot = (t: number): string[] => [
    info(t, 'cmd/quote-engine/main.go:61', 'starting quote-engine', { version: '5.14.0', commit: 'a41c9e0', go: 'go1.23.4' }),
    info(t - 0.001, 'fxrates/cache.go:39', 'fx rate cache initialised', { pairs: 0, ttl: '30s' }),
    info(t - 0.002, 'cmd/quote-engine/main.go:98', 'listening', { http: ':8080', grpc: ':9090' }),
  ];
  const crashed = podOf(app, 2);
  const dump = [
    'fatal error: concurrent map writes',
    '',
    'goroutine 2291877 [running]:',
    'github.com/acme/quote-engine/internal/fxrates.(*Cache).Put(...)',
    '\t/src/internal/fxrates/cache.go:61',
    'github.com/acme/quote-engine/internal/quote.(*Pricer).convert(0xc0003c2000, {0xc01b2e1f40, 0x3}, {0xc01b2e1f48, 0x3}, 0x40c3880000000000)',
    '\t/src/internal/quote/pricer.go:188 +0x2f4',
    'github.com/acme/quote-engine/internal/quote.(*Pricer).PriceBasket.func1()',
    '\t/src/internal/quote/pricer.go:131 +0x1c5',
    'golang.org/x/sync/errgroup.(*Group).Go.func1()',
    '\t/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:78 +0x50',
    'created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 2291850',
    '\t/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:75 +0x96',
    '',
    'goroutine 1 [IO wait, 22 minutes]:',
    'internal/poll.runtime_pollWait(0x7f3a5c0e1e28, 0x72)',
    '\t/usr/local/go/src/runtime/netpoll.go:351 +0x85',
    'internal/poll.(*pollDesc).wait(0xc000188080?, 0x0?, 0x0)',
    '\t/usr/local/go/src/internal/poll/fd_poll_runtime.go:84 +0x27',
    'net.(*TCPListener).Accept(0xc00011e2c0)',
    '\t/usr/local/go/src/net/tcpsock.go:372 +0x30',
    'net/http.(*Server).Serve(0xc0001a4000, {0x1c3e4a0, 0xc00011e2c0})',
    '\t/usr/local/go/src/net/http/server.go:3330 +0x30c',
    'main.main()',
    '\t/src/cmd/quote-engine/main.go:104 +0x6a5',
    '',
    'goroutine 2291879 [runnable]:',
    'github.com/acme/quote-engine/internal/fxrates.(*Cache).Put(...)',
    '\t/src/internal/fxrates/cache.go:61',
    'github.com/acme/quote-engine/internal/quote.(*Pricer).convert(0xc0003c2000, {0xc01b2e1f70, 0x3}, {0xc01b2e1f78, 0x3}, 0x4092c00000000000)',
    '\t/src/internal/quote/pricer.go:188 +0x2f4',
    'github.com/acme/quote-engine/internal/quote.(*Pricer).PriceBasket.func1()',
    '\t/src/internal/quote/pricer.go:131 +0x1c5',
    'created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 2291850',
    '\t/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:75 +0x96',
  ];
  const c2 = crashes[2] ?? { finishedAgo: 4.5, ranSeconds: 1325 };
  const prevStart = c2.finishedAgo + c2.ranSeconds / 60;
  const previous = lines(...boot(prevStart), ...traffic(prevStart - 0.3, c2.finishedAgo + 0.01, 2).slice(-30), ...dump);
  const readyFail = (p: k8s.V1Pod, t: number) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 1, firstAgo: t, lastAgo: t });
  return {
    id: 'heldout41-go-concurrent-map-writes-under-load',
    class: 'containers',
    truth: 'quote-engine 5.14.0 (revision 88, seven hours ago) started pricing basket lines in parallel goroutines that all write the FX-rate cache, a plain Go map without a lock. Under load two writes collide and the Go runtime aborts the process with "fatal error: concurrent map writes" (exit 2): every pod has restarted 3–6 times since the rollout, each after running 20–85 minutes, never at start. Mitigation: roll back to revision 87 (5.13.2); fix: guard the cache with a mutex (or sync.Map).',
    ask: { service: 'quote-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...fx.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      ...app.pods.flatMap((p, k) => {
        const c = crashes[k];
        if (c === undefined || c.finishedAgo > 60) return [];
        return [readyFail(p, c.finishedAgo), ...restartedAgain(p, 'app', image('5.14.0'), { count: 1, firstAgo: c.finishedAgo - 0.02, lastAgo: c.finishedAgo - 0.02 })];
      }),
    ],
    logs: [
      logsFor(crashed, 'app', { current: lines(...boot(c2.finishedAgo - 0.06), ...traffic(c2.finishedAgo - 0.2, 0.1, 2)), previous }),
      ...app.pods.filter((p) => p !== crashed).map((p, k) => {
        const c = crashes[k === 2 ? 3 : k] ?? { finishedAgo: 10 };
        return logsFor(p, 'app', { current: lines(...boot(c.finishedAgo - 0.06), ...traffic(Math.min(c.finishedAgo - 0.2, 8), 0.1, k).slice(-16)) });
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/concurrent map writes/i, /revision 88|5\.14\.0/],
      facts: [/exit(ed)?( with)?( code)? 2\b|exit code:? 2\b/i, /roll(ing)? ?back|rollout undo|revision 87|5\.13\.2/i, /restart/i],
      never: [/\bOOM/, /(killed|restarted) by (the )?liveness|liveness probe fail/i, /fx-rates/],
    },
  };
}

// ---- 5. Elasticsearch mapping conflict: a producer now sends a string for a long field -------------

function elasticsearchMappingConflictDropsDocs(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '118', '242']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const indexerImage = `${ECR}/search/listing-indexer:3.2.1`;
  const indexer = deploymentApp({
    namespace: ns, name: 'listing-indexer', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 34 * DAYS, changeCause: 'argocd: listing-indexer 3.2.0', template: { containers: [container({ image: `${ECR}/search/listing-indexer:3.2.0` })] } },
      {
        revision: 12, createdAgo: 12 * DAYS, changeCause: 'argocd: listing-indexer 3.2.1',
        template: {
          containers: [container({
            image: indexerImage, ports: [8080], cpu: '500m', memory: '512Mi',
            env: [
              { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.kafka.svc:9092,kafka-1.kafka-headless.kafka.svc:9092,kafka-2.kafka-headless.kafka.svc:9092' },
              { name: 'KAFKA_TOPIC', value: 'marketplace.listing-events' }, { name: 'KAFKA_GROUP_ID', value: 'listing-indexer' },
              { name: 'ES_URL', value: 'http://listings-es-http.search.svc.cluster.local:9200' }, { name: 'ES_INDEX', value: 'listings-v7' },
              { name: 'BULK_MAX_DOCS', value: '500' }, { name: 'BULK_FLUSH_INTERVAL', value: '2s' },
            ],
            readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
          })],
        },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:7.17.24';
  const es = statefulSetApp({
    namespace: ns, name: 'listings-es', replicas: 3, serviceName: 'listings-es-headless', podManagementPolicy: 'Parallel', createdAgo: 400 * DAYS,
    revisions: [{
      revision: 9, createdAgo: 45 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
          env: [{ name: 'cluster.name', value: 'listings' }, { name: 'discovery.seed_hosts', value: 'listings-es-headless' }, { name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }],
          readiness: execProbe(['bash', '-c', 'curl -sf "http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null'], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
          liveness: null,
          volumeMounts: [{ name: 'listings-es', mountPath: '/usr/share/elasticsearch/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'listings-es', storage: '200Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 9, ordinal: o, node: names[o] ?? '', createdAgo: 45 * DAYS - o * 4 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `listings-es-listings-es-${o}`, storage: '200Gi', zone: zones[o] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  const searchApi = bystander(ns, 'search-api', names, 2 * DAYS, { revisions: [40, 41], versions: ['6.1.0', '6.1.1'], olderAgo: 15 * DAYS });

  const mns = 'marketplace';
  const producerTpl = (v: string) => ({ containers: [container({ image: `${ECR}/marketplace/listing-service:${v}`, env: [{ name: 'EVENTS_TOPIC', value: 'marketplace.listing-events' }] })] });
  const producer = deploymentApp({
    namespace: mns, name: 'listing-service', replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 16 * DAYS, changeCause: 'argocd: listing-service 4.7.3', template: producerTpl('4.7.3') },
      { revision: 61, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: listing-service 4.8.0', template: producerTpl('4.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k * 0.6 })),
  });

  const sellers = ['slr_2xk9QpT7', 'slr_8RmWc41d', 'slr_Hq27Zt0b', 'slr_5nVb3LpK', 'slr_0cYd9Ws2', 'slr_Jt6eR8uM'];
  const indexerLog = (k: number): string => {
    const out: string[] = [json({ level: 'info', time: at(12 * DAYS - k - 0.2).slice(0, 19) + 'Z', version: '3.2.1', topic: 'marketplace.listing-events', group: 'listing-indexer', message: 'listing-indexer started' })];
    let offset = 88_120_455 + k * 3_000_000;
    for (let b = 0; b < 8; b++) {
      const t = jit(3.6 - b * 0.45 - k * 0.05, b + k * 11);
      const failed = 160 + ((b * 37 + k * 11) % 60);
      for (let d = 0; d < 3; d++) {
        const id = `L-${99_120_347 + b * 1013 + d * 211 + k * 7}`;
        const seller = sellers[(b + d + k) % sellers.length] ?? 'slr_x';
        out.push(json({
          level: 'error', time: at(t + 0.005 + d * 0.0007).slice(0, 19) + 'Z', index: 'listings-v7', doc_id: id, status: 400, partition: k * 4 + (b % 4),
          error: { type: 'mapper_parsing_exception', reason: `failed to parse field [seller_id] of type [long] in document with id '${id}'. Preview of field's value: '${seller}'`, caused_by: { type: 'illegal_argument_exception', reason: `For input string: "${seller}"` } },
          ce_source: '/marketplace/listing-service', ce_type: 'listing.updated',
          message: 'bulk item rejected, document dropped',
        }));
      }
      offset += 500;
      out.push(json({ level: 'warn', time: at(t).slice(0, 19) + 'Z', index: 'listings-v7', docs: 500, indexed: 500 - failed, failed, took_ms: 140 + b * 9, committed_offset: offset, message: 'bulk flush finished with item errors' }));
    }
    out.push(json({ level: 'info', time: at(0.2).slice(0, 19) + 'Z', lag: 12 + k, message: 'consumer lag' }));
    return lines(...out);
  };
  const esLog = (o: number): string => lines(
    ...(o !== 0 ? [] : [json({ type: 'server', timestamp: at(40).replace('.', ','), level: 'INFO', component: 'o.e.c.r.a.DiskThresholdMonitor', 'cluster.name': 'listings', 'node.name': `listings-es-${o}`, message: 'low disk watermark [85%] exceeded on [oL3c8sFZT2K7m0nJ1xW9qA][listings-es-2][/usr/share/elasticsearch/data/nodes/0] free: 28.3gb[14.1%], replicas will not be assigned to this node' })]),
    json({ type: 'server', timestamp: at(5).replace('.', ','), level: 'INFO', component: 'o.e.m.j.JvmGcMonitorService', 'cluster.name': 'listings', 'node.name': `listings-es-${o}`, message: `[gc][${3_881_200 + o}] overhead, spent [312ms] collecting in the last [1s]` }),
  );
  return {
    id: 'heldout41-elasticsearch-mapping-conflict-drops-docs',
    class: 'config',
    truth: 'listing-service 4.8.0 (revision 61 in marketplace, about two hours ago) started emitting the new string seller ids ("slr_…") in listing events, but listings-v7 maps seller_id as long. Since then Elasticsearch rejects those documents in every bulk request from listing-indexer with mapper_parsing_exception (failed to parse field [seller_id] of type [long]); the indexer logs and drops them and commits the offsets, so roughly a third of listing updates are silently lost from search while all indexer and Elasticsearch pods are healthy. Fix: roll back listing-service or reindex with seller_id as keyword, then replay the topic from before the rollout.',
    ask: { service: 'listing-indexer', namespace: ns },
    objects: [
      ...nodes, ...indexer.objects, ...es.objects, ...claims, ...searchApi.objects, ...producer.objects,
      ...exposed({ namespace: ns, name: 'listing-indexer', selector: { app: 'listing-indexer' }, pods: indexer.pods }),
      ...exposed({ namespace: ns, name: 'listings-es-http', selector: { app: 'listings-es' }, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], pods: es.pods, endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'listings-es-headless', headless: true, selector: { app: 'listings-es' }, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], pods: es.pods, endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: searchApi.pods }),
      ...exposed({ namespace: mns, name: 'listing-service', selector: { app: 'listing-service' }, pods: producer.pods }),
    ],
    logs: [
      ...indexer.pods.map((p, k) => logsFor(p, 'app', { current: indexerLog(k) })),
      ...es.pods.map((p, o) => logsFor(p, 'elasticsearch', { current: esLog(o) })),
      ...producer.pods.map((p, k) => logsFor(p, 'app', { current: lines(json({ level: 'info', ts: at(1 + k * 0.2), msg: 'listing updated', listing_id: `L-${99_130_001 + k}`, seller_id: sellers[k] ?? 'slr_x', event: 'listing.updated' })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/mapper_parsing_exception|mapping|seller_id/i, /listing-service/],
      facts: [/seller_id/, /\blong\b/, /drop|lost|data loss|not indexed|rejected/i, /4\.8\.0|revision 61/],
      never: [/\bOOM/, /crash ?loop/i, /(roll ?back|undo)[^\n]{0,30}listing-indexer/i],
    },
  };
}

// ---- 6. Schema Registry refuses the producer's new schema (409, BACKWARD) after a release ----------

function schemaRegistryRejectsNewSchema(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.88', ['27', '164', '203']);
  const image = (v: string) => `${ECR}/fulfillment/shipment-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.kafka.svc:9092,kafka-1.kafka-headless.kafka.svc:9092,kafka-2.kafka-headless.kafka.svc:9092' },
        { name: 'SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER', value: 'io.confluent.kafka.serializers.protobuf.KafkaProtobufSerializer' },
        { name: 'SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc.cluster.local:8081' },
        { name: 'SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS', value: 'true' },
        { name: 'OUTBOX_TOPIC', value: 'shipments.shipment-events' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'shipment-service', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: shipment-service 5.1.3', template: tpl('5.1.3') },
      { revision: 23, createdAgo: 38, changeCause: 'argocd: shipment-service 5.2.0', template: tpl('5.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 38 - k * 1.1 })),
  });
  const notifier = bystander(ns, 'shipment-notifier', names, 6 * DAYS, { revisions: [9, 10], versions: ['2.0.4', '2.0.5'], olderAgo: 25 * DAYS });

  const kns = 'kafka';
  const srImage = 'docker.io/confluentinc/cp-schema-registry:7.7.1';
  const registry = deploymentApp({
    namespace: kns, name: 'schema-registry', replicas: 2,
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'schema-registry', image: srImage, ports: [8081], cpu: '250m', memory: '768Mi', env: [{ name: 'SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS', value: 'PLAINTEXT://kafka-headless.kafka.svc:9092' }, { name: 'SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL', value: 'BACKWARD' }, { name: 'SCHEMA_REGISTRY_HOST_NAME', value: 'schema-registry' }], readiness: httpProbe('/subjects', 8081), liveness: httpProbe('/', 8081, { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 70 * DAYS }, { revision: 6, node: names[2] ?? '', createdAgo: 70 * DAYS - 2 }],
  });
  const kafka = statefulSetApp({
    namespace: kns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 7, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'kafka', image: 'docker.io/bitnami/kafka:3.8.1', ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '4Gi', readiness: tcpProbe('client'), liveness: tcpProbe('controller', { initialDelaySeconds: 30 }) })] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 70 * DAYS - o * 3 })),
  });

  const subject = 'shipments.shipment-events-value';
  const oldSchema = 'syntax = "proto2";\\npackage acme.fulfillment.v1;\\n\\nmessage ShipmentEvent {\\n  required string shipment_id = 1;\\n  required string order_id = 2;\\n  required EventType type = 3;\\n  required int64 occurred_at = 4;\\n  optional string warehouse_id = 5;\\n  optional string tracking_number = 6;\\n  required string carrier_code = 7;\\n ...';
  const conflict = `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [{errorType:"REQUIRED_FIELD_REMOVED", description:"The new schema is missing a required field at path '#/ShipmentEvent/7' in the old schema"}, {oldSchemaVersion: 6}, {oldSchema: '${oldSchema}'}, {compatibility: 'BACKWARD'}]; error code: 409`;
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [shipment-service] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const relay = 'c.a.f.shipment.outbox.OutboxRelay';
  const failure = (t: number, k: number, i: number): string[] => [
    spring(t, 'ERROR', 'outbox-relay-1', relay, `Failed to publish outbox event ${(0x4f2a10 + i * 97 + k * 13).toString(16)}-0c7e (ShipmentDispatched, shipment SH-${6_021_400 + i * 3 + k}) to shipments.shipment-events; leaving it pending, next attempt in 15s`),
    'org.springframework.kafka.KafkaException: Send failed',
    '\tat org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:866)',
    '\tat org.springframework.kafka.core.KafkaTemplate.observeSend(KafkaTemplate.java:828)',
    '\tat org.springframework.kafka.core.KafkaTemplate.send(KafkaTemplate.java:611)',
    '\tat com.acme.fulfillment.shipment.outbox.OutboxRelay.publish(OutboxRelay.java:88)',
    '\tat com.acme.fulfillment.shipment.outbox.OutboxRelay.drain(OutboxRelay.java:61)',
    'Caused by: org.apache.kafka.common.errors.SerializationException: Error serializing Protobuf message',
    '\tat io.confluent.kafka.serializers.protobuf.AbstractKafkaProtobufSerializer.serializeImpl(AbstractKafkaProtobufSerializer.java:173)',
    '\tat io.confluent.kafka.serializers.protobuf.KafkaProtobufSerializer.serialize(KafkaProtobufSerializer.java:95)',
    '\tat org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1045)',
    '\tat org.apache.kafka.clients.producer.KafkaProducer.send(KafkaProducer.java:978)',
    '\t... 9 common frames omitted',
    `Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: ${conflict}`,
    '\tat io.confluent.kafka.schemaregistry.client.rest.RestService.sendHttpRequest(RestService.java:336)',
    '\tat io.confluent.kafka.schemaregistry.client.rest.RestService.httpRequest(RestService.java:409)',
    '\tat io.confluent.kafka.schemaregistry.client.rest.RestService.registerSchema(RestService.java:625)',
    '\tat io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient.registerAndGetId(CachedSchemaRegistryClient.java:341)',
    '\tat io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient.register(CachedSchemaRegistryClient.java:422)',
    '\tat io.confluent.kafka.serializers.protobuf.AbstractKafkaProtobufSerializer.serializeImpl(AbstractKafkaProtobufSerializer.java:118)',
    '\t... 12 common frames omitted',
  ];
  const appLog = (k: number): string => {
    const s = 38 - k * 1.1 - 0.2;
    const out = [
      spring(s, 'INFO', 'main', 'c.a.f.s.ShipmentServiceApplication', 'Starting ShipmentServiceApplication v5.2.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      spring(s - 0.142, 'WARN', 'main', 'org.hibernate.orm.deprecation', 'HHH90000025: PostgreSQLDialect does not need to be specified explicitly using \'hibernate.dialect\' (remove the property setting and it will be selected by default)'),
      spring(s - 0.221, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      spring(s - 0.237, 'INFO', 'main', 'c.a.f.s.ShipmentServiceApplication', 'Started ShipmentServiceApplication in 14.212 seconds (process running for 15.03)'),
    ];
    for (let i = 0; i < 6; i++) {
      const t = jit(7 - i * 1.1 - k * 0.1, i + k * 7);
      out.push(spring(t + 0.3, 'INFO', `http-nio-8080-exec-${(i % 9) + 1}`, 'c.a.f.s.api.ShipmentController', `POST /v1/shipments/SH-${6_021_500 + i + k * 10}/dispatch -> 200 (carrier=DHL_EXPRESS)`));
      out.push(...failure(t, k, i));
      if (i % 2 === 0) out.push(spring(t - 0.05, 'WARN', 'outbox-monitor', 'c.a.f.shipment.outbox.OutboxMonitor', `outbox backlog: ${1_140 + i * 96 + k * 20} pending events, oldest created ${Math.round(35 - i)}m ago`));
    }
    return lines(...out);
  };
  const srLog = (r: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t = jit(6.8 - i * 1.1 - r * 0.4, i + r * 5);
      out.push(`[${pyTime(t)}] INFO Registering new schema: subject ${subject}, version null, id null, type PROTOBUF, schema size 1874 (io.confluent.kafka.schemaregistry.rest.resources.SubjectVersionsResource)`);
      out.push(`[${pyTime(t - 0.0001)}] INFO ${ipOfPod(podOf(app, (i + r) % 3))} - - [${at(t).slice(8, 10)}/Nov/2026:${at(t).slice(11, 19)} +0000] "POST /subjects/${subject}/versions?normalize=false HTTP/1.1" 409 1412 "-" "Java/21.0.5" 9 (io.confluent.rest-utils.requests)`);
      out.push(`[${pyTime(t - 0.2)}] INFO ${ipOfPod(podOf(notifier, r % 2))} - - [${at(t - 0.2).slice(8, 10)}/Nov/2026:${at(t - 0.2).slice(11, 19)} +0000] "GET /schemas/ids/412?fetchMaxId=false&subject=${subject} HTTP/1.1" 200 1935 "-" "Java/21.0.5" 2 (io.confluent.rest-utils.requests)`);
    }
    return lines(...out);
  };
  const dep = deploymentOf(app);
  return {
    id: 'heldout41-schema-registry-rejects-new-schema',
    class: 'rollout',
    truth: 'shipment-service 5.2.0 (revision 23, 38 minutes ago) removed the proto2 required field carrier_code from ShipmentEvent. Its serializer auto-registers the new schema on the first send, and Confluent Schema Registry refuses it with 409 (REQUIRED_FIELD_REMOVED, incompatible with version 6 under BACKWARD compatibility), so no shipment event has been published since the rollout: the outbox backlog grows while the pods stay healthy and the HTTP API still answers. Mitigation: roll back to 5.1.3 (revision 22); fix: keep the field (or make it optional in a compatible step).',
    ask: { service: 'shipment-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...notifier.objects, ...registry.objects, ...kafka.objects,
      ...exposed({ namespace: ns, name: 'shipment-service', selector: { app: 'shipment-service' }, pods: app.pods }),
      ...exposed({ namespace: kns, name: 'schema-registry', selector: { app: 'schema-registry' }, ports: [{ name: 'http', port: 8081, targetPort: 8081 }], pods: registry.pods, endpointPort: 8081 }),
      ...exposed({ namespace: kns, name: 'kafka-headless', headless: true, selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], pods: kafka.pods, endpointPort: 9092 }),
      scaledReplicaSet(dep, rsOf(app, 23), 1, 0, 38),
      scaledReplicaSet(dep, rsOf(app, 22), 2, 3, 37.2),
      scaledReplicaSet(dep, rsOf(app, 23), 2, 1, 37.2),
      scaledReplicaSet(dep, rsOf(app, 22), 1, 2, 36.1),
      scaledReplicaSet(dep, rsOf(app, 23), 3, 2, 36.1),
      scaledReplicaSet(dep, rsOf(app, 22), 0, 1, 35.3),
      ...app.pods.flatMap((p, k) => pulledFresh(p, 'app', image('5.2.0'), { atAgo: 38 - k * 1.1, bytes: 212_884_331, seconds: 6.4 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...registry.pods.map((p, r) => logsFor(p, 'schema-registry', { current: srLog(r) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/schema[ -]?registry|incompatible|\b409\b|REQUIRED_FIELD_REMOVED/i, /revision 23|5\.2\.0/],
      facts: [/REQUIRED_FIELD_REMOVED|required field|carrier_code/i, /BACKWARD/, /shipment-events/, /roll(ing)? ?back|rollout undo|revision 22|5\.1\.3/i],
      never: [/\bOOM/, /crash ?loop/i, /schema-registry[^\n]*(down\b|unreachable|crash|not ready)/i],
    },
  };
}

// ---- 7. healthy control: an operator's "Reconciler error" lines are retried update conflicts ------

function healthyOperatorConflictRetries(): CorpusScenario {
  const ns = 'platform-system';
  const { nodes, names } = threeEksNodes('10.0.20', ['61', '143', '188']);
  const image = 'registry.platform.acme.internal/platform/ca-bundle-distributor:0.7.3';
  const app = deploymentApp({
    namespace: ns, name: 'ca-bundle-distributor', replicas: 1,
    revisions: [
      { revision: 5, createdAgo: 48 * DAYS, changeCause: 'argocd: ca-bundle-distributor 0.7.2', template: { containers: [container({ name: 'manager', image: image.replace('0.7.3', '0.7.2') })], serviceAccountName: 'ca-bundle-distributor' } },
      {
        revision: 6, createdAgo: 9 * DAYS, changeCause: 'argocd: ca-bundle-distributor 0.7.3',
        template: {
          containers: [container({
            name: 'manager', image, command: ['/manager'], args: ['--leader-elect', '--metrics-bind-address=:8080', '--health-probe-bind-address=:8081', '--source-configmap=platform-system/trusted-ca-bundle', '--namespace-selector=trust.acme.io/inject=true'],
            ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'health', containerPort: 8081 }], cpu: '50m', memory: '128Mi',
            readiness: httpProbe('/readyz', 8081, { initialDelaySeconds: 5 }), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15, periodSeconds: 20 }),
            securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          })],
          serviceAccountName: 'ca-bundle-distributor',
        },
      },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const janitor = bystander(ns, 'cluster-janitor', names, 13 * DAYS, { revisions: [3, 4], versions: ['1.2.0', '1.2.1'], olderAgo: 60 * DAYS });
  const source = configMap({ namespace: ns, name: 'trusted-ca-bundle', createdAgo: 200 * DAYS, updatedAgo: 3 * DAYS, data: { 'ca-bundle.crt': '# 142 certificates, generated 2026-11-18 by pki-pipeline\n-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n...\n-----END CERTIFICATE-----\n' } });
  const targets = ['checkout', 'payments', 'catalog', 'search', 'fulfillment', 'retail', 'maps', 'pricing'];
  const ctrl = { controller: 'namespace', controllerGroup: '', controllerKind: 'Namespace' };
  const log: string[] = [];
  for (let i = 0; i < 12; i++) {
    const t = jit(26 - i * 2.1, i);
    const target = targets[i % targets.length] ?? 'checkout';
    const rid = `${(0x3c1f9a2 + i * 7919).toString(16)}-77d1-4c2e-9b8a-${(0x5e1f02a9c4 + i * 104729).toString(16)}`;
    log.push(json({ level: 'info', ts: at(t), logger: 'trustbundle', msg: 'syncing trust bundle copy', ...ctrl, Namespace: { name: target }, namespace: '', name: target, reconcileID: rid, configmap: 'trusted-ca-bundle' }));
    if (i % 3 !== 2) {
      log.push(json({
        level: 'error', ts: at(t - 0.001), msg: 'Reconciler error', ...ctrl, Namespace: { name: target }, namespace: '', name: target, reconcileID: rid,
        error: `failed to update ConfigMap ${target}/trusted-ca-bundle: Operation cannot be fulfilled on configmaps "trusted-ca-bundle": the object has been modified; please apply your changes to the latest version and try again`,
        stacktrace: 'sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).reconcileHandler\n\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.19.3/pkg/internal/controller/controller.go:316\nsigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).processNextWorkItem\n\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.19.3/pkg/internal/controller/controller.go:263\nsigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Start.func2.2\n\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.19.3/pkg/internal/controller/controller.go:224',
      }));
    }
    log.push(json({ level: 'info', ts: at(t - 0.02), logger: 'trustbundle', msg: 'trust bundle in sync', ...ctrl, Namespace: { name: target }, namespace: '', name: target, reconcileID: `${rid.slice(0, -4)}b7e1`, certificates: 142, bundleHash: 'sha256:9c1e4b07f2d3a8e5' }));
  }
  return {
    id: 'heldout41-healthy-operator-update-conflict-retries',
    class: 'healthy',
    truth: 'Nothing is wrong: ca-bundle-distributor (one replica, running for nine days without a restart) copies the trusted CA bundle into opted-in namespaces. Its "Reconciler error … the object has been modified; please apply your changes to the latest version and try again" lines are optimistic-concurrency conflicts from updating a ConfigMap through a cache that has not yet seen its own previous write; controller-runtime requeues and the next reconcile, a second later, reports the bundle in sync.',
    ask: { service: 'ca-bundle-distributor', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...janitor.objects, source,
      ...exposed({ namespace: ns, name: 'ca-bundle-distributor-metrics', selector: { app: 'ca-bundle-distributor' }, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }], pods: app.pods }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'manager', { current: lines(...log) }),
      ...janitor.pods.map((p) => logsFor(p, 'app', { current: lines(json({ level: 'info', ts: at(9), msg: 'sweep finished', deleted_pods: 0, deleted_jobs: 2, scanned_namespaces: 41 })) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|nothing (wrong|abnormal)|running normally|all good/i],
      facts: [/ca-bundle-distributor/, /1\/1|ready|running/i],
      never: [/crash/i, UNDO_ROLLOUT, /conflict[^\n]*(root cause|caus(es|ed|ing))/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mysqlUtf8mb3RejectsEmoji(),
  vaultSealedAfterPodRestart(),
  rustPanicAfterConfigMapEdit(),
  goConcurrentMapWrites(),
  elasticsearchMappingConflictDropsDocs(),
  schemaRegistryRejectsNewSchema(),
  healthyOperatorConflictRetries(),
];
