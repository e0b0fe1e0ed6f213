// Held-out stories, eighty-third round, part two (written blind):
// 1. heldout83-minio-storage-full: media-uploader's PutObject calls fail with XMinioStorageFull; the
//    in-cluster MinIO's drives crossed its minimum free-drive threshold.
// 2. heldout83-aead-tag-mismatch-key-rotated: a Java document service throws AEADBadTagException
//    "Tag mismatch" since its ConfigMap's active encryption key id was switched; data sealed with the old key.
// 3. heldout83-django-secret-key-rotated: Django logs "Session data corrupted" and logs users out since
//    revision 19 switched DJANGO_SECRET_KEY to a new Secret without SECRET_KEY_FALLBACKS.
// 4. heldout83-laravel-app-key-changed: Laravel "The MAC is invalid." after a rollout changed APP_KEY.
// 5. heldout83-rails-master-key-changed: a Rails revision reads RAILS_MASTER_KEY from a new Secret key;
//    credentials cannot be decrypted (ActiveSupport::MessageEncryptor::InvalidMessage), pods crash-loop.
// 6. heldout83-kafka-replication-factor-brokers-scaled-down: Kafka scaled 3 -> 1 brokers; the producer's
//    topic creation fails with InvalidReplicationFactorException (3 larger than available brokers: 1).
// 7. heldout83-healthy-puma-single-worker-warning: a healthy Rails API whose Puma boot logs warn about
//    cluster mode with one worker (old, harmless).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, boundClaim, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, pyTime,
  running, statefulSetApp, tcpProbe, backOff, scaledReplicaSet, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const name = (p: k8s.V1Pod | undefined): string => p?.metadata?.name ?? '';
/** Java's logback default pattern time: `2026-11-21 03:12:41.563`. */
const jTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. MinIO storage full --------------------------------------------------------------------
function minioStorageFull(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '97', '180']);
  const minioImage = 'quay.io/minio/minio:RELEASE.2024-11-07T00-52-20Z';
  const minio = statefulSetApp({
    namespace: ns, name: 'minio', replicas: 1, serviceName: 'minio-headless', createdAgo: 200 * DAYS,
    revisions: [{ revision: 1, createdAgo: 200 * DAYS, template: { containers: [container({ name: 'minio', image: minioImage, args: ['server', '/data', '--console-address', ':9001'], ports: [{ name: 'api', containerPort: 9000 }, { name: 'console', containerPort: 9001 }], memory: '2Gi', cpu: '500m', readiness: httpProbe('/minio/health/ready', 9000), liveness: httpProbe('/minio/health/live', 9000), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS }],
  });
  const img = (v: string) => `${ECR}/media/media-uploader:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [3000], memory: '512Mi', env: [{ name: 'S3_ENDPOINT', value: 'http://minio.media.svc.cluster.local:9000' }, { name: 'S3_BUCKET', value: 'user-uploads' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'media-uploader', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 9 * DAYS, template: tpl('3.8.0') }, { revision: 15, createdAgo: 2 * DAYS, changeCause: 'argocd: media-uploader 3.8.1', template: tpl('3.8.1') }],
    pods: [{ revision: 15, node: names[1] ?? '', createdAgo: 2 * DAYS }, { revision: 15, node: names[2] ?? '', createdAgo: 2 * DAYS - 1, containers: { app: running({ sinceAgo: 20 * HOURS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 20 * HOURS } }) } }],
  });
  const other = bystander(ns, 'thumbnailer', names, 70, { revisions: [40, 41], versions: ['1.21.0', '1.21.1'], olderAgo: 20 * DAYS });
  const mp = podOf(minio, 0);
  const full = 'Storage backend has reached its minimum free drive threshold. Please delete a few objects to proceed.';
  const upl = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = 48 - i * 5 - k;
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"media-uploader","req":{"method":"POST","url":"/v1/uploads"},"err":{"type":"S3ServiceException","message":"${full}","name":"XMinioStorageFull","$metadata":{"httpStatusCode":507,"requestId":"18093A${(7000 + i * 13 + k).toString(16).toUpperCase()}C2F1"},"Code":"XMinioStorageFull","BucketName":"user-uploads","Resource":"/user-uploads/u/${81230 + i * 7}/${k}${i}a.jpg"},"msg":"PutObject failed"}`);
      out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"media-uploader","req":{"method":"POST","url":"/v1/uploads"},"res":{"statusCode":507},"responseTime":${40 + i},"msg":"request completed"}`);
    }
    out.push(`{"level":30,"time":${Date.parse(at(0.5))},"pid":1,"hostname":"media-uploader","req":{"method":"GET","url":"/v1/uploads/u/81230/0a.jpg"},"res":{"statusCode":200},"responseTime":12,"msg":"request completed"}`);
    return lines(...out);
  };
  const minioLog = lines(
    'MinIO Object Storage Server', 'Copyright: 2015-2024 MinIO, Inc.', 'License: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html', 'Version: RELEASE.2024-11-07T00-52-20Z (go1.23.3 linux/amd64)', '',
    'API: http://10.0.44.21:9000  http://127.0.0.1:9000', 'WebUI: http://10.0.44.21:9001 http://127.0.0.1:9001',
    ...[50, 38, 27, 14, 3].map((m) => `API: SYSTEM()\nTime: ${at(m).slice(11, 19)} UTC ${at(m).slice(0, 10)}\nDeploymentID: 6f1d2a4e-93b1-4c0e-b1a8-2d7e9c3f5a10\nError: drive /data, path (user-uploads/u/${81000 + m}/part.1) returned an error (drive path full) (*errors.errorString)\n       5: internal/logger/logger.go:268:logger.LogIf()\n       4: cmd/erasure-object.go:1342:cmd.erasureObjects.putObject()`),
  );
  return {
    id: 'heldout83-minio-storage-full',
    class: 'storage',
    truth: 'The in-cluster MinIO (StatefulSet minio, one 200Gi gp3 volume data-minio-0) filled its drive: usage crossed MinIO\'s minimum free-drive threshold about 50 minutes ago, so every PutObject from media-uploader fails with XMinioStorageFull (HTTP 507) while reads still work. No rollout is involved (media-uploader revision 15 is two days old; the OOMKill 20 hours ago is unrelated). Fix: expand the PVC / add capacity or apply a lifecycle rule to delete old objects.',
    ask: { service: 'media-uploader', namespace: ns },
    objects: [
      ...nodes, ...minio.objects, ...app.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-minio-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 200 * DAYS, storageClass: 'gp3', labels: { app: 'minio' } }),
      ...exposed({ namespace: ns, name: 'media-uploader', selector: { app: 'media-uploader' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'minio', selector: { app: 'minio' }, pods: minio.pods, ports: [{ name: 'api', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: other.pods }),
      event({ on: podOf(app, 1), reason: 'BackOff', message: 'Back-off restarting failed container app in pod ' + name(podOf(app, 1)), type: 'Warning', firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(mp, 'minio', { current: minioLog }),
      logsFor(podOf(app, 0), 'app', { current: upl(0) }),
      logsFor(podOf(app, 1), 'app', { current: upl(1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/XMinioStorageFull|storage (backend )?(is )?full|free drive threshold|drive (path )?full|minio[^\n]*(full|space|capacity)/i],
      facts: [/minio/i, /XMinioStorageFull|minimum free drive|drive path full/i],
      never: [ADVISES_ROLLBACK, /\bOOM[^\n]*(cause|root)/i, /thumbnailer/],
    },
  };
}

// ---- 2. AEADBadTagException after the encryption key id was switched ---------------------------
function aeadTagMismatch(): CorpusScenario {
  const ns = 'documents';
  const { nodes, names } = threeEksNodes('10.0.63');
  const img = `${ECR}/documents/doc-vault:2.19.4`;
  const tpl = { containers: [container({ image: img, ports: [8080], memory: '1Gi', envFrom: [{ configMapRef: { name: 'doc-vault-config' } }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080), volumeMounts: [{ name: 'keys', mountPath: '/etc/doc-vault/keys', readOnly: true }] })], volumes: [{ name: 'keys', secret: { secretName: 'doc-vault-keys' } }], annotations: { 'kubectl.kubernetes.io/restartedAt': at(35) } };
  const tplOld = { ...tpl, annotations: { 'kubectl.kubernetes.io/restartedAt': at(12 * DAYS) } };
  const app = deploymentApp({
    namespace: ns, name: 'doc-vault', replicas: 3,
    revisions: [{ revision: 22, createdAgo: 12 * DAYS, template: tplOld }, { revision: 23, createdAgo: 35, changeCause: 'kubectl rollout restart after config change CHG-4471', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 35 - k })),
  });
  const cm = configMap({ namespace: ns, name: 'doc-vault-config', createdAgo: 300 * DAYS, updatedAgo: 38, data: { SPRING_PROFILES_ACTIVE: 'prod', DOCVAULT_CRYPTO_ALGORITHM: 'AES/GCM/NoPadding', DOCVAULT_CRYPTO_ACTIVE_KEY: 'k-2026-11', DOCVAULT_CRYPTO_KEY_FILE: '/etc/doc-vault/keys/k-2026-11.key', DOCVAULT_CRYPTO_PREVIOUS_KEYS: '' } });
  const other = bystander(ns, 'doc-indexer', names, 50, { revisions: [8, 9], versions: ['0.9.2', '0.9.3'], olderAgo: 30 * DAYS });
  const trace = (m: number, id: number) => [
    `${jTime(m)} ERROR 1 --- [doc-vault] [nio-8080-exec-${(id % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: com.acme.docvault.crypto.DecryptionException: Unable to decrypt document ${id}] with root cause`,
    '',
    'javax.crypto.AEADBadTagException: Tag mismatch',
    '\tat java.base/com.sun.crypto.provider.GaloisCounterMode$GCMDecrypt.doFinal(GaloisCounterMode.java:1675)',
    '\tat java.base/com.sun.crypto.provider.GaloisCounterMode.engineDoFinal(GaloisCounterMode.java:447)',
    '\tat java.base/javax.crypto.Cipher.doFinal(Cipher.java:2500)',
    '\tat com.acme.docvault.crypto.AesGcmEnvelope.open(AesGcmEnvelope.java:88)',
    '\tat com.acme.docvault.service.DocumentService.read(DocumentService.java:142)',
    '\tat com.acme.docvault.web.DocumentController.get(DocumentController.java:57)',
  ];
  const log = (k: number) => lines(
    `${jTime(34.5 - k)}  INFO 1 --- [doc-vault] [           main] c.a.docvault.crypto.KeyRing              : Loaded 1 data key(s); active key id=k-2026-11`,
    `${jTime(34 - k)}  INFO 1 --- [doc-vault] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    `${jTime(34 - k)}  INFO 1 --- [doc-vault] [           main] com.acme.docvault.DocVaultApplication    : Started DocVaultApplication in 14.213 seconds (process running for 15.02)`,
    ...[30, 22, 15, 9, 4, 1].flatMap((m, i) => trace(m - k * 0.3, 5_310_000 + i * 917 + k)),
    `${jTime(0.6)}  INFO 1 --- [doc-vault] [nio-8080-exec-3] c.a.docvault.web.DocumentController      : stored document 5412090 key=k-2026-11`,
  );
  return {
    id: 'heldout83-aead-tag-mismatch-key-rotated',
    class: 'config',
    truth: 'Change CHG-4471 edited ConfigMap doc-vault-config 38 minutes ago: DOCVAULT_CRYPTO_ACTIVE_KEY now points to the new key k-2026-11 and DOCVAULT_CRYPTO_PREVIOUS_KEYS is empty, and a rollout restart (revision 23) picked it up. Every document stored before was sealed with the old key (AES-GCM), so opening it fails with javax.crypto.AEADBadTagException: Tag mismatch; new documents work. Fix: list the old key in DOCVAULT_CRYPTO_PREVIOUS_KEYS (keep it for decryption) and restart; re-encrypt later.',
    ask: { service: 'doc-vault', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'doc-vault', selector: { app: 'doc-vault' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'doc-indexer', selector: { app: 'doc-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), `${name(podOf(app, 0)).split('-').slice(0, -1).join('-')}`, 3, 0, 35),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/AEADBadTag|Tag mismatch|(encryption|crypto|data) key|ACTIVE_KEY|k-2026-11|decrypt/i],
      facts: [/AEADBadTagException|Tag mismatch/, /doc-vault-config|DOCVAULT_CRYPTO|k-2026-11/],
      never: [/\bOOM/, /doc-indexer/, /image[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 3. Django SECRET_KEY rotated ----------------------------------------------------------------
function djangoSecretKeyRotated(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.91');
  const img = `${ECR}/accounts/accounts-web:5.2.0`;
  const tpl = (secret: string) => ({ containers: [container({ image: img, ports: [8000], memory: '512Mi', env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'accounts.settings.prod' }, { name: 'DJANGO_SECRET_KEY', valueFrom: { secretKeyRef: { name: secret, key: 'secret-key' } } }, { name: 'SESSION_ENGINE', value: 'django.contrib.sessions.backends.signed_cookies' }], readiness: httpProbe('/healthz/', 8000), liveness: httpProbe('/healthz/', 8000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'accounts-web', replicas: 3,
    revisions: [{ revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: accounts-web 5.2.0', template: tpl('accounts-web-django') }, { revision: 19, createdAgo: 52, changeCause: 'argocd: rotate django secret key (SEC-318)', template: tpl('accounts-web-django-2026-11') }],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 51 - k })),
  });
  const other = bystander(ns, 'accounts-worker', names, 3 * HOURS, { revisions: [30, 31], versions: ['5.1.9', '5.2.0'], olderAgo: 6 * DAYS });
  const log = (k: number) => {
    const out = [
      `[${pyTime(50 - k).replace(',', ' ')} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${pyTime(50 - k).replace(',', ' ')} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${pyTime(50 - k).replace(',', ' ')} +0000] [8] [INFO] Booting worker with pid: 8`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 48 - i * 4 - k * 0.2;
      out.push(`WARNING ${pyTime(t)} django.security.SuspiciousSession Session data corrupted`);
      out.push(`INFO ${pyTime(t - 0.01)} django.request "GET /account/ HTTP/1.1" 302 0 -> /login/?next=/account/`);
    }
    out.push(`WARNING ${pyTime(12 - k)} django.security.csrf Forbidden (CSRF token from POST incorrect.): /login/`);
    out.push(`INFO ${pyTime(1)} django.request "GET /healthz/ HTTP/1.1" 200 2`);
    return lines(...out);
  };
  return {
    id: 'heldout83-django-secret-key-rotated',
    class: 'config',
    truth: 'Revision 19 of accounts-web (52 minutes ago, change SEC-318) switched DJANGO_SECRET_KEY to a new Secret (accounts-web-django-2026-11) without keeping the old key in SECRET_KEY_FALLBACKS. Sessions are signed cookies, so every existing session fails signature validation: Django logs "Session data corrupted" (django.security.SuspiciousSession) and redirects users to /login — everyone got logged out, and open login forms fail CSRF. Fix: add the old key to SECRET_KEY_FALLBACKS (or roll back to revision 18 and rotate properly).',
    ask: { service: 'accounts-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'accounts-web', selector: { app: 'accounts-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SECRET_KEY|Session data corrupted|secret key/i],
      facts: [/Session data corrupted|SuspiciousSession/, /revision 19|accounts-web-django-2026-11|SEC-318/i],
      never: [/\bOOM/, /accounts-worker/, /database|postgres/i],
    },
  };
}

// ---- 4. Laravel APP_KEY changed ----------------------------------------------------------------
function laravelAppKeyChanged(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.120');
  const img = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const tpl = (v: string, key: string) => ({ containers: [container({ image: img(v), ports: [9000], memory: '384Mi', env: [{ name: 'APP_ENV', value: 'production' }, { name: 'APP_KEY', valueFrom: { secretKeyRef: { name: key, key: 'APP_KEY' } } }, { name: 'SESSION_DRIVER', value: 'redis' }, { name: 'LOG_CHANNEL', value: 'stderr' }], readiness: tcpProbe(9000), liveness: tcpProbe(9000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    revisions: [{ revision: 64, createdAgo: 4 * DAYS, changeCause: 'helm: shop-web 11.3.2', template: tpl('11.3.2', 'shop-web-env') }, { revision: 65, createdAgo: 27, changeCause: 'helm: shop-web 11.4.0', template: tpl('11.4.0', 'shop-web-app-key') }],
    pods: [0, 1, 2].map((k) => ({ revision: 65, node: names[k] ?? '', createdAgo: 26 - k })),
  });
  const other = bystander(ns, 'shop-scheduler', names, 27, { revisions: [64, 65], versions: ['11.3.2', '11.4.0'], olderAgo: 4 * DAYS });
  const lt = (m: number) => at(m).replace('T', ' ').slice(0, 19);
  const log = (k: number) => {
    const fpm = (m: number) => `${clfTime(m).slice(0, 11).replace(/\//g, '-')} ${clfTime(m).slice(12, 20)}`;
    const out = [`[${fpm(26 - k)}] NOTICE: fpm is running, pid 1`, `[${fpm(26 - k)}] NOTICE: ready to handle connections`];
    for (let i = 0; i < 10; i++) {
      const t = 25 - i * 2.4 - k * 0.1;
      out.push(`[${lt(t)}] production.ERROR: The MAC is invalid. {"exception":"[object] (Illuminate\\\\Contracts\\\\Encryption\\\\DecryptException(code: 0): The MAC is invalid. at /var/www/html/vendor/laravel/framework/src/Illuminate/Encryption/Encrypter.php:241)`);
      out.push('[stacktrace]');
      out.push('#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Encryption/Encrypter.php(165): Illuminate\\Encryption\\Encrypter->getJsonPayload()');
      out.push('#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Cookie/Middleware/EncryptCookies.php(90): Illuminate\\Encryption\\Encrypter->decrypt()');
      out.push(i % 3 === 0 ? '#2 /var/www/html/app/Models/Customer.php(58): Illuminate\\Support\\Facades\\Crypt::decryptString()' : '#2 /var/www/html/vendor/laravel/framework/src/Illuminate/Cookie/Middleware/EncryptCookies.php(72): Illuminate\\Cookie\\Middleware\\EncryptCookies->decryptCookie()');
      out.push('"} ');
    }
    return lines(...out);
  };
  return {
    id: 'heldout83-laravel-app-key-changed',
    class: 'config',
    truth: 'Helm release shop-web 11.4.0 (revision 65, 27 minutes ago) moved APP_KEY to a new Secret shop-web-app-key, which was generated with `php artisan key:generate` instead of copying the existing key. Every cookie and every value encrypted with Crypt (customer tax ids) under the old key now fails with Illuminate DecryptException "The MAC is invalid."; customers are logged out and account pages 500. Fix: put the old APP_KEY back (or list it in APP_PREVIOUS_KEYS) and restart.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, ports: [{ name: 'fastcgi', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/MAC is invalid|APP_KEY|DecryptException/i],
      facts: [/MAC is invalid/, /APP_KEY|shop-web-app-key/, /revision 65|11\.4\.0/],
      never: [/\bOOM/, /shop-scheduler/, /redis[^\n]*(down|unreachable|refused)/i],
    },
  };
}

// ---- 5. Rails credentials cannot be decrypted ---------------------------------------------------
function railsMasterKeyChanged(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140');
  const img = (v: string) => `${ECR}/billing/billing-portal:${v}`;
  const tpl = (v: string, key: string) => ({ containers: [container({ image: img(v), ports: [3000], memory: '768Mi', env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_MASTER_KEY', valueFrom: { secretKeyRef: { name: 'billing-portal-secrets', key } } }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }], readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }) })] });
  const exit = { exitCode: 1, finishedAgo: 2, ranSeconds: 6 };
  const app = deploymentApp({
    namespace: ns, name: 'billing-portal', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [{ revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-portal 2024.11.2', template: tpl('2024.11.2', 'master-key') }, { revision: 42, createdAgo: 31, changeCause: 'argocd: billing-portal 2024.11.3', template: tpl('2024.11.3', 'rails-master-key') }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 42, node: names[2] ?? '', createdAgo: 30, ready: false, containers: { app: crashLoop(exit, 10) } },
    ],
  });
  const other = bystander(ns, 'billing-sidekiq', names, 31, { revisions: [41, 42], versions: ['2024.11.2', '2024.11.3'], olderAgo: 9 * DAYS });
  const bad = podOf(app, 3);
  const crash = lines(
    '=> Booting Puma', '=> Rails 7.1.4 application starting in production ', '=> Run `bin/rails server --help` for more startup options',
    '/usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/message_encryptor.rb:253:in `rescue in _decrypt\': ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/message_encryptor.rb:229:in `_decrypt\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/message_encryptor.rb:198:in `decrypt_and_verify\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/encrypted_file.rb:109:in `decrypt\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/encrypted_file.rb:72:in `read\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/encrypted_configuration.rb:59:in `read\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/encrypted_configuration.rb:76:in `config\'',
    '\tfrom /app/config/initializers/stripe.rb:1:in `<main>\'',
    '/usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/message_encryptor.rb:250:in `final\': OpenSSL::Cipher::CipherError',
  );
  const okLog = lines(`I, [${at(3)} #1]  INFO -- : [a1c9e0f2-7c1b-4a55-9a0e-3f2d8b7c6e11] Started GET "/invoices" for 10.0.33.4 at ${at(3).slice(0, 19).replace('T', ' ')} +0000`, `I, [${at(3)} #1]  INFO -- : [a1c9e0f2-7c1b-4a55-9a0e-3f2d8b7c6e11] Completed 200 OK in 48ms (Views: 21.3ms | ActiveRecord: 9.8ms | Allocations: 15433)`);
  return {
    id: 'heldout83-rails-master-key-changed',
    class: 'config',
    truth: 'Revision 42 of billing-portal (2024.11.3, 31 minutes ago) reads RAILS_MASTER_KEY from a different key of Secret billing-portal-secrets (rails-master-key instead of master-key); that key holds a freshly generated master key, not the one config/credentials.yml.enc was encrypted with. At boot Rails cannot decrypt the credentials (ActiveSupport::MessageEncryptor::InvalidMessage from the Stripe initializer), the new pod exits 1 and crash-loops; the rollout is stuck with three revision-41 pods serving. Fix: point RAILS_MASTER_KEY back to the right key (or roll back to revision 41).',
    ask: { service: 'billing-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-portal', selector: { app: 'billing-portal' }, pods: app.pods, endpointPort: 3000 }),
      backOff(bad, 'app', { count: 120, firstAgo: 29 }),
      event({ on: bad, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.140.55:3000/up": dial tcp 10.0.140.55:3000: connect: connection refused', count: 4, firstAgo: 29, lastAgo: 25, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [logsFor(bad, 'app', { previous: crash, current: '' }), ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: okLog }))],
    expect: {
      verdict: 'problems',
      headline: [/InvalidMessage|RAILS_MASTER_KEY|master key|credentials/i],
      facts: [/MessageEncryptor::InvalidMessage/, /rails-master-key|RAILS_MASTER_KEY/, /revision 42|2024\.11\.3/],
      never: [/\bOOM/, /billing-sidekiq/, /readiness probe[^\n]*(cause|root)/i],
    },
  };
}

// ---- 6. Kafka scaled down below the topic replication factor ------------------------------------
function kafkaReplicationFactor(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.200');
  const kimg = 'docker.io/bitnami/kafka:3.8.1';
  const ktpl = { containers: [container({ name: 'kafka', image: kimg, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], memory: '4Gi', cpu: '1', env: [{ name: 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR', value: '3' }, { name: 'KAFKA_CFG_MIN_INSYNC_REPLICAS', value: '2' }], readiness: tcpProbe('client'), liveness: tcpProbe('client'), volumeMounts: [{ name: 'data', mountPath: '/bitnami/kafka' }] })] };
  const kafka = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 1, serviceName: 'kafka-headless', createdAgo: 120 * DAYS,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: ktpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 60 * DAYS }],
  });
  const img = (v: string) => `${ECR}/streaming/events-ingest:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [8080], memory: '1Gi', env: [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-headless.streaming.svc.cluster.local:9092' }, { name: 'INGEST_TOPIC_REPLICATION_FACTOR', value: '3' }, { name: 'INGEST_TOPIC_PARTITIONS', value: '12' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] });
  const app = deploymentApp({
    namespace: ns, name: 'events-ingest', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 20 * DAYS, template: tpl('1.33.0') }, { revision: 18, createdAgo: 40, changeCause: 'argocd: events-ingest 1.34.0 (new topic ingest.clicks.v2)', template: tpl('1.34.0') }],
    pods: [0, 1].map((k) => ({ revision: 18, node: names[k + 1] ?? '', createdAgo: 39 - k, ready: false, containers: { app: running({ sinceAgo: 38 - k, ready: false }) } })),
  });
  const other = bystander(ns, 'events-sink', names, 5 * HOURS, { revisions: [9, 10], versions: ['0.7.0', '0.7.1'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out = [
      `${jTime(37.5 - k)}  INFO 1 --- [           main] o.a.k.clients.admin.AdminClientConfig    : AdminClientConfig values: bootstrap.servers = [kafka-headless.streaming.svc.cluster.local:9092]`,
      `${jTime(37.4 - k)}  INFO 1 --- [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.8.1`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 37 - i * 4.5 - k * 0.2;
      out.push(`${jTime(t)}  WARN 1 --- [           main] c.a.ingest.kafka.TopicBootstrap          : Creating topic ingest.clicks.v2 (partitions=12, replicationFactor=3) failed, retrying in 30s`);
      out.push('java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 1.');
      out.push('\tat java.base/java.util.concurrent.CompletableFuture.reportGet(CompletableFuture.java:396)');
      out.push('\tat org.apache.kafka.common.internals.KafkaFutureImpl.get(KafkaFutureImpl.java:165)');
      out.push('\tat com.acme.ingest.kafka.TopicBootstrap.ensureTopics(TopicBootstrap.java:61)');
      out.push('Caused by: org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 1.');
    }
    return lines(...out);
  };
  const klog = lines(
    `[${jTime(26 * HOURS).replace('.', ',')}] INFO [KafkaRaftServer nodeId=0] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${jTime(26 * HOURS - 3).replace('.', ',')}] INFO [Partition orders-0 broker=0] Shrinking ISR from 0,1,2 to 0. Leader: (highWatermark: 88123, endOffset: 88123). Out of sync replicas: (brokerId: 1, endOffset: 88123, lastCaughtUpTimeMs: 1795651000000) (brokerId: 2, endOffset: 88123, lastCaughtUpTimeMs: 1795651000000). (kafka.cluster.Partition)`,
    `[${jTime(36.9).replace('.', ',')}] INFO [ControllerServer id=0] CreateTopics result(s): CreatableTopic(name='ingest.clicks.v2', numPartitions=12, replicationFactor=3, assignments=[], configs=[]): INVALID_REPLICATION_FACTOR (Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached because only 1 broker(s) are registered.) (org.apache.kafka.controller.ReplicationControlManager)`,
  );
  return {
    id: 'heldout83-kafka-replication-factor-brokers-scaled-down',
    class: 'capacity',
    truth: 'To cut costs, the kafka StatefulSet was scaled from 3 brokers to 1 yesterday (about 26 hours ago). Existing topics kept working with a shrunken ISR, but events-ingest 1.34.0 (revision 18, 40 minutes ago) creates a new topic ingest.clicks.v2 with replication factor 3 at startup, and the broker refuses: InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 1. The pods keep retrying and never turn ready. Fix: scale kafka back to 3 brokers (or create the topic with replication factor 1 temporarily).',
    ask: { service: 'events-ingest', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: app.pods }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-2 in StatefulSet kafka successful', firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod kafka-1 in StatefulSet kafka successful', firstAgo: 26 * HOURS - 1, lastAgo: 26 * HOURS - 1, component: 'statefulset-controller' }),
      ...app.pods.map((p) => event({ on: p, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 220, firstAgo: 37, lastAgo: 0.2, fieldPath: 'spec.containers{app}' })),
    ],
    logs: [logsFor(podOf(kafka, 0), 'kafka', { current: klog }), ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) }))],
    expect: {
      verdict: 'problems',
      headline: [/InvalidReplicationFactor|replication factor|available brokers|kafka[^\n]*(1 broker|one broker|scaled)/i],
      facts: [/larger than available brokers: 1|only 1 broker/i, /kafka/i],
      never: [/\bOOM/, /events-sink/, /readiness probe[^\n]*(misconfigured|too (short|aggressive))/i],
    },
  };
}

// ---- 7. healthy control: Puma single-worker warning --------------------------------------------
function healthyPuma(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.77');
  const img = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: img(v), ports: [3000], memory: '768Mi', env: [{ name: 'WEB_CONCURRENCY', value: '1' }, { name: 'RAILS_MAX_THREADS', value: '5' }], readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-api', replicas: 3,
    revisions: [{ revision: 87, createdAgo: 10 * DAYS, template: tpl('8.14.0') }, { revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: catalog-api 8.14.1', template: tpl('8.14.1') }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 3 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 2 * DAYS, last: { exitCode: 1, finishedAgo: 2 * DAYS } }) } } : {}) })),
  });
  const other = bystander(ns, 'catalog-importer', names, 6 * HOURS, { revisions: [12, 13], versions: ['2.0.3', '2.0.4'], olderAgo: 15 * DAYS });
  const log = (k: number) => lines(
    `[1] Puma starting in cluster mode...`, `[1] * Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`, '[1] *  Min threads: 5', '[1] *  Max threads: 5', '[1] *  Environment: production', '[1] *   Master PID: 1', '[1] *      Workers: 1', '[1] *     Restarts: (✔) hot (✖) phased', '[1] * Preloading application', '[1] * Listening on http://0.0.0.0:3000',
    '[1] ! WARNING: Detected running cluster mode with 1 worker.', '[1] ! Running Puma in cluster mode with a single worker is often a misconfiguration.', '[1] ! Consider running Puma in single-mode (workers = 0) in order to reduce memory overhead.', '[1] ! Set the `silence_single_worker_warning` option to silence this warning message.',
    '[1] Use Ctrl-C to stop', '[1] - Worker 0 (PID: 14) booted in 0.01s, phase: 0',
    `I, [${at(2 + k)} #14]  INFO -- : [4f0c9a21-11b2-4e0e-9c4b-5a6e1d2c3b0${k}] Started GET "/v1/products?page=3" for 10.0.31.18 at ${at(2 + k).slice(0, 19).replace('T', ' ')} +0000`,
    `I, [${at(2 + k)} #14]  INFO -- : [4f0c9a21-11b2-4e0e-9c4b-5a6e1d2c3b0${k}] Completed 200 OK in 23ms (Views: 8.1ms | ActiveRecord: 6.4ms | Allocations: 9120)`,
  );
  return {
    id: 'heldout83-healthy-puma-single-worker-warning',
    class: 'healthy',
    truth: 'catalog-api is healthy: three revision-88 pods ready and serving 200s for three days. Each boot prints Puma\'s long-standing "Detected running cluster mode with 1 worker" warning (WEB_CONCURRENCY=1), which is only a memory-overhead hint; one pod restarted once two days ago during a node reboot and has been fine since. Nothing to do.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods, endpointPort: 3000 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|running normally/i],
      facts: [/catalog-api/],
      never: [/crash ?loop/i, ADVISES_ROLLBACK, /single worker[^\n]*(cause|root)/i],
    },
  };
}

void startedAt; void lit;

export const PART_TWO: CorpusScenario[] = [
  minioStorageFull(), aeadTagMismatch(), djangoSecretKeyRotated(), laravelAppKeyChanged(), railsMasterKeyChanged(), kafkaReplicationFactor(), healthyPuma(),
];
