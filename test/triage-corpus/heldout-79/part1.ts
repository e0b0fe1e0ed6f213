// Held-out stories, seventy-ninth round, part one (written blind):
// 1. A Python thumbnailer whose revision 15 moved to python:3.12-slim, so `import cv2` (opencv-python,
//    not -headless) dies at start with "ImportError: libGL.so.1: cannot open shared object file"
//    while revision 14's pods keep serving.
// 2. A Spring Boot notification service whose revision 23 moved from JDK 8u282 to JDK 17, whose
//    java.security disables TLSv1/TLSv1.1, so STARTTLS to the old on-prem SMTP relay (TLS 1.0 only)
//    fails with "SSLHandshakeException: No appropriate protocol"; pods Ready, e-mails not sent.
// 3. An Express BFF whose revision 42 answers twice on a coupon error path, so
//    ERR_HTTP_HEADERS_SENT escapes as an unhandled rejection and ends the process; restarts pile up.
// 4. An unchanged Go invoice API refused by Postgres with "too many connections for role
//    \"billing_app\"" since a new invoice-pdf-worker Deployment (30 minutes old) shares the role.
// 5. An nginx sidecar in front of a portal app answering 502 "upstream sent too big header" since the
//    app's revision 28 sets a ~7 KB session cookie; proxy_buffer_size is at its 4k default.
// 6. An article API whose revision 9 caches whole rendered articles of 1.2–2.6 MB in memcached started
//    with `-I 1m`, so sets fail "SERVER_ERROR object too large for cache" and Postgres takes the load.
// 7. Healthy control: a Node.js order-events consumer that logs a MaxListenersExceededWarning at start.
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, epochMs, event, exposed,
  httpProbe, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Spring Boot 2's default console time: `2026-11-21 03:12:41.563`. */
const bootTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. opencv-python on a slim base image: libGL.so.1 missing --------------------------------------

function opencvLibGlMissing(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['24', '141', '203']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '1Gi',
      command: ['gunicorn', 'thumbnailer.wsgi:app', '-b', '0.0.0.0:8000', '-w', '3', '-k', 'gthread'],
      env: [{ name: 'THUMB_SIZES', value: '160x160,480x480,1280x720' }, { name: 'S3_BUCKET', value: 'acme-media-originals' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 3.7.2 (python:3.12-bookworm)', template: tpl('3.7.2') },
      { revision: 15, createdAgo: 26, changeCause: 'argocd: thumbnailer 3.8.0 (base image python:3.12-slim-bookworm, -480 MB)', template: tpl('3.8.0-slim') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 25.6, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.8, ranSeconds: 3 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'video-transcoder', names, 70, { revisions: [30, 31], versions: ['1.19.0', '1.19.1'], olderAgo: 20 * DAYS });
  const trace = (m: number) => lines(
    `[${pyTime(m).replace(',', '.').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${pyTime(m).replace(',', '.').slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(m).replace(',', '.').slice(0, 19)} +0000] [1] [INFO] Using worker: gthread`,
    `[${pyTime(m).replace(',', '.').slice(0, 19)} +0000] [7] [INFO] Booting worker with pid: 7`,
    `[${pyTime(m).replace(',', '.').slice(0, 19)} +0000] [7] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in load_wsgi',
    '    self.wsgi = self.app.wsgi()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 371, in import_app',
    '    mod = importlib.import_module(module)',
    '  File "/app/thumbnailer/wsgi.py", line 4, in <module>',
    '    from thumbnailer.render import make_thumbnails',
    '  File "/app/thumbnailer/render.py", line 6, in <module>',
    '    import cv2',
    '  File "/usr/local/lib/python3.12/site-packages/cv2/__init__.py", line 181, in <module>',
    '    bootstrap()',
    '  File "/usr/local/lib/python3.12/site-packages/cv2/__init__.py", line 153, in bootstrap',
    '    native_module = importlib.import_module("cv2")',
    '                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    'ImportError: libGL.so.1: cannot open shared object file: No such file or directory',
    `[${pyTime(m - 0.01).replace(',', '.').slice(0, 19)} +0000] [7] [INFO] Worker exiting (pid: 7)`,
    `[${pyTime(m - 0.02).replace(',', '.').slice(0, 19)} +0000] [1] [ERROR] Worker (pid:7) exited with code 3`,
    `[${pyTime(m - 0.02).replace(',', '.').slice(0, 19)} +0000] [1] [ERROR] Shutting down: Master`,
    `[${pyTime(m - 0.02).replace(',', '.').slice(0, 19)} +0000] [1] [ERROR] Reason: Worker failed to boot.`,
  );
  const oldLog = (k: number) => lines(
    `${pyTime(40 + k)} WARNING [PIL.Image] /usr/local/lib/python3.12/site-packages/PIL/Image.py:3402: DecompressionBombWarning: Image size (101244000 pixels) exceeds limit of 89478485 pixels, could be decompression bomb DOS attack.`,
    `${pyTime(2.1 + k / 10)} INFO [thumbnailer.render] rendered key=originals/2026/11/21/${8812 + k}.jpg sizes=3 ms=${212 + k * 17}`,
    `${pyTime(0.6)} INFO [thumbnailer.api] GET /healthz 200`,
  );
  return {
    id: 'heldout79-opencv-libgl-missing-slim-image',
    class: 'containers',
    truth: 'Revision 15 (thumbnailer 3.8.0) switched the base image to python:3.12-slim-bookworm, which lacks the libGL/libglib system libraries that opencv-python (not opencv-python-headless) links against; `import cv2` fails with "ImportError: libGL.so.1: cannot open shared object file", gunicorn\'s worker fails to boot and the new pod crash-loops, while the three revision-14 pods keep serving. Fix: use opencv-python-headless (or apt-get install libgl1 libglib2.0-0) or roll back to revision 14.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'video-transcoder', selector: { app: 'video-transcoder' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 70),
      scheduled(fresh, 25.6),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.8.0-slim')}"`, firstAgo: 25.5, lastAgo: 25.5, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.8.0-slim')}" in 4.87s (4.87s including waiting). Image size: 318204117 bytes.`, firstAgo: 25.4, lastAgo: 25.4, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.8.0-slim'), { count: 9, firstAgo: 25.3, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 112, firstAgo: 25, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: trace(1.85) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/libGL\.so\.1|libGL|cv2|opencv/i],
      facts: [/libGL\.so\.1/, /ImportError/, /revision 15|3\.8\.0|slim/i],
      never: [/\bOOM/, /DecompressionBomb/i, /video-transcoder/],
    },
  };
}

// ---- 2. JDK upgrade disables TLS 1.0: STARTTLS to an old SMTP relay fails ----------------------------

function jdkDisablesTls10Smtp(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.54', ['12', '99', '180']);
  const image = (v: string) => `${ECR}/crm/notification-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      envFrom: [{ configMapRef: { name: 'notification-service-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-service',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 34 * DAYS, changeCause: 'argocd: notification-service 5.2.4-jdk8 (eclipse-temurin:8u282-b08-jre)', template: tpl('5.2.4-jdk8') },
      { revision: 23, createdAgo: 41, changeCause: 'argocd: notification-service 5.3.0-jdk17 (eclipse-temurin:17.0.13_11-jre)', template: tpl('5.3.0-jdk17') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 40.5 - k * 1.5 })),
  });
  const cfg = configMap({
    namespace: ns, name: 'notification-service-config', createdAgo: 300 * DAYS,
    data: {
      SPRING_MAIL_HOST: 'smtp-relay.corp.acme.local',
      SPRING_MAIL_PORT: '25',
      SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE: 'true',
      SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED: 'true',
      SPRING_MAIL_PROPERTIES_MAIL_SMTP_CONNECTIONTIMEOUT: '5000',
      NOTIFY_FROM: 'no-reply@acme.example',
    },
  });
  const other = bystander(ns, 'crm-contacts-api', names, 18, { revisions: [57, 58], versions: ['8.1.3', '8.1.4'], olderAgo: 12 * DAYS });
  const logOf = (k: number) => {
    const start = 40.3 - k * 1.5;
    const out = [
      `${bootTime(start)}  INFO 1 --- [           main] c.a.crm.notify.NotificationApplication   : Starting NotificationApplication v5.3.0 using Java 17.0.13 on ${nameOf2(k)} with PID 1 (/app/app.jar started by app in /app)`,
      `${bootTime(start - 0.1)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
      `${bootTime(start - 0.3)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http) with context path ''`,
      `${bootTime(start - 0.3)}  INFO 1 --- [           main] c.a.crm.notify.NotificationApplication   : Started NotificationApplication in 14.87 seconds (JVM running for 16.02)`,
      `${bootTime(start - 6)}  WARN 1 --- [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s185ms).`,
    ];
    for (let i = 0; i < 5; i++) {
      const t = 30 - i * 6.5 - k;
      out.push(
        `${bootTime(t)} ERROR 1 --- [ mail-sender-${(i % 4) + 1}] c.a.crm.notify.mail.SmtpMailer           : Failed to send notification id=ntf_${48120 + i * 37 + k} template=invoice-issued to=<redacted>`,
        'org.springframework.mail.MailSendException: Mail server connection failed; nested exception is javax.mail.MessagingException: Could not convert socket to TLS;',
        '  nested exception is:',
        '\tjavax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate). Failed messages: javax.mail.MessagingException: Could not convert socket to TLS;',
        '  nested exception is:',
        '\tjavax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
        '\tat org.springframework.mail.javamail.JavaMailSenderImpl.doSend(JavaMailSenderImpl.java:448)',
        '\tat org.springframework.mail.javamail.JavaMailSenderImpl.send(JavaMailSenderImpl.java:361)',
        '\tat com.acme.crm.notify.mail.SmtpMailer.send(SmtpMailer.java:71)',
        'Caused by: javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
        '\tat java.base/sun.security.ssl.HandshakeContext.<init>(HandshakeContext.java:172)',
        '\tat java.base/sun.security.ssl.ClientHandshakeContext.<init>(ClientHandshakeContext.java:103)',
        '\tat java.base/sun.security.ssl.TransportContext.kickstart(TransportContext.java:239)',
        '\tat java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:443)',
        '\tat com.sun.mail.util.SocketFetcher.configureSSLSocket(SocketFetcher.java:626)',
        '\tat com.sun.mail.util.SocketFetcher.startTLS(SocketFetcher.java:553)',
        '\tat com.sun.mail.smtp.SMTPTransport.startTLS(SMTPTransport.java:2155)',
        '\t... 14 common frames omitted',
        `${bootTime(t - 0.01)}  WARN 1 --- [ mail-sender-${(i % 4) + 1}] c.a.crm.notify.outbox.OutboxRelay        : notification ntf_${48120 + i * 37 + k} failed (attempt 3/3), moved to dead-letter; smtp=smtp-relay.corp.acme.local:25`,
        `${bootTime(t - 0.2)}  INFO 1 --- [nio-8080-exec-${i + 2}] c.a.crm.notify.api.NotifyController      : POST /v1/notifications 202 accepted id=ntf_${48200 + i * 11 + k}`,
      );
    }
    return lines(...out);
  };
  function nameOf2(k: number): string { return podOf(app, k).metadata?.name ?? ''; }
  return {
    id: 'heldout79-jdk17-disables-tls10-smtp-relay',
    class: 'config',
    truth: 'Revision 23 (notification-service 5.3.0) moved the base image from JDK 8u282 to JDK 17.0.13, whose java.security lists TLSv1 and TLSv1.1 in jdk.tls.disabledAlgorithms; the on-prem SMTP relay smtp-relay.corp.acme.local only speaks TLS 1.0, so STARTTLS fails with "SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)" and every e-mail goes to dead-letter, while the pods stay Ready. Fix: upgrade the relay to TLS 1.2 (or, as a stopgap, re-enable TLSv1 in the image\'s java.security / roll back to revision 22).',
    ask: { service: 'notification-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'notification-service', selector: { app: 'notification-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'crm-contacts-api', selector: { app: 'crm-contacts-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 2, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 1, 37.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 58), 2, 0, 18),
      ...app.pods.map((p, k) => scheduled(p, 40.5 - k * 1.5)),
      probeFailed(podOf(app, 2), 'app', 'Readiness', 'Get "http://' + (podOf(app, 2).status?.podIP ?? '') + ':8080/actuator/health/readiness": dial tcp ' + (podOf(app, 2).status?.podIP ?? '') + ':8080: connect: connection refused', { count: 2, firstAgo: 37.5, lastAgo: 37.3 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/TLS|No appropriate protocol|protocol is disabled|SSLHandshake/i, /SMTP|mail|smtp-relay/i],
      facts: [/SSLHandshakeException/, /17\.0\.13|jdk ?17|Java 17/i, /smtp-relay/],
      never: [/\bOOM/, /PKIX|certificate (has )?expired|unable to find valid certification path/i, /crash ?loop/i],
    },
  };
}

// ---- 3. Express: ERR_HTTP_HEADERS_SENT as an unhandled rejection ends the process -------------------

function expressHeadersSentCrash(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.131', ['40', '117', '222']);
  const image = (v: string) => `${ECR}/web/checkout-bff:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=384' }, { name: 'CART_API_URL', value: 'http://cart-api.web.svc.cluster.local' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const restarts = [7, 9, 6, 8];
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-bff',
    replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-bff 2.18.3', template: tpl('2.18.3') },
      { revision: 42, createdAgo: 52, changeCause: 'argocd: checkout-bff 2.19.0', template: tpl('2.19.0') },
    ],
    pods: restarts.map((r, k) => ({
      revision: 42, node: names[k % 3] ?? '', createdAgo: 51 - k,
      containers: { app: k === 1 ? crashLoop({ exitCode: 1, finishedAgo: 0.7, ranSeconds: 214 }, r) : running({ sinceAgo: 2 + k * 1.7, restarts: r, last: { exitCode: 1, finishedAgo: 2 + k * 1.7, ranSeconds: 300 + k * 40 } }) },
    })),
  });
  const other = bystander(ns, 'storefront-ssr', names, 95, { revisions: [203, 204], versions: ['14.2.0', '14.2.1'], olderAgo: 9 * DAYS });
  const pino = (m: number, level: number, msg: string, extra = '') => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"checkout-bff","msg":"${msg}"${extra}}`;
  const crash = (m: number, k: number) => lines(
    pino(m + 4, 30, 'checkout-bff listening', ',"port":3000,"version":"2.19.0"'),
    pino(m + 3, 40, 'cart-api slow response', ',"url":"http://cart-api.web.svc.cluster.local/v2/carts","ms":1210'),
    pino(m + 0.3, 30, 'request completed', `,"req":{"method":"GET","url":"/api/cart"},"res":{"statusCode":200},"responseTime":${41 + k}`),
    pino(m + 0.01, 30, 'request completed', ',"req":{"method":"POST","url":"/api/cart/apply-coupon"},"res":{"statusCode":422},"responseTime":88,"err":"coupon expired"'),
    'node:internal/process/promises:391',
    '    triggerUncaughtException(err, true /* fromPromise */);',
    '    ^',
    '',
    'Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client',
    '    at ServerResponse.setHeader (node:_http_outgoing:659:11)',
    '    at ServerResponse.header (/app/node_modules/express/lib/response.js:794:10)',
    '    at ServerResponse.send (/app/node_modules/express/lib/response.js:174:12)',
    '    at ServerResponse.json (/app/node_modules/express/lib/response.js:278:15)',
    '    at /app/dist/routes/coupons.js:57:29',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {',
    "  code: 'ERR_HTTP_HEADERS_SENT'",
    '}',
    '',
    'Node.js v20.18.1',
  );
  const pods = app.pods;
  return {
    id: 'heldout79-express-headers-sent-unhandled-rejection',
    class: 'containers',
    truth: 'checkout-bff revision 42 (2.19.0) changed the apply-coupon route so that, when a coupon is rejected, it sends the 422 and then falls through to a second res.json() in an async handler; the resulting "Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client" is an unhandled promise rejection that ends the Node.js process (exit code 1), so every pod restarts whenever a customer enters an expired coupon. Fix: return after the error response (or roll back to revision 41).',
    ask: { service: 'checkout-bff', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-bff', selector: { app: 'checkout-bff' }, pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-ssr', selector: { app: 'storefront-ssr' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 4, 1, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 3, 48),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 204), 2, 0, 95),
      ...pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image('2.19.0'), { count: (restarts[k] ?? 1) + 1, firstAgo: 51 - k, lastAgo: k === 1 ? 3.5 : 2 + k * 1.7 }),
        backOff(p, 'app', { count: (restarts[k] ?? 1) * 2, firstAgo: 44 - k, lastAgo: k === 1 ? 0.2 : 2 + k * 1.7 }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:3000/ready": dial tcp ${p.status?.podIP ?? ''}:3000: connect: connection refused`, { count: restarts[k] ?? 1, firstAgo: 44 - k, lastAgo: k === 1 ? 0.6 : 2 + k * 1.7 }),
      ]),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', {
      previous: crash(k === 1 ? 0.7 : 2 + k * 1.7, k),
      current: k === 1 ? undefined : lines(pino(1.9 + k * 1.7, 30, 'checkout-bff listening', ',"port":3000,"version":"2.19.0"'), pino(0.5, 30, 'request completed', `,"req":{"method":"GET","url":"/api/cart"},"res":{"statusCode":200},"responseTime":${37 + k}`)),
    })),
    expect: {
      verdict: 'problems',
      headline: [/ERR_HTTP_HEADERS_SENT|Cannot set headers after they are sent/i],
      facts: [/ERR_HTTP_HEADERS_SENT/, /apply-coupon|coupons\.js/, /revision 42|2\.19\.0/],
      never: [/\bOOM/, /memory limit|heap/i, /storefront-ssr/],
    },
  };
}

// ---- 4. Postgres role CONNECTION LIMIT exhausted by a new worker sharing the role -----------------

function pgRoleConnectionLimit(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.20', ['15', '88', '164']);
  const dbHost = 'billing-db.cluster-cq81xk2p0v.eu-west-1.rds.amazonaws.com';
  const apiImage = `${ECR}/billing/invoice-api:3.14.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [{
      revision: 17, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 3.14.1',
      template: { containers: [container({ image: apiImage, ports: [8080], envFrom: [{ configMapRef: { name: 'billing-db' } }], env: [{ name: 'DB_MAX_CONNS', value: '20' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 12 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 12 * DAYS - k, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 12 * DAYS - 3, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 3 },
  });
  const workerImage = `${ECR}/billing/invoice-pdf-worker:1.0.0`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-pdf-worker',
    replicas: 4,
    createdAgo: 31,
    revisions: [{
      revision: 1, createdAgo: 31, changeCause: 'argocd: invoice-pdf-worker 1.0.0 (new service)',
      template: { containers: [container({ image: workerImage, ports: [9100], command: ['celery', '-A', 'pdfworker', 'worker', '--concurrency=8'], envFrom: [{ configMapRef: { name: 'billing-db' } }], env: [{ name: 'SQLALCHEMY_POOL_SIZE', value: '10' }, { name: 'SQLALCHEMY_MAX_OVERFLOW', value: '5' }], readiness: null, liveness: null })] },
    }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 1, node: names[k % 3] ?? '', createdAgo: 30.5 - k * 0.3 })),
  });
  const cfg = configMap({
    namespace: ns, name: 'billing-db', createdAgo: 400 * DAYS,
    data: { PGHOST: dbHost, PGPORT: '5432', PGDATABASE: 'billing', PGUSER: 'billing_app', PGSSLMODE: 'require' },
  });
  const pgxErr = (m: number, k: number, route: string) => `{"time":"${at(m)}","level":"ERROR","msg":"request failed","method":"GET","path":"${route}","status":503,"error":"failed to connect to \`user=billing_app database=billing\`: 10.0.77.${41 + k}:5432 (${dbHost}): server error: FATAL: too many connections for role \\"billing_app\\" (SQLSTATE 53300)"}`;
  const apiLog = (k: number) => {
    const out = [
      `{"time":"${at(3 * DAYS)}","level":"WARN","msg":"slow query","query":"SELECT * FROM invoices WHERE customer_id=$1 ORDER BY issued_at DESC","duration_ms":1204}`,
      `{"time":"${at(35)}","level":"INFO","msg":"GET /v1/invoices","status":200,"dur_ms":22}`,
    ];
    for (let i = 0; i < 8; i++) out.push(pgxErr(27 - i * 3.3 - k * 0.2, k, i % 2 === 0 ? '/v1/invoices' : `/v1/invoices/inv_${90211 + i}`));
    out.push(`{"time":"${at(0.5)}","level":"WARN","msg":"pool stats","acquired_conns":${k === 2 ? 0 : 3},"idle_conns":0,"max_conns":20,"empty_acquire_count":${412 + k * 37}}`);
    return lines(...out);
  };
  const workerLog = (k: number) => lines(
    `[${pyTime(30.2 - k * 0.3)}: INFO/MainProcess] Connected to redis://billing-redis.billing.svc.cluster.local:6379/2`,
    `[${pyTime(30.1 - k * 0.3)}: INFO/MainProcess] celery@invoice-pdf-worker ready.`,
    `[${pyTime(12 - k)}: INFO/ForkPoolWorker-${k + 2}] Task pdfworker.render_invoice[7f1c${k}a2e-0d41-4c5b-9a33-51e0c2b7d${k}19] succeeded in 3.412s: None`,
    `[${pyTime(4 - k * 0.5)}: WARNING/ForkPoolWorker-${k + 5}] Task pdfworker.render_invoice[2be0${k}c77-1a9f-4e2d-8c10-aa61f3d5e${k}04] retry: Retry in 10s: OperationalError('(psycopg2.OperationalError) connection to server at "${dbHost}" (10.0.77.42), port 5432 failed: FATAL:  too many connections for role "billing_app"\\n')`,
  );
  const other = bystander(ns, 'payment-webhooks', names, 3 * HOURS, { revisions: [11, 12], versions: ['0.9.4', '0.9.5'], olderAgo: 30 * DAYS });
  const np = podOf(api, 2);
  return {
    id: 'heldout79-postgres-role-connection-limit-new-worker',
    class: 'capacity',
    truth: 'The Postgres role billing_app has a CONNECTION LIMIT; a new Deployment, invoice-pdf-worker (4 replicas, SQLAlchemy pools of 10+5 each), rolled out 31 minutes ago with the same billing-db ConfigMap and role, and since then the role\'s connection slots are taken, so invoice-api (unchanged for 12 days) cannot open connections: "FATAL: too many connections for role \\"billing_app\\"" (SQLSTATE 53300), 503s and a pod failing readiness. Fix: give the worker its own role (or raise the role\'s limit / shrink the pools); invoice-api needs no rollback.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...worker.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 1), 4, 0, 31),
      ...worker.pods.flatMap((p, k) => [scheduled(p, 30.5 - k * 0.3), event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${workerImage}" in 6.104s (6.104s including waiting). Image size: 287311904 bytes.`, firstAgo: 30.4 - k * 0.3, lastAgo: 30.4 - k * 0.3, fieldPath: 'spec.containers{app}' })]),
      probeFailed(np, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 96, firstAgo: 24, lastAgo: 0.2 }),
      probeFailed(podOf(api, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 7, firstAgo: 22, lastAgo: 9 }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many connections for role|53300|connection limit/i, /invoice-pdf-worker|billing_app/],
      facts: [/billing_app/, /invoice-pdf-worker/, /too many connections/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /payment-webhooks/],
    },
  };
}

// ---- 5. nginx sidecar: upstream sent too big header after a bigger session cookie -------------------

function nginxTooBigHeader(): CorpusScenario {
  const ns = 'portal';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '76', '230']);
  const image = (v: string) => `${ECR}/portal/account-portal:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.3-alpine';
  const tpl = (v: string) => ({
    containers: [
      container({ image: image(v), ports: [3000], cpu: '250m', memory: '512Mi', env: [{ name: 'SESSION_STORE', value: 'cookie' }, { name: 'OIDC_ISSUER', value: 'https://login.acme.example/realms/customers' }], readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }) }),
      container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '50m', memory: '64Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] }),
    ],
    volumes: [{ name: 'nginx-conf', configMap: { name: 'account-portal-nginx' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'account-portal',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 11 * DAYS, changeCause: 'argocd: account-portal 4.6.2', template: tpl('4.6.2') },
      { revision: 28, createdAgo: 17, changeCause: 'argocd: account-portal 4.7.0 (store id_token + entitlements in session cookie)', template: tpl('4.7.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 16.5 - k * 1.2 })),
  });
  const conf = configMap({
    namespace: ns, name: 'account-portal-nginx', createdAgo: 200 * DAYS,
    data: {
      'default.conf': [
        'server {',
        '    listen 8080;',
        '    server_name _;',
        '    client_max_body_size 2m;',
        '    location = /nginx-health { access_log off; return 200 "ok"; }',
        '    location / {',
        '        proxy_pass http://127.0.0.1:3000;',
        '        proxy_http_version 1.1;',
        '        proxy_set_header Host $host;',
        '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        '        proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;',
        '        proxy_read_timeout 30s;',
        '    }',
        '}',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'portal-notifications', names, 5 * HOURS, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 22 * DAYS });
  const clients = ['10.0.3.14', '10.0.19.202', '10.0.35.61'];
  const ngx = (k: number) => {
    const out = [
      `${ngxTime(16.3 - k)} [notice] 1#1: nginx/1.27.3`,
      `${ngxTime(16.3 - k)} [notice] 1#1: start worker processes`,
      `${ngxTime(16.2 - k)} [error] 29#29: *3 connect() failed (111: Connection refused) while connecting to upstream, client: ${clients[0]}, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "portal.acme.example"`,
    ];
    for (let i = 0; i < 7; i++) {
      const t = 14 - i * 1.9 - k * 0.3;
      const c = clients[(i + k) % 3] ?? '';
      const path = i % 3 === 2 ? '/account/settings' : '/auth/callback?code=…&state=…';
      const method = 'GET';
      out.push(`${ngxTime(t)} [error] 29#29: *${1800 + i * 211 + k * 7} upstream sent too big header while reading response header from upstream, client: ${c}, server: _, request: "${method} ${path.replace('…', 'a1f').replace('…', 'x9')} HTTP/1.1", upstream: "http://127.0.0.1:3000${path.split('?')[0]}", host: "portal.acme.example", referrer: "https://login.acme.example/"`);
      out.push(`${c} - - [${clfTime(t)}] "${method} ${path.split('?')[0]} HTTP/1.1" 502 157 "https://login.acme.example/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"`);
      out.push(`${c} - - [${clfTime(t - 0.05)}] "GET /_next/static/chunks/app-4f1b2.js HTTP/1.1" 200 48213 "https://portal.acme.example/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
    }
    return lines(...out);
  };
  const appLog = (k: number) => {
    const out = [`{"level":"info","time":"${at(16.2 - k)}","msg":"account-portal 4.7.0 ready on :3000"}`];
    for (let i = 0; i < 5; i++) out.push(`{"level":"info","time":"${at(13.9 - i * 2.5 - k * 0.3)}","msg":"oidc callback ok","user":"u_${71230 + i * 13 + k}","redirect":"/account","set_cookie_bytes":${7100 + i * 93 + k * 11}}`);
    out.push(`{"level":"warn","time":"${at(3 * 60)}","msg":"entitlements service slow","ms":2200}`);
    return lines(...out);
  };
  return {
    id: 'heldout79-nginx-sidecar-upstream-too-big-header',
    class: 'config',
    truth: 'account-portal revision 28 (4.7.0) stores the id_token and entitlements in the session cookie, so its responses now carry ~7 KB Set-Cookie headers; the nginx sidecar (ConfigMap account-portal-nginx) proxies with the default proxy_buffer_size of 4k, logs "upstream sent too big header while reading response header from upstream" and answers 502 on the login callback and other cookie-setting pages, while every pod stays Ready. Fix: raise proxy_buffer_size/proxy_buffers (e.g. 16k) or shrink the cookie.',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, conf,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'portal-notifications', selector: { app: 'portal-notifications' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 0, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 0, 3, 14),
      ...app.pods.map((p, k) => scheduled(p, 16.5 - k * 1.2)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "http://${podOf(app, 0).status?.podIP ?? ''}:3000/api/health": dial tcp ${podOf(app, 0).status?.podIP ?? ''}:3000: connect: connection refused`, { count: 1, firstAgo: 16.3, lastAgo: 16.3 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: ngx(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too big header|proxy_buffer_size|proxy_buffers|buffer/i],
      facts: [/502/, /nginx/i, /revision 28|4\.7\.0|cookie/i],
      never: [/\bOOM/, /crash ?loop/i, /Connection refused[^\n]*(cause|root)/i],
    },
  };
}

// ---- 6. memcached item size limit: objects > 1 MB ----------------------------------------------------

function memcachedObjectTooLarge(): CorpusScenario {
  const ns = 'newsroom';
  const { nodes, names } = threeEksNodes('10.0.205', ['13', '102', '187']);
  const cacheImage = 'docker.io/library/memcached:1.6.31';
  const cache = deploymentApp({
    namespace: ns,
    name: 'article-cache',
    replicas: 2,
    revisions: [{
      revision: 6, createdAgo: 75 * DAYS,
      template: { containers: [container({ name: 'memcached', image: cacheImage, args: ['-m', '2048', '-c', '4096', '-I', '1m', '-t', '4'], ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '500m', memory: '2304Mi', readiness: tcpProbe('memcache'), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }) })] },
    }],
    pods: [0, 1].map((k) => ({ revision: 6, node: names[k + 1] ?? '', createdAgo: 33 * DAYS - k })),
  });
  const image = (v: string) => `${ECR}/newsroom/article-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '1', memory: '1Gi',
      command: ['gunicorn', 'article_api.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000'],
      env: [
        { name: 'MEMCACHED_SERVERS', value: 'article-cache.newsroom.svc.cluster.local:11211' },
        { name: 'CACHE_TTL_SECONDS', value: '600' },
        { name: 'DATABASE_URL', value: 'postgresql://article_ro@newsroom-db.cluster-ro-a91kd02mzx.eu-west-1.rds.amazonaws.com:5432/newsroom' },
      ],
      readiness: httpProbe('/health/ready', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'article-api',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 16 * DAYS, changeCause: 'argocd: article-api 5.3.2', template: tpl('5.3.2') },
      { revision: 9, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: article-api 5.4.0 (cache full rendered article incl. inline media)', template: tpl('5.4.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 9, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const ids = [884213, 884190, 883975, 884301, 882017, 884288, 883340];
  const apiLog = (k: number) => {
    const out = [
      `${pyTime(2 * HOURS + 3 - k)} INFO [uvicorn.error] Application startup complete.`,
      `${pyTime(2 * HOURS + 3 - k)} INFO [article_api.cache] memcached client ready servers=['article-cache.newsroom.svc.cluster.local:11211'] serde=pickle+zlib(threshold=10k)`,
      `${pyTime(50 * HOURS)} WARNING [article_api.feeds] upstream wire feed returned 429, retrying in 30s`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 40 - i * 4.3 - k * 0.4;
      const id = ids[(i + k) % ids.length] ?? 1;
      const size = 1_210_000 + ((i * 15485 + k * 92821) % 1_400_000);
      out.push(`${pyTime(t)} WARNING [article_api.cache] cache set failed key=article:v5:render:${id} bytes=${size} error=MemcacheServerError(b'object too large for cache')`);
      out.push(`${pyTime(t - 0.01)} INFO [uvicorn.access] 10.0.${40 + k}.${17 + i} - "GET /v2/articles/${id} HTTP/1.1" 200 cache=miss ms=${1400 + i * 131 + k * 47}`);
      if (i % 3 === 1) out.push(`${pyTime(t - 0.02)} WARNING [article_api.db] slow query ms=${980 + i * 120} sql="SELECT a.*, array_agg(m.*) FROM articles a LEFT JOIN media m ON m.article_id = a.id WHERE a.id = %(id)s GROUP BY a.id" pool_checked_out=20/20`);
    }
    out.push(`${pyTime(0.8)} INFO [article_api.metrics] cache get_hits=${3100 + k * 40} get_misses=${40200 + k * 310} hit_ratio=0.07 (5m)`);
    return lines(...out);
  };
  const other = bystander(ns, 'comments-api', names, 55, { revisions: [19, 20], versions: ['2.2.0', '2.2.1'], olderAgo: 18 * DAYS });
  return {
    id: 'heldout79-memcached-object-too-large-item-size',
    class: 'config',
    truth: 'article-api revision 9 (5.4.0) caches the whole rendered article including inline media, 1.2–2.6 MB per item, but article-cache runs memcached with `-I 1m` (1 MB item size limit), so every set fails with "SERVER_ERROR object too large for cache", the hit ratio collapses to ~7% and every request falls through to Postgres (slow queries, pool 20/20 checked out). Fix: cache the article without media (or raise -I / roll back to revision 8); memcached itself is healthy and not out of memory.',
    ask: { service: 'article-api', namespace: ns },
    objects: [
      ...nodes, ...cache.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'article-api', selector: { app: 'article-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'article-cache', selector: { app: 'article-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 'memcache' }], endpointPort: 11211 }),
      ...exposed({ namespace: ns, name: 'comments-api', selector: { app: 'comments-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 55),
      ...api.pods.slice(0, 3).map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3 + k, firstAgo: 35 - k, lastAgo: 4 + k })),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...cache.pods.map((p) => logsFor(p, 'memcached', { current: '' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/object too large|item size|-I 1m|1 ?MB|too large/i],
      facts: [/object too large for cache/i, /article-cache|memcached/i, /revision 9|5\.4\.0/],
      never: [/\bOOM/, /out of memory storing|memcached[^\n]*(out of memory|full)/i, /comments-api/],
    },
  };
}

// ---- 7. healthy control: a Kafka consumer that logs MaxListenersExceededWarning at start ------------

function healthyMaxListenersWarning(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.66', ['21', '108', '249']);
  const image = `${ECR}/orders/order-events:6.1.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events',
    replicas: 3,
    revisions: [
      { revision: 12, createdAgo: 21 * DAYS, changeCause: 'argocd: order-events 6.1.3', template: { containers: [container({ image: `${ECR}/orders/order-events:6.1.3`, ports: [9464], readiness: httpProbe('/ready', 9464), liveness: httpProbe('/live', 9464) })] } },
      { revision: 13, createdAgo: 4 * DAYS, changeCause: 'argocd: order-events 6.1.4', template: { containers: [container({ image, ports: [9464], env: [{ name: 'KAFKA_BROKERS', value: 'b-1.orders-msk.kafka.eu-west-1.amazonaws.com:9096,b-2.orders-msk.kafka.eu-west-1.amazonaws.com:9096' }, { name: 'KAFKA_GROUP_ID', value: 'order-events' }], readiness: httpProbe('/ready', 9464), liveness: httpProbe('/live', 9464) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const other = bystander(ns, 'order-api', names, 6 * HOURS, { revisions: [88, 89], versions: ['12.4.0', '12.4.1'], olderAgo: 8 * DAYS });
  const log = (k: number) => {
    const start = 4 * DAYS - k - 0.2;
    const out = [
      `{"level":"INFO","timestamp":"${at(start)}","logger":"kafkajs","message":"[Consumer] Starting","groupId":"order-events"}`,
      `(node:1) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 error listeners added to [TLSSocket]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit`,
      `(Use \`node --trace-warnings ...\` to show where the warning was created)`,
      `{"level":"INFO","timestamp":"${at(start - 0.1)}","logger":"kafkajs","message":"[ConsumerGroup] Consumer has joined the group","groupId":"order-events","memberId":"order-events-${k}a7f2c-3e9d","leaderId":"order-events-0a7f2c-3e9d","isLeader":${k === 0},"memberAssignment":{"orders.v1":[${k * 4},${k * 4 + 1},${k * 4 + 2},${k * 4 + 3}]},"groupProtocol":"RoundRobinAssigner","duration":${3120 + k * 41}}`,
    ];
    for (let i = 0; i < 5; i++) out.push(`{"level":"INFO","timestamp":"${at(8 - i * 1.7 - k * 0.1)}","logger":"order-events","message":"batch processed","topic":"orders.v1","partition":${k * 4 + (i % 4)},"messages":${40 + i * 7 + k},"lag":${i % 3},"ms":${18 + i + k}}`);
    return lines(...out);
  };
  return {
    id: 'heldout79-healthy-kafka-consumer-maxlisteners-warning',
    class: 'healthy',
    truth: 'order-events (revision 13, rolled out 4 days ago) is healthy: three Ready pods, no restarts, consuming orders.v1 with near-zero lag. Each pod printed Node\'s "MaxListenersExceededWarning: Possible EventEmitter memory leak detected" once at start (the kafkajs client adds an error listener per broker connection), a harmless warning with no memory growth behind it.',
    ask: { service: 'order-events', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods, ports: [{ name: 'metrics', port: 9464, targetPort: 9464 }], endpointPort: 9464 }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 6 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|fine|running normally/i],
      facts: [/order-events/],
      never: [/memory leak/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  opencvLibGlMissing(),
  jdkDisablesTls10Smtp(),
  expressHeadersSentCrash(),
  pgRoleConnectionLimit(),
  nginxTooBigHeader(),
  memcachedObjectTooLarge(),
  healthyMaxListenersWarning(),
];
