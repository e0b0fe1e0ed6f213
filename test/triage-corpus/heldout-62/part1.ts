// Held-out stories, sixty-second round, part one:
//   1. a Django service on gunicorn sync workers that calls a carrier's rate API with `requests` and
//      no timeout; the carrier's load balancer now leaves connections half-open, so every worker
//      hangs in an SSL read until gunicorn's WORKER TIMEOUT, probes time out and the gateway 504s;
//   2. a Socket.IO gateway the HPA scaled from 1 to 3 replicas behind a Service without session
//      affinity: long-polling requests land on pods that never saw the handshake ("Session ID
//      unknown"), websocket upgrades already fell back to polling through the proxy;
//   3. a Postgres StatefulSet whose ConfigMap was edited to shared_buffers = 6GB under a 4Gi memory
//      limit: once the buffer pool fills, postgres is OOMKilled (exit 137) every few hours;
//   4. a revision that raised the CPU request 250m → 1000m under an HPA targeting 70% of the request:
//      the HPA scaled 8 → 2 (its minimum) and the two pods saturate;
//   5. a RabbitMQ definitions ConfigMap that gave the pick-orders queue x-message-ttl 60000 without a
//      dead-letter exchange: during a consumer slowdown orders silently expire;
//   6. an Airflow DAG that now calls a vendor API at import: the dag-processor hits the 30 s
//      dagbag_import_timeout and the DAG is deactivated;
//   7. healthy control: a Go geo-lookup service logging net/http "superfluous WriteHeader" lines and a
//      stale GeoLite database warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, clfTime, configMap, container, deploymentApp, event, execProbe, exposed, hpa, httpProbe,
  nameOf, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, service,
  endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, boundClaim, ago, epochMs,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** gunicorn's error-log time: `2026-11-21 03:12:41 +0000`. */
const gTime = (minutes: number): string => `${at(minutes).slice(0, 19).replace('T', ' ')} +0000`;
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** RabbitMQ 3.13's log time: `2026-11-21 03:12:41.563211+00:00`. */
const rmqTime = (minutes: number): string => `${at(minutes).replace('T', ' ').replace('Z', '')}211+00:00`;
/** Airflow's log time: `2026-11-21T03:12:41.563+0000`. */
const afTime = (minutes: number): string => at(minutes).replace('Z', '+0000');
/** Go's log package: `2026/11/21 03:12:41`. */
const goLogTime = ngxTime;
const hpaEvent = (ns: string, name: string, message: string, atAgo: number): k8s.CoreV1Event =>
  event({ on: { kind: 'HorizontalPodAutoscaler', name, namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message, firstAgo: atAgo, lastAgo: atAgo, component: 'horizontal-pod-autoscaler' });

// ---- 1. requests without a timeout: every gunicorn sync worker hangs on a half-open connection -------

function gunicornWorkersHungOnCarrier(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.94', ['12', '140', '203']);
  const image = (v: string) => `${ECR}/fulfillment/shipping-quotes:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['shipping_quotes.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--worker-class', 'sync', '--timeout', '60', '--access-logfile', '-', '--error-logfile', '-'],
      ports: [8000],
      cpu: '500m',
      memory: '768Mi',
      env: [
        { name: 'DJANGO_SETTINGS_MODULE', value: 'shipping_quotes.settings.prod' },
        { name: 'PARCELHUB_API_BASE', value: 'https://rates.parcelhub.eu/api/v3' },
        { name: 'REDIS_URL', value: 'redis://quotes-cache.fulfillment.svc.cluster.local:6379/2' },
        { name: 'DATABASE_HOST', value: 'fulfillment-db.cluster-cq81mzt0x2ab.eu-west-1.rds.amazonaws.com' },
      ],
      readiness: httpProbe('/healthz/ready', 8000, { timeoutSeconds: 2, periodSeconds: 10 }),
      liveness: httpProbe('/healthz/live', 8000, { timeoutSeconds: 5, periodSeconds: 20, failureThreshold: 6, initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-quotes',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 13 * DAYS, changeCause: 'argocd: shipping-quotes 2.8.0', template: tpl('2.8.0') },
      { revision: 15, createdAgo: 6 * DAYS, changeCause: 'argocd: shipping-quotes 2.8.1', template: tpl('2.8.1') },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 6 * DAYS, ready: false, containers: { app: running({ sinceAgo: 31, ready: false, restarts: 3, last: { exitCode: 137, reason: 'Error', finishedAgo: 31, ranSeconds: 1840 } }) } },
      { revision: 15, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, ready: false, containers: { app: running({ sinceAgo: 47, ready: false, restarts: 2, last: { exitCode: 137, reason: 'Error', finishedAgo: 47, ranSeconds: 2410 } }) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 6 * DAYS - 4, containers: { app: running({ sinceAgo: 12, restarts: 4, last: { exitCode: 137, reason: 'Error', finishedAgo: 12, ranSeconds: 1655 } }) } },
    ],
    settled: { available: false, availableSince: 9, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 5 },
  });
  const gwImage = 'docker.io/library/nginx:1.27.2-alpine';
  const gw = deploymentApp({
    namespace: ns,
    name: 'fulfillment-gateway',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'nginx', image: gwImage, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080) })] } }],
    pods: [{ revision: 7, node: names[0] ?? '', createdAgo: 34 * DAYS }, { revision: 7, node: names[2] ?? '', createdAgo: 34 * DAYS }],
  });
  const cacheImage = 'docker.io/library/redis:7.4.1-alpine';
  const cache = deploymentApp({
    namespace: ns,
    name: 'quotes-cache',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: cacheImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '100m', memory: '256Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 2, node: names[1] ?? '', createdAgo: 19 * DAYS }],
  });
  const other = bystander(ns, 'label-printer', names, 53, { revisions: [21, 22], versions: ['5.2.3', '5.3.0'], olderAgo: 11 * DAYS });
  const [q0, q1, q2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const probeTimeout = (p: k8s.V1Pod, path: string) => `Get "http://${p.status?.podIP ?? ''}:8000${path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const site = '/usr/local/lib/python3.11/site-packages';
  const hangTrace = (t: number, pid: number, path: string) => lines(
    `[${gTime(t)}] [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`,
    `[${gTime(t)}] [${pid}] [ERROR] Error handling request ${path}`,
    'Traceback (most recent call last):',
    `  File "${site}/gunicorn/workers/sync.py", line 134, in handle`,
    '    self.handle_request(listener, req, client, addr)',
    `  File "${site}/gunicorn/workers/sync.py", line 177, in handle_request`,
    '    respiter = self.wsgi(environ, resp.start_response)',
    `  File "${site}/django/core/handlers/wsgi.py", line 124, in __call__`,
    '    response = self.get_response(request)',
    `  File "${site}/django/core/handlers/base.py", line 140, in get_response`,
    '    response = self._middleware_chain(request)',
    `  File "${site}/django/core/handlers/exception.py", line 55, in inner`,
    '    response = get_response(request)',
    `  File "${site}/django/core/handlers/base.py", line 197, in _get_response`,
    '    response = wrapped_callback(request, *callback_args, **callback_kwargs)',
    `  File "${site}/rest_framework/views.py", line 506, in dispatch`,
    '    response = handler(request, *args, **kwargs)',
    '  File "/app/quotes/views.py", line 61, in create',
    '    rates = carriers.parcelhub.fetch_rates(shipment)',
    '  File "/app/quotes/carriers/parcelhub.py", line 44, in fetch_rates',
    '    resp = self.session.post(f"{self.base_url}/rates", json=payload, headers=self._headers())',
    `  File "${site}/requests/sessions.py", line 637, in post`,
    '    return self.request("POST", url, data=data, json=json, **kwargs)',
    `  File "${site}/requests/sessions.py", line 589, in request`,
    '    resp = self.send(prep, **send_kwargs)',
    `  File "${site}/requests/sessions.py", line 703, in send`,
    '    r = adapter.send(request, **kwargs)',
    `  File "${site}/requests/adapters.py", line 667, in send`,
    '    resp = conn.urlopen(',
    `  File "${site}/urllib3/connectionpool.py", line 787, in urlopen`,
    '    response = self._make_request(',
    `  File "${site}/urllib3/connectionpool.py", line 534, in _make_request`,
    '    response = conn.getresponse()',
    `  File "${site}/urllib3/connection.py", line 516, in getresponse`,
    '    httplib_response = super().getresponse()',
    '  File "/usr/local/lib/python3.11/http/client.py", line 1395, in getresponse',
    '    response.begin()',
    '  File "/usr/local/lib/python3.11/http/client.py", line 325, in begin',
    '    version, status, reason = self._read_status()',
    '  File "/usr/local/lib/python3.11/http/client.py", line 286, in _read_status',
    '    line = str(self.fp.readline(_MAXLINE + 1), "iso-8859-1")',
    '  File "/usr/local/lib/python3.11/socket.py", line 706, in readinto',
    '    return self._sock.recv_into(b)',
    '  File "/usr/local/lib/python3.11/ssl.py", line 1314, in recv_into',
    '    return self.read(nbytes, buffer)',
    '  File "/usr/local/lib/python3.11/ssl.py", line 1166, in read',
    '    return self._sslobj.read(len, buffer)',
    `  File "${site}/gunicorn/workers/base.py", line 204, in handle_abort`,
    '    sys.exit(1)',
    'SystemExit: 1',
    `[${gTime(t)}] [${pid}] [INFO] Worker exiting (pid: ${pid})`,
    `[${gTime(t - 0.01)}] [1] [ERROR] Worker (pid:${pid}) exited with code 1`,
    `[${gTime(t - 0.01)}] [1] [ERROR] Worker (pid:${pid}) exited with code 1.`,
    `[${gTime(t - 0.02)}] [${pid + 17}] [INFO] Booting worker with pid: ${pid + 17}`,
  );
  const boot = (t: number) => lines(
    `[${gTime(t)}] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${gTime(t)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${gTime(t)}] [1] [INFO] Using worker: sync`,
    ...[7, 8, 9, 10].map((pid) => `[${gTime(t - 0.01)}] [${pid}] [INFO] Booting worker with pid: ${pid}`),
  );
  const quoteLine = (t: number, ip: string) => `${ip} - - [${clfTime(t)}] "POST /v1/quotes HTTP/1.1" 200 1184 "-" "fulfillment-gateway"`;
  const probeOk = (t: number, p: string, node: string) => `${node} - - [${clfTime(t)}] "GET ${p} HTTP/1.1" 200 2 "-" "kube-probe/1.31"`;
  const gwIp = gw.pods[0]?.status?.podIP ?? '10.0.1.1';
  const hostIp = q0.status?.hostIP ?? '10.0.94.12';
  const podLog = (since: number, pidBase: number, timeouts: number[]) => {
    const out: string[] = [boot(since)];
    out.push(`INFO ${pyTime(since - 0.05)} quotes.apps carriers enabled: parcelhub, dpd-direct (rates cache ttl=900s)`);
    out.push(probeOk(since - 0.3, '/healthz/ready', hostIp), quoteLine(since - 0.4, gwIp), probeOk(since - 0.5, '/healthz/live', hostIp));
    out.push(`INFO ${pyTime(since - 0.6)} quotes.carriers.parcelhub requesting rates shipment=SHP-4471823 parcels=2 dest=DE`);
    out.push(`INFO ${pyTime(since - 0.7)} quotes.carriers.parcelhub requesting rates shipment=SHP-4471830 parcels=1 dest=FR`);
    out.push(`WARNING ${pyTime(since - 0.9)} quotes.cache redis GET quotes:v4:SHP-4471830 failed: Error 104 while reading from quotes-cache.fulfillment.svc.cluster.local:6379 : Connection reset by peer; serving without cache`);
    out.push(`INFO ${pyTime(since - 1.1)} quotes.carriers.parcelhub requesting rates shipment=SHP-4471836 parcels=3 dest=NL`);
    out.push(`INFO ${pyTime(since - 1.3)} quotes.carriers.parcelhub requesting rates shipment=SHP-4471841 parcels=1 dest=DE`);
    timeouts.forEach((t, i) => {
      out.push(hangTrace(t, pidBase + i * 17, '/v1/quotes').trimEnd());
      out.push(`INFO ${pyTime(t - 0.05)} quotes.carriers.parcelhub requesting rates shipment=SHP-44718${60 + i} parcels=${1 + (i % 3)} dest=${['DE', 'AT', 'BE', 'PL'][i % 4] ?? 'DE'}`);
    });
    return out.join('\n') + '\n';
  };
  const termTail = (t: number) => lines(`[${gTime(t)}] [1] [INFO] Handling signal: term`);
  const gwErr = (t: number, i: number) => `${ngxTime(t)} [error] 31#31: *${884120 + i} upstream timed out (110: Operation timed out) while reading response header from upstream, client: 10.0.66.${20 + (i % 9)}, server: _, request: "POST /shipping/v1/quotes HTTP/1.1", upstream: "http://${q2.status?.podIP ?? ''}:8000/v1/quotes", host: "fulfillment.internal.acme.io"`;
  const gwAccess = (t: number, i: number) => `10.0.66.${20 + (i % 9)} - - [${clfTime(t)}] "POST /shipping/v1/quotes HTTP/1.1" 504 167 "-" "checkout-api/9.14.2" rt=30.001 uct="0.001" urt="30.000"`;
  return {
    id: 'heldout62-gunicorn-workers-hung-on-carrier-without-timeout',
    class: 'probes',
    truth: 'shipping-quotes calls the ParcelHub rate API with requests.Session.post and no timeout. Since last night ParcelHub\'s load balancer leaves some connections half-open (no response, no RST), so each gunicorn sync worker blocks in an SSL socket read until gunicorn kills it at its 60 s WORKER TIMEOUT; with all four workers stuck the readiness and liveness probes time out, the pods go unready and are restarted, and the gateway answers 504. Fix: give the carrier call a (connect, read) timeout (and a circuit breaker); revision 15 (six days old) and the Redis reset are not the cause.',
    ask: { service: 'shipping-quotes', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gw.objects, ...cache.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipping-quotes', selector: { app: 'shipping-quotes' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'fulfillment-gateway', selector: { app: 'fulfillment-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'quotes-cache', selector: { app: 'quotes-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: cache.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 53),
      probeFailed(q0, 'app', 'Readiness', probeTimeout(q0, '/healthz/ready'), { count: 212, firstAgo: 7 * HOURS, lastAgo: 0.3 }),
      probeFailed(q1, 'app', 'Readiness', probeTimeout(q1, '/healthz/ready'), { count: 188, firstAgo: 7 * HOURS - 12, lastAgo: 0.6 }),
      probeFailed(q2, 'app', 'Readiness', probeTimeout(q2, '/healthz/ready'), { count: 231, firstAgo: 7 * HOURS - 5, lastAgo: 2.2 }),
      probeFailed(q0, 'app', 'Liveness', probeTimeout(q0, '/healthz/live'), { count: 19, firstAgo: 6 * HOURS, lastAgo: 31.6 }),
      probeFailed(q1, 'app', 'Liveness', probeTimeout(q1, '/healthz/live'), { count: 13, firstAgo: 5 * HOURS, lastAgo: 47.6 }),
      probeFailed(q2, 'app', 'Liveness', probeTimeout(q2, '/healthz/live'), { count: 25, firstAgo: 6 * HOURS + 20, lastAgo: 12.6 }),
      probeKilling(q0, 'app', 'liveness', { count: 3, firstAgo: 6 * HOURS - 40, lastAgo: 31.5 }),
      probeKilling(q1, 'app', 'liveness', { count: 2, firstAgo: 4 * HOURS, lastAgo: 47.5 }),
      probeKilling(q2, 'app', 'liveness', { count: 4, firstAgo: 6 * HOURS, lastAgo: 12.5 }),
      ...restartedAgain(q0, 'app', image('2.8.1'), { count: 3, firstAgo: 6 * HOURS - 39, lastAgo: 30.9 }),
      ...restartedAgain(q2, 'app', image('2.8.1'), { count: 4, firstAgo: 6 * HOURS + 1, lastAgo: 11.9 }),
      // yesterday: the Redis pod's node was patched; a careless reader blames the cache.
      event({ on: podOf(cache, 0), reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${podOf(cache, 0).status?.podIP ?? ''}:6379: connect: connection refused`, count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS - 0.2, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: [
      logsFor(q0, 'app', { current: podLog(31, 24, [29.4, 28.3, 27.9, 26.2, 25.1, 24.0, 22.8, 21.6, 19.9, 18.4, 16.7, 14.9, 12.2, 9.8, 7.1, 4.4, 1.6]), previous: podLog(61.7, 24, [60.3, 59.1, 58.6, 56.9, 55.2, 53.8, 51.0, 48.7, 46.1, 43.2, 40.0, 37.7, 35.2, 33.4]) + termTail(31.6) }),
      logsFor(q1, 'app', { current: podLog(47, 31, [45.2, 44.7, 43.0, 41.9, 39.4, 36.8, 33.3, 29.6, 25.0, 20.4, 15.8, 11.3, 6.9, 2.5]) }),
      logsFor(q2, 'app', { current: podLog(12, 19, [10.3, 9.9, 9.1, 8.2, 6.6, 4.9, 3.0, 1.2]) }),
      ...gw.pods.map((p, k) => logsFor(p, 'nginx', { current: lines(...[6, 4.8, 3.5, 2.1, 0.9].flatMap((t, i) => [gwErr(t + k * 0.1, i + k * 10), gwAccess(t + k * 0.1, i + k * 10)]), `10.0.66.14 - - [${clfTime(0.4)}] "GET /labels/v2/jobs/LBL-99812 HTTP/1.1" 200 642 "-" "checkout-api/9.14.2" rt=0.021 uct="0.000" urt="0.020"`) })),
      logsFor(podOf(cache, 0), 'redis', { current: lines(`1:M 20 Nov 2026 01:02:11.402 * Ready to accept connections tcp`, `1:M 21 Nov 2026 02:58:40.117 * 10 changes in 300 seconds. Saving...`, `1:M 21 Nov 2026 02:58:40.121 * Background saving started by pid 2871`, `2871:C 21 Nov 2026 02:58:40.244 * DB saved on disk`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/timeout|hung|hang|block|stuck|WORKER TIMEOUT/i, /parcelhub|carrier|partner|upstream|requests|socket|worker/i],
      facts: [/WORKER TIMEOUT|recv_into|sslobj\.read|_read_status/i, /timeout/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /redis[^\n]{0,60}(cause|root|down|outage)/i, /memory limit/i],
    },
  };
}

// ---- 2. Socket.IO scaled 1 → 3 without sticky sessions ----------------------------------------------

function socketIoScaledWithoutStickySessions(): CorpusScenario {
  const ns = 'support';
  const { nodes, names } = threeEksNodes('10.0.57', ['21', '109', '230']);
  const image = (v: string) => `${ECR}/support/chat-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'SOCKETIO_PATH', value: '/socket.io' },
        { name: 'SOCKETIO_PING_INTERVAL_MS', value: '25000' },
        { name: 'AGENT_API_URL', value: 'http://agent-desk.support.svc.cluster.local' },
      ],
      readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'chat-gateway',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 26 * DAYS, changeCause: 'argocd: chat-gateway 3.4.1', template: tpl('3.4.1') },
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: chat-gateway 3.5.0', template: tpl('3.5.0') },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 22, node: names[1] ?? '', createdAgo: 38 },
      { revision: 22, node: names[2] ?? '', createdAgo: 38 },
    ],
    settled: { available: true, availableSince: 12 * DAYS, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 1 },
  });
  const desk = bystander(ns, 'agent-desk', names, 4 * HOURS, { revisions: [40, 41], versions: ['7.1.2', '7.2.0'], olderAgo: 9 * DAYS });
  const scaler = hpa({ namespace: ns, name: 'chat-gateway', target: { kind: 'Deployment', name: 'chat-gateway' }, min: 1, max: 5, current: 3, desired: 3, cpu: { current: 41, target: 60, averageValue: '123m' }, lastScaleAgo: 38 });
  const [c0, c1, c2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const sid = (i: number) => ['Zr4kQ8Tn1fXb2mAAAB9c', 'p0LqWd7sYv3hKjAAAC1e', 'u8Bv2NcxRz6tGmAAAA7q', 'Kq9rHd4LwE1sPfAAAD2m', 'aT5yJm8ZcV0nXuAAAB4k', 'Wn2dFs6QeR9bLhAAAC8p'][i % 6] ?? 'Zr4kQ8Tn1fXb2mAAAB9c';
  const log = (p: k8s.V1Pod, level: number, t: number, fields: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}",${fields}}`;
  const unknownSid = (p: k8s.V1Pod, t: number, i: number, method: 'GET' | 'POST') =>
    log(p, 40, t, `"msg":"engine connection_error","code":1,"message":"Session ID unknown","context":{"sid":"${sid(i)}"},"method":"${method}","url":"/socket.io/?EIO=4&transport=polling&t=Pk${'QxRm'.slice(i % 4)}${i}&sid=${sid(i)}","ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`);
  const mismatch = (p: k8s.V1Pod, t: number, i: number) =>
    log(p, 40, t, `"msg":"engine connection_error","code":3,"message":"Bad request","context":{"name":"TRANSPORT_MISMATCH","transport":"websocket","previousTransport":"polling"},"method":"GET","url":"/socket.io/?EIO=4&transport=websocket&sid=${sid(i + 3)}"`);
  const connected = (p: k8s.V1Pod, t: number, i: number) => log(p, 30, t, `"msg":"client connected","sid":"${sid(i + 1)}","transport":"polling","room":"conv:${88120 + i}","visitor":true`);
  const disconnected = (p: k8s.V1Pod, t: number, i: number, reason: string) => log(p, 30, t, `"msg":"client disconnected","sid":"${sid(i + 2)}","reason":"${reason}","durationMs":${41000 + i * 3331}`);
  const newPodLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      log(p, 30, 37.6, '"msg":"chat-gateway 3.5.0 listening","port":3000,"path":"/socket.io","transports":["polling","websocket"]'),
      log(p, 30, 37.6, '"msg":"agent-desk client ready","baseUrl":"http://agent-desk.support.svc.cluster.local"'),
    ];
    for (let i = 0; i < 14; i++) {
      const t = 36 - i * 2.5 - k * 0.3;
      out.push(unknownSid(p, t, i + k, i % 2 === 0 ? 'GET' : 'POST'));
      if (i % 3 === 0) out.push(connected(p, t - 0.2, i + k));
      if (i % 4 === 1) out.push(mismatch(p, t - 0.4, i + k));
      if (i % 5 === 2) out.push(disconnected(p, t - 0.6, i + k, 'transport error'));
    }
    return out.join('\n') + '\n';
  };
  const oldPodLog = () => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) out.push(mismatch(c0, 300 - i * 30, i), connected(c0, 299 - i * 30, i), disconnected(c0, 290 - i * 30, i, i % 2 === 0 ? 'ping timeout' : 'client namespace disconnect'));
    for (let i = 0; i < 12; i++) {
      const t = 36.5 - i * 3;
      out.push(unknownSid(c0, t, i + 2, i % 2 === 0 ? 'POST' : 'GET'));
      if (i % 2 === 0) out.push(disconnected(c0, t - 0.1, i, 'transport error'));
      if (i % 3 === 1) out.push(mismatch(c0, t - 0.3, i));
    }
    out.push(log(c0, 30, 0.5, '"msg":"agent reply relayed","conv":"conv:88131","latencyMs":34'));
    return out.join('\n') + '\n';
  };
  const dep = deploymentOf(app);
  return {
    id: 'heldout62-socketio-scaled-without-sticky-sessions',
    class: 'network',
    truth: 'The chat-gateway HPA scaled the Socket.IO Deployment from 1 to 3 replicas 38 minutes ago. Its Service has sessionAffinity None and the ingress has no sticky sessions, and because websocket upgrades never worked through the proxy (TRANSPORT_MISMATCH, clients stay on HTTP long-polling) each polling request of a session is balanced to any pod: two thirds land on a pod that never saw the handshake and get 400 "Session ID unknown", so chats drop and reconnect in a loop. Fix: sticky sessions (Service sessionAffinity ClientIP / cookie affinity at the ingress) and a shared adapter, or back to one replica; the pods themselves are healthy.',
    ask: { service: 'chat-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...desk.objects, scaler,
      ...exposed({ namespace: ns, name: 'chat-gateway', selector: { app: 'chat-gateway' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'agent-desk', selector: { app: 'agent-desk' }, pods: desk.pods }),
      hpaEvent(ns, 'chat-gateway', 'New size: 3; reason: cpu resource utilization (percentage of request) above target', 38.2),
      scaledReplicaSet(dep, rsOf(app, 22), 3, 1, 38.1),
      scaledReplicaSet(deploymentOf(desk), rsOf(desk, 41), 2, 0, 4 * HOURS),
      ...startedNormally(c1, 'app', image('3.5.0'), 38),
      ...startedNormally(c2, 'app', image('3.5.0'), 38),
      event({ on: c1, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${c1.status?.podIP ?? ''}:3000/health": dial tcp ${c1.status?.podIP ?? ''}:3000: connect: connection refused`, count: 1, firstAgo: 37.8, lastAgo: 37.8, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(c0, 'app', { current: oldPodLog() }),
      logsFor(c1, 'app', { current: newPodLog(c1, 0) }),
      logsFor(c2, 'app', { current: newPodLog(c2, 1) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sticky|affinity|Session ID unknown|session id/i, /scal|replica|HPA|1 ?(→|->|to) ?3/i],
      facts: [/Session ID unknown/, /sessionAffinity|ClientIP|sticky/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /CORS/, /crash ?loop/i, /agent-desk[^\n]{0,60}(cause|broke)/i],
    },
  };
}

// ---- 3. Postgres shared_buffers 6GB under a 4Gi limit: OOMKilled every few hours ---------------------

function postgresSharedBuffersOverLimit(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.120', ['44', '171', '9']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const exporterImage = 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0';
  const conf = (buffers: string) => [
    "listen_addresses = '*'",
    'max_connections = 200',
    `shared_buffers = ${buffers}`,
    'effective_cache_size = 3GB',
    'work_mem = 16MB',
    'maintenance_work_mem = 256MB',
    'wal_level = replica',
    'max_wal_size = 4GB',
    'min_wal_size = 1GB',
    'checkpoint_completion_target = 0.9',
    'random_page_cost = 1.1',
    "shared_preload_libraries = 'pg_stat_statements'",
    'log_min_duration_statement = 500',
    "log_line_prefix = '%m [%p] '",
    '',
  ].join('\n');
  const tpl = (restartedAt?: string) => ({
    containers: [
      container({
        name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
        ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
        env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'orders' }],
        readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
        liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 30 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }, { name: 'dshm', mountPath: '/dev/shm' }],
      }),
      container({ name: 'postgres-exporter', image: exporterImage, ports: [{ name: 'metrics', containerPort: 9187 }], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, env: [{ name: 'DATA_SOURCE_URI', value: '127.0.0.1:5432/orders?sslmode=disable' }] }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'orders-db-config' } }, { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }],
    securityContext: { fsGroup: 999 },
    terminationGracePeriodSeconds: 60,
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const restartAgo = 9 * HOURS + 4;
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db-headless',
    createdAgo: 210 * DAYS,
    revisions: [
      { revision: 5, createdAgo: 41 * DAYS, template: tpl('2026-10-11T09:20:31Z') },
      { revision: 6, createdAgo: restartAgo, template: tpl(ago(restartAgo).toISOString().replace(/\.\d+Z$/, 'Z')) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{
      revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: restartAgo - 0.5,
      containers: { postgres: running({ sinceAgo: 24, restarts: 2, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 24.2, ranSeconds: Math.round((restartAgo - 4 * HOURS - 38 - 24.2) * 60) } }) },
    }],
  });
  const [claim, volume] = boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const cm = configMap({ namespace: ns, name: 'orders-db-config', createdAgo: 210 * DAYS, updatedAgo: restartAgo + 7, data: { 'postgresql.conf': conf('6GB') } });
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 12.3.0', template: { containers: [container({ image: apiImage('12.3.0'), cpu: '500m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.orders.svc.cluster.local:5432/orders?sslmode=disable' }, { name: 'DB_MAX_CONNS', value: '40' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const pod = podOf(db, 0);
  const dbSvc = service({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const headless = service({ namespace: ns, name: 'orders-db-headless', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true });
  const pgStart = (t: number) => [
    `${pgTime(t)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(t)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(t)} [1] LOG:  listening on IPv6 address "::", port 5432`,
    `${pgTime(t)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
  ];
  const crashRecovery = (t: number, lastUp: number, lsn: string) => [
    ...pgStart(t),
    `${pgTime(t - 0.01)} [29] LOG:  database system was interrupted; last known up at ${pgTime(lastUp).replace(/\.\d+ UTC$/, ' UTC')}`,
    `${pgTime(t - 0.03)} [31] FATAL:  the database system is starting up`,
    `${pgTime(t - 0.05)} [29] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${pgTime(t - 0.05)} [29] LOG:  redo starts at ${lsn}`,
    `${pgTime(t - 0.4)} [29] LOG:  invalid record length at 2E/91C45F20: expected at least 24, got 0`,
    `${pgTime(t - 0.4)} [29] LOG:  redo done at 2E/91C45EE8 system usage: CPU: user: 4.11 s, system: 2.37 s, elapsed: 21.02 s`,
    `${pgTime(t - 0.42)} [27] LOG:  checkpoint starting: end-of-recovery immediate wait`,
    `${pgTime(t - 0.55)} [27] LOG:  checkpoint complete: wrote 48211 buffers (0.6%); 0 WAL file(s) added, 0 removed, 9 recycled; write=6.912 s, sync=0.388 s, total=7.660 s; sync files=311, longest=0.061 s, average=0.002 s; distance=612344 kB, estimate=612344 kB; lsn=2E/91C45F20, redo lsn=2E/91C45F20`,
    `${pgTime(t - 0.56)} [1] LOG:  database system is ready to accept connections`,
  ];
  const busy = (from: number, to: number) => {
    const out: string[] = [];
    for (let t = from, i = 0; t > to; t -= 9, i++) {
      out.push(`${pgTime(t)} [${4100 + i * 37}] LOG:  duration: ${620 + (i * 211) % 900}.${100 + i}ms  statement: SELECT o.id, o.status, li.sku, li.qty FROM orders o JOIN line_items li ON li.order_id = o.id WHERE o.customer_id = $1 AND o.created_at > now() - interval '2 years' ORDER BY o.created_at DESC`);
      if (i % 4 === 0) out.push(`${pgTime(t - 1)} [27] LOG:  checkpoint starting: time`, `${pgTime(t - 5)} [27] LOG:  checkpoint complete: wrote 21044 buffers (0.3%); 0 WAL file(s) added, 0 removed, 4 recycled; write=269.812 s, sync=0.151 s, total=270.201 s; sync files=188, longest=0.021 s, average=0.001 s; distance=301233 kB, estimate=402118 kB; lsn=2E/4B7712C8, redo lsn=2E/3F0A1150`);
      if (i % 6 === 3) out.push(`${pgTime(t - 2)} [${5200 + i}] LOG:  automatic vacuum of table "orders.public.line_items": index scans: 1`);
    }
    return out;
  };
  const previous = [
    ...crashRecovery(restartAgo - 4 * HOURS - 38, restartAgo - 4 * HOURS - 39, '2D/0F11A2B8'),
    ...busy(restartAgo - 4 * HOURS - 45, 3 * HOURS),
    `${pgTime(2 * HOURS + 51)} [1] LOG:  server process (PID 61877) was terminated by signal 9: Killed`,
    `${pgTime(2 * HOURS + 51)} [1] DETAIL:  Failed process was running: SELECT date_trunc('hour', o.created_at) AS h, count(*), sum(o.total_cents) FROM orders o WHERE o.created_at > now() - interval '90 days' GROUP BY 1 ORDER BY 1`,
    `${pgTime(2 * HOURS + 51)} [1] LOG:  terminating any other active server processes`,
    `${pgTime(2 * HOURS + 50.98)} [62011] FATAL:  the database system is in recovery mode`,
    `${pgTime(2 * HOURS + 50.97)} [62012] FATAL:  the database system is in recovery mode`,
    `${pgTime(2 * HOURS + 50.95)} [1] LOG:  all server processes terminated; reinitializing`,
    `${pgTime(2 * HOURS + 50.94)} [62015] LOG:  database system was interrupted; last known up at ${pgTime(2 * HOURS + 54).replace(/\.\d+ UTC$/, ' UTC')}`,
    `${pgTime(2 * HOURS + 50.9)} [62015] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${pgTime(2 * HOURS + 50.6)} [62015] LOG:  redo done at 2E/1C08A7F0 system usage: CPU: user: 1.92 s, system: 0.88 s, elapsed: 17.40 s`,
    `${pgTime(2 * HOURS + 50.5)} [1] LOG:  database system is ready to accept connections`,
    ...busy(2 * HOURS + 48, 25),
  ].join('\n') + '\n';
  const current = [...crashRecovery(23.9, 24.3, '2E/8B02C4D0'), ...busy(22, 0.5)].join('\n') + '\n';
  const dbIp = dbSvc.spec?.clusterIP ?? '';
  const apiLog = (k: number) => lines(
    `{"level":"error","ts":"${at(2 * HOURS + 51 - k * 0.01)}","caller":"store/orders.go:211","msg":"query failed","op":"ListOrders","error":"read tcp ${api.pods[k]?.status?.podIP ?? ''}:51822->${dbIp}:5432: read: connection reset by peer"}`,
    `{"level":"error","ts":"${at(2 * HOURS + 50.97 - k * 0.01)}","caller":"store/pool.go:64","msg":"acquire failed","error":"FATAL: the database system is in recovery mode (SQLSTATE 57P03)"}`,
    `{"level":"info","ts":"${at(2 * HOURS + 49)}","caller":"http/server.go:77","msg":"request","method":"GET","path":"/v1/orders","status":200,"duration_ms":${41 + k}}`,
    `{"level":"error","ts":"${at(24.2 - k * 0.01)}","caller":"store/orders.go:211","msg":"query failed","op":"GetOrder","error":"unexpected EOF"}`,
    `{"level":"error","ts":"${at(24.15 - k * 0.01)}","caller":"store/pool.go:64","msg":"acquire failed","error":"dial tcp ${dbIp}:5432: connect: connection refused"}`,
    `{"level":"error","ts":"${at(23.88 - k * 0.01)}","caller":"store/pool.go:64","msg":"acquire failed","error":"FATAL: the database system is starting up (SQLSTATE 57P03)"}`,
    `{"level":"warn","ts":"${at(23.5)}","caller":"http/server.go:81","msg":"request","method":"POST","path":"/v1/orders","status":503,"duration_ms":5002}`,
    `{"level":"info","ts":"${at(0.7)}","caller":"http/server.go:77","msg":"request","method":"GET","path":"/v1/orders/ORD-2291834","status":200,"duration_ms":${12 + k}}`,
  );
  return {
    id: 'heldout62-postgres-shared-buffers-over-memory-limit',
    class: 'config',
    truth: 'Nine hours ago someone edited the orders-db-config ConfigMap to shared_buffers = 6GB (from 1GB) and rollout-restarted the orders-db StatefulSet, whose postgres container is limited to 4Gi. Postgres starts fine because shared memory is only charged as pages are touched; as the buffer pool fills under load the container crosses its limit and the kernel kills it (OOMKilled, exit 137) every few hours, so orders-api sees connection resets, "the database system is in recovery mode" and "starting up". Fix: shared_buffers about 25% of the limit (1GB) or raise the limit well above shared_buffers.',
    ask: { service: 'orders-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, volume, cm, ...api.objects, dbSvc, endpointSliceFor(dbSvc, db.pods, 5432), headless, endpointSliceFor(headless, db.pods, 5432),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...startedNormally(pod, 'postgres', pgImage, restartAgo - 0.5),
      ...restartedAgain(pod, 'postgres', pgImage, { count: 2, firstAgo: restartAgo - 4 * HOURS - 38.1, lastAgo: 24.1 }),
      event({ on: pod, reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - rejecting connections\n', count: 5, firstAgo: restartAgo - 4 * HOURS - 38, lastAgo: 23.7, fieldPath: 'spec.containers{postgres}' }),
      event({ on: { kind: 'StatefulSet', name: 'orders-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod orders-db-0 in StatefulSet orders-db successful', firstAgo: restartAgo, lastAgo: restartAgo, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'orders-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod orders-db-0 in StatefulSet orders-db successful', firstAgo: restartAgo - 0.5, lastAgo: restartAgo - 0.5, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(pod, 'postgres', { current, previous }),
      logsFor(pod, 'postgres-exporter', { current: lines(`ts=${at(restartAgo - 0.4)} caller=main.go:148 level=info msg="Listening on" address=[::]:9187`, `ts=${at(24.1)} caller=collector.go:196 level=error msg="collector failed" name=bgwriter duration_seconds=0.001872 err="dial tcp 127.0.0.1:5432: connect: connection refused"`, `ts=${at(23.8)} caller=postgres_exporter.go:682 level=error err="Error opening connection to database (postgresql://127.0.0.1:5432/orders?sslmode=disable): pq: the database system is starting up"`) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shared_buffers/, /OOM|137|memory/i],
      facts: [/6GB/, /4Gi/, /orders-db-config/],
      never: [/memory leak/i, ADVISES_ROLLBACK, /evict/i, /node[^\n]{0,30}pressure/i],
    },
  };
}

// ---- 4. CPU request raised 250m → 1000m under the same HPA target: scaled in to 2 ---------------------

function cpuRequestRaisedHpaScaledIn(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.33', ['60', '145', '222']);
  const image = (v: string) => `${ECR}/search/query-api:${v}`;
  const tpl = (v: string, cpu: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu, memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' },
        { name: 'SERVER_TOMCAT_THREADS_MAX', value: '64' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '10' },
        { name: 'SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT', value: '2000' },
        { name: 'ELASTICSEARCH_URIS', value: 'https://search-es.internal.acme.io:9200' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 5, initialDelaySeconds: 60 }),
    })],
  });
  const revAgo = 2 * HOURS + 10;
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 11 * DAYS, changeCause: 'argocd: query-api 6.9.4', template: tpl('6.9.4', '250m') },
      { revision: 19, createdAgo: revAgo, changeCause: 'argocd: query-api 6.9.4 (resources: cpu request 250m -> 1, PERF-2231)', template: tpl('6.9.4', '1') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: revAgo - 1, containers: { app: running({ sinceAgo: revAgo - 1.5 }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: revAgo - 3, ready: false, containers: { app: running({ sinceAgo: 44, ready: false, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 44.1, ranSeconds: (revAgo - 48) * 60 } }) } },
    ],
    settled: { available: true, availableSince: revAgo - 6, progressingSince: revAgo, progressingUpdatedAgo: revAgo - 6 },
  });
  const scaler = hpa({
    namespace: ns, name: 'query-api', target: { kind: 'Deployment', name: 'query-api' }, min: 2, max: 12, current: 2, desired: 2,
    cpu: { current: 68, target: 70, averageValue: '683m' }, lastScaleAgo: revAgo - 13,
  });
  const indexer = bystander(ns, 'search-indexer', names, 35, { revisions: [63, 64], versions: ['3.1.7', '3.2.0'], olderAgo: 6 * DAYS });
  const [a0, a1] = [podOf(app, 0), podOf(app, 1)];
  const dep = deploymentOf(app);
  const probe = (p: k8s.V1Pod, path: string) => `Get "http://${p.status?.podIP ?? ''}:8080${path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const sb = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [query-api] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const podLog = (k: number, since: number) => {
    const out = [
      sb(since, 'INFO', 'main', 'c.a.search.QueryApiApplication', 'Starting QueryApiApplication v6.9.4 using Java 21.0.5 with PID 1 (/app/query-api.jar started by app in /app)'),
      sb(since - 0.3, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      sb(since - 0.5, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      sb(since - 0.5, 'INFO', 'main', 'c.a.search.QueryApiApplication', 'Started QueryApiApplication in 21.384 seconds (process running for 22.911)'),
    ];
    for (let i = 0; i < 18; i++) {
      const t = 40 - i * 2.2 - k * 0.4;
      out.push(sb(t, 'WARN', `nio-8080-exec-${12 + ((i * 7 + k) % 52)}`, 'c.a.search.web.SlowRequestFilter', `slow request GET /v2/search?q=${['winter+boots', 'usb-c+hub', 'rain+jacket', 'desk+lamp', 'yoga+mat'][i % 5] ?? 'x'} took ${3900 + ((i * 977 + k * 311) % 5200)} ms (queue wait ${2100 + ((i * 613) % 3000)} ms)`));
      if (i % 3 === 1) out.push(sb(t - 0.05, 'WARN', `nio-8080-exec-${30 + (i % 30)}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 08003'), sb(t - 0.05, 'ERROR', `nio-8080-exec-${30 + (i % 30)}`, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'HikariPool-1 - Connection is not available, request timed out after 2001ms (total=10, active=10, idle=0, waiting=37)'));
      if (i % 5 === 3) out.push(sb(t - 0.1, 'ERROR', `nio-8080-exec-${5 + (i % 40)}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause'));
    }
    out.push(sb(0.3, 'INFO', 'scheduling-1', 'c.a.search.synonyms.SynonymRefresher', 'synonyms refreshed: 4412 entries (unchanged)'));
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout62-cpu-request-raised-hpa-scaled-in-to-min',
    class: 'capacity',
    truth: 'Revision 19 of query-api raised the CPU request from 250m to 1 core (PERF-2231) but left its HPA at 70% average utilization of the request. The same load that used ~175m per pod (70% of 250m) now measured ~17% of 1 core, so the HPA scaled the Deployment from 8 to 5 and then to its minimum of 2; two pods at ~68% of their request keep the HPA content, but each pod has only 64 Tomcat threads and 10 Hikari connections, so requests queue, latency soars, the readiness probe times out and pods flap. Fix: raise the HPA target (or minReplicas) in proportion to the new request, or put the request back.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, scaler, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      scaledReplicaSet(dep, rsOf(app, 19), 2, 0, revAgo),
      scaledReplicaSet(dep, rsOf(app, 18), 6, 8, revAgo - 1),
      scaledReplicaSet(dep, rsOf(app, 19), 4, 2, revAgo - 1.5),
      scaledReplicaSet(dep, rsOf(app, 18), 4, 6, revAgo - 2),
      scaledReplicaSet(dep, rsOf(app, 19), 6, 4, revAgo - 2.5),
      scaledReplicaSet(dep, rsOf(app, 18), 2, 4, revAgo - 3),
      scaledReplicaSet(dep, rsOf(app, 19), 8, 6, revAgo - 3.5),
      scaledReplicaSet(dep, rsOf(app, 18), 0, 2, revAgo - 4),
      hpaEvent(ns, 'query-api', 'New size: 5; reason: All metrics below target', revAgo - 8),
      scaledReplicaSet(dep, rsOf(app, 19), 5, 8, revAgo - 8),
      hpaEvent(ns, 'query-api', 'New size: 2; reason: All metrics below target', revAgo - 13),
      scaledReplicaSet(dep, rsOf(app, 19), 2, 5, revAgo - 13),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 64), 2, 0, 35),
      probeFailed(a0, 'app', 'Readiness', probe(a0, '/actuator/health/readiness'), { count: 96, firstAgo: revAgo - 25, lastAgo: 1.2 }),
      probeFailed(a1, 'app', 'Readiness', probe(a1, '/actuator/health/readiness'), { count: 141, firstAgo: revAgo - 24, lastAgo: 0.2 }),
      probeFailed(a1, 'app', 'Liveness', probe(a1, '/actuator/health/liveness'), { count: 5, firstAgo: 45, lastAgo: 44.3 }),
      probeKilling(a1, 'app', 'liveness', { count: 1, firstAgo: 44.2, lastAgo: 44.2 }),
      ...restartedAgain(a1, 'app', image('6.9.4'), { count: 1, firstAgo: 44, lastAgo: 44 }),
    ],
    logs: [
      logsFor(a0, 'app', { current: podLog(0, revAgo - 1.5) }),
      logsFor(a1, 'app', { current: podLog(1, 44) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HPA|autoscal/i, /request|1000m|250m|\b1 ?(core|cpu)|revision 19/i],
      facts: [/70 ?%/, /from 8|8 (→|->|to) ?(5|2)|minReplicas|minimum|min(imum)? (of )?2/i],
      never: [/\bOOM/, /max(imum|Replicas)?[^\n]{0,15}12|at (its |the )?max/i, /(database|postgres|elasticsearch)[^\n]{0,40}(down|outage|unreachable)/i, /search-indexer[^\n]{0,60}(cause|broke)/i],
    },
  };
}

// ---- 5. RabbitMQ definitions: x-message-ttl on the work queue without a dead-letter exchange ---------

function rabbitTtlWithoutDeadLetter(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.208', ['17', '98', '164']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const definitions = (pickArgs: string) => JSON.stringify({
    rabbit_version: '3.13.7',
    vhosts: [{ name: 'wms' }],
    exchanges: [
      { name: 'orders', vhost: 'wms', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} },
      { name: 'orders.dlx', vhost: 'wms', type: 'fanout', durable: true, auto_delete: false, internal: false, arguments: {} },
      { name: 'labels', vhost: 'wms', type: 'direct', durable: true, auto_delete: false, internal: false, arguments: {} },
    ],
    queues: [
      { name: 'pick-orders', vhost: 'wms', durable: true, auto_delete: false, arguments: JSON.parse(pickArgs) as Record<string, unknown> },
      { name: 'pick-orders.parked', vhost: 'wms', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'classic' } },
      { name: 'label-jobs', vhost: 'wms', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': 'orders.dlx', 'x-delivery-limit': 5 } },
      { name: 'stock-events', vhost: 'wms', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'classic', 'x-max-length': 200000 } },
    ],
    bindings: [
      { source: 'orders', vhost: 'wms', destination: 'pick-orders', destination_type: 'queue', routing_key: 'order.released.#', arguments: {} },
      { source: 'orders.dlx', vhost: 'wms', destination: 'pick-orders.parked', destination_type: 'queue', routing_key: '', arguments: {} },
      { source: 'labels', vhost: 'wms', destination: 'label-jobs', destination_type: 'queue', routing_key: 'label', arguments: {} },
    ],
    policies: [],
  }, null, 2);
  const cmAgo = 2 * DAYS + 3 * HOURS;
  const cm = configMap({
    namespace: ns, name: 'rabbitmq-config', createdAgo: 300 * DAYS, updatedAgo: cmAgo,
    data: {
      'rabbitmq.conf': 'load_definitions = /etc/rabbitmq/definitions.json\ndefinitions.skip_if_unchanged = true\nvm_memory_high_watermark.relative = 0.6\ndisk_free_limit.absolute = 2GB\nconsumer_timeout = 1800000\nloopback_users.guest = false\n',
      'enabled_plugins': '[rabbitmq_management,rabbitmq_prometheus,rabbitmq_peer_discovery_k8s].\n',
      'definitions.json': definitions('{"x-queue-type":"classic","x-message-ttl":60000}'),
    },
  });
  const rmqTpl = (restartedAt?: string) => ({
    containers: [container({
      name: 'rabbitmq', image: rmqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'prometheus', containerPort: 15692 }],
      cpu: '1', memory: '2Gi',
      readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { periodSeconds: 30, timeoutSeconds: 10 }),
      liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { periodSeconds: 60, timeoutSeconds: 15, initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/rabbitmq' }, { name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config' } }],
    terminationGracePeriodSeconds: 120,
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const rmqRestart = cmAgo - 6;
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 1, serviceName: 'rabbitmq-headless', createdAgo: 300 * DAYS,
    revisions: [
      { revision: 8, createdAgo: 70 * DAYS, template: rmqTpl() },
      { revision: 9, createdAgo: rmqRestart, template: rmqTpl(ago(rmqRestart).toISOString().replace(/\.\d+Z$/, 'Z')) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 9, ordinal: 0, node: names[2] ?? '', createdAgo: rmqRestart - 0.5 }],
  });
  const [claim, volume] = boundClaim({ namespace: ns, name: 'data-rabbitmq-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS });
  const workerImage = (v: string) => `${ECR}/warehouse/pick-worker:${v}`;
  const worker = deploymentApp({
    namespace: ns, name: 'pick-worker', replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 17 * DAYS, changeCause: 'argocd: pick-worker 4.6.2', template: { containers: [container({ image: workerImage('4.6.2'), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 'metrics'), liveness: httpProbe('/livez', 'metrics'), env: [{ name: 'AMQP_QUEUE', value: 'pick-orders' }, { name: 'AMQP_PREFETCH', value: '10' }, { name: 'WMS_GATEWAY_URL', value: 'http://wms-gateway.warehouse.svc.cluster.local' }] })] } },
      { revision: 31, createdAgo: 8 * DAYS, changeCause: 'argocd: pick-worker 4.7.0', template: { containers: [container({ image: workerImage('4.7.0'), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 'metrics'), liveness: httpProbe('/livez', 'metrics'), env: [{ name: 'AMQP_QUEUE', value: 'pick-orders' }, { name: 'AMQP_PREFETCH', value: '10' }, { name: 'WMS_GATEWAY_URL', value: 'http://wms-gateway.warehouse.svc.cluster.local' }] })] } },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 8 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 3 * DAYS, ranSeconds: 4 * 86400 } }) } } : {}) })),
  });
  const producerImage = `${ECR}/warehouse/order-release:2.19.1`;
  const producer = deploymentApp({
    namespace: ns, name: 'order-release', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 23 * DAYS, changeCause: 'argocd: order-release 2.19.1', template: { containers: [container({ image: producerImage, ports: [8080], cpu: '200m', memory: '384Mi' })] } }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 23 * DAYS }, { revision: 12, node: names[1] ?? '', createdAgo: 23 * DAYS }],
  });
  const wms = bystander(ns, 'wms-gateway', names, 9 * HOURS, { revisions: [88, 89], versions: ['1.40.2', '1.41.0'], olderAgo: 12 * DAYS });
  const rmqPod = podOf(rmq, 0);
  const amqpSvc = service({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }] });
  const headless = service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'amqp', port: 5672, targetPort: 'amqp' }], headless: true });
  const order = (i: number) => `ORD-${7731200 + i * 7}`;
  const wlog = (t: number, level: string, caller: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(t)}","caller":"${caller}","msg":"${msg}"${extra}}`;
  const workerLog = (k: number) => {
    const out = [wlog(8 * DAYS - k - 0.5, 'info', 'cmd/worker/main.go:57', 'consuming', ',"queue":"pick-orders","prefetch":10,"vhost":"wms"')];
    // stats every 5 minutes; the slowdown (WMS gateway) begins ~75 minutes ago.
    for (let t = 130, i = 0; t >= 1; t -= 5, i++) {
      const slow = t < 75;
      const acked = slow ? 11 + ((i + k) % 4) : 52 + ((i * 7 + k) % 12);
      const handle = slow ? 19000 + ((i * 397 + k * 53) % 6000) : 260 + ((i * 31 + k) % 90);
      if (slow && i % 2 === 0) out.push(wlog(t + 1.5, 'warn', 'wms/client.go:118', 'wms reserve-bin slow', `,"order_id":"${order(i * 10 + k)}","duration_ms":${handle + 800},"endpoint":"POST /v1/bins/reserve"`));
      out.push(wlog(t + 1, 'info', 'consumer/handler.go:92', 'pick task created', `,"order_id":"${order(i * 10 + k + 1)}","lines":${2 + (i % 5)},"handle_ms":${handle}`));
      out.push(wlog(t, 'info', 'consumer/stats.go:41', 'consumer stats', `,"queue":"pick-orders","window":"5m","delivered":${acked},"acked":${acked},"nacked":0,"requeued":0,"queue_messages_ready":${slow ? (i % 3) * 4 : 0},"consumers":4,"avg_handle_ms":${handle}`));
    }
    return out.join('\n') + '\n';
  };
  const producerLog = (k: number) => {
    const out: string[] = [];
    for (let t = 130, i = 0; t >= 1; t -= 5, i++) {
      out.push(`${pyTime(t + 2)} INFO order_release.publisher published order ${order(i * 20 + k * 3)} routing_key=order.released.eu-central wave=W${4410 + Math.floor(i / 6)}`);
      out.push(`${pyTime(t)} INFO order_release.stats released=${110 + ((i * 13 + k * 7) % 14)} published=${110 + ((i * 13 + k * 7) % 14)} confirms=${110 + ((i * 13 + k * 7) % 14)} nacks=0 returned=0 window=5m exchange=orders`);
    }
    out.push(`${pyTime(0.6)} WARNING order_release.carrier_cutoff wave W4432 released 4 min after DHL cut-off (18:00 local); orders will ship tomorrow`);
    return out.join('\n') + '\n';
  };
  const rmqBoot = rmqRestart - 0.6;
  const rmqLog = [
    `${rmqTime(rmqBoot)} [notice] <0.44.0> Application syslog exited with reason: stopped`,
    `${rmqTime(rmqBoot)} [info] <0.254.0> Starting RabbitMQ 3.13.7 on Erlang 26.2.5.4 [jit]`,
    `${rmqTime(rmqBoot)} [info] <0.254.0>  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.254.0> Ready to start client connection listeners`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Will try to load definitions from a local file or directory at '/etc/rabbitmq/definitions.json'`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Applying definitions from regular file at /etc/rabbitmq/definitions.json`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Asked to import definitions. Acting user: rmq-internal`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Importing concurrently 1 vhosts...`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Importing concurrently 3 exchanges...`,
    `${rmqTime(rmqBoot - 0.1)} [info] <0.679.0> Importing concurrently 4 queues...`,
    `${rmqTime(rmqBoot - 0.11)} [info] <0.679.0> Importing concurrently 3 bindings...`,
    `${rmqTime(rmqBoot - 0.12)} [info] <0.721.0> started TCP listener on [::]:5672`,
    `${rmqTime(rmqBoot - 0.12)} [info] <0.254.0> Server startup complete; 5 plugins started.`,
    ...[0, 1, 2, 3].map((k) => `${rmqTime(rmqBoot - 0.2 - k * 0.01)} [info] <0.${1120 + k}.0> accepting AMQP connection <0.${1120 + k}.0> (10.0.${208 + k}.${40 + k}:${43110 + k} -> ${rmqPod.status?.podIP ?? ''}:5672)`),
    ...[0, 1, 2, 3, 4, 5].map((k) => `${rmqTime(20 * HOURS - k * 3 * HOURS)} [warning] <0.${31211 + k * 17}.0> closing AMQP connection <0.${31211 + k * 17}.0> (10.0.208.${60 + k}:${51322 + k} -> ${rmqPod.status?.podIP ?? ''}:5672, vhost: 'wms', user: 'order-release'):\n${rmqTime(20 * HOURS - k * 3 * HOURS)} [warning] <0.${31211 + k * 17}.0> client unexpectedly closed TCP connection`),
    `${rmqTime(6 * HOURS)} [info] <0.48802.0> Waiting for Mnesia tables for 30000 ms, 9 retries left`,
  ].join('\n') + '\n';
  const dep = deploymentOf(worker);
  return {
    id: 'heldout62-rabbitmq-message-ttl-without-dead-letter',
    class: 'config',
    truth: 'Two days ago the rabbitmq-config ConfigMap\'s definitions.json (loaded at broker boot, then the broker was restarted) gave the pick-orders queue x-message-ttl 60000 with no x-dead-letter-exchange. Since the WMS gateway slowed pick-worker down ~75 minutes ago (~20 s per order instead of ~0.3 s), orders that wait more than 60 s in the queue are silently discarded: order-release publishes ~230 orders per 5 min with publisher confirms, the four pick-worker pods ack ~50, yet the queue stays empty, so most released orders never get a pick task. Fix: remove the TTL (or add a dead-letter exchange to pick-orders.parked) and replay the lost orders.',
    ask: { service: 'pick-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...producer.objects, ...wms.objects, ...rmq.objects, claim, volume, cm,
      amqpSvc, endpointSliceFor(amqpSvc, rmq.pods, 5672), headless, endpointSliceFor(headless, rmq.pods, 5672),
      ...exposed({ namespace: ns, name: 'wms-gateway', selector: { app: 'wms-gateway' }, pods: wms.pods }),
      ...exposed({ namespace: ns, name: 'pick-worker-metrics', selector: { app: 'pick-worker' }, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], pods: worker.pods, endpointPort: 9102 }),
      scaledReplicaSet(deploymentOf(wms), rsOf(wms, 89), 2, 0, 9 * HOURS),
      event({ on: podOf(worker, 2), type: 'Normal', reason: 'Pulled', message: `Container image "${workerImage('4.7.0')}" already present on machine`, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{app}' }),
      event({ on: rmqPod, reason: 'Unhealthy', message: 'Readiness probe failed: Error:\nunable to perform an operation on node \'rabbit@rabbitmq-0.rabbitmq-headless.warehouse.svc.cluster.local\'. Please see diagnostics information and suggestions below.', count: 2, firstAgo: rmqRestart - 0.6, lastAgo: rmqRestart - 1.1, fieldPath: 'spec.containers{rabbitmq}' }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(worker, 31)} from 0 to 4`, firstAgo: 8 * DAYS, lastAgo: 8 * DAYS, component: 'deployment-controller' }),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k), ...(k === 2 ? { previous: lines(wlog(3 * DAYS + 0.2, 'error', 'consumer/conn.go:77', 'amqp channel closed', ',"error":"Exception (320) Reason: \\"CONNECTION_FORCED - broker forced connection closure with reason \'shutdown\'\\""'), 'panic: send on closed channel', '', 'goroutine 41 [running]:', 'github.com/acme/pick-worker/internal/consumer.(*Consumer).ack(...)', '\t/src/internal/consumer/ack.go:33 +0x1c4') } : {}) })),
      ...producer.pods.map((p, k) => logsFor(p, 'app', { current: producerLog(k) })),
      logsFor(rmqPod, 'rabbitmq', { current: rmqLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x-message-ttl|message.?ttl|\bTTL\b|expir/i],
      facts: [/pick-orders/, /60000|60 ?s/, /dead.?letter|DLX/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i, /panic[^\n]{0,40}(cause|root)/i],
    },
  };
}

// ---- 6. Airflow DAG doing a network call at import: DagBag import timeout ----------------------------

function airflowDagImportTimeout(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.77', ['25', '118', '240']);
  const image = `${ECR}/data/airflow:2.10.3-py311-r7`;
  const gitSyncImage = 'registry.k8s.io/git-sync/git-sync:v4.3.0';
  const commonEnv: k8s.V1EnvVar[] = [
    { name: 'AIRFLOW__CORE__EXECUTOR', value: 'KubernetesExecutor' },
    { name: 'AIRFLOW__CORE__DAGS_FOLDER', value: '/opt/airflow/dags/repo/dags' },
    { name: 'AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT', value: '30' },
    { name: 'AIRFLOW__SCHEDULER__STANDALONE_DAG_PROCESSOR', value: 'True' },
    { name: 'AIRFLOW__LOGGING__DAG_PROCESSOR_LOG_TARGET', value: 'stdout' },
    { name: 'AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL', value: '300' },
  ];
  const gitSync = container({ name: 'git-sync', image: gitSyncImage, ports: [], cpu: '50m', memory: '96Mi', readiness: null, liveness: null, args: ['--repo=https://git.acme.io/data/airflow-dags.git', '--ref=main', '--root=/git', '--link=repo', '--period=60s'], volumeMounts: [{ name: 'dags', mountPath: '/git' }] });
  const dagsVolumes = [{ name: 'dags', emptyDir: {} }];
  const proc = deploymentApp({
    namespace: ns, name: 'airflow-dag-processor', replicas: 1, selector: { component: 'dag-processor', release: 'airflow' },
    revisions: [{
      revision: 14, createdAgo: 19 * DAYS, changeCause: 'helm upgrade airflow 1.15.0',
      template: {
        containers: [
          container({ name: 'dag-processor', image, command: ['bash', '-c', 'exec airflow dag-processor'], ports: [], cpu: '1', memory: '2Gi', env: commonEnv, readiness: null, liveness: execProbe(['sh', '-c', 'CONNECTION_CHECK_MAX_COUNT=0 AIRFLOW__LOGGING__LOGGING_LEVEL=ERROR exec /entrypoint airflow jobs check --hostname $(hostname)'], { periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 5, initialDelaySeconds: 10 }), volumeMounts: [{ name: 'dags', mountPath: '/opt/airflow/dags', readOnly: true }] }),
          gitSync,
        ],
        volumes: dagsVolumes,
        serviceAccountName: 'airflow-dag-processor',
      },
    }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS }],
  });
  const sched = deploymentApp({
    namespace: ns, name: 'airflow-scheduler', replicas: 1, selector: { component: 'scheduler', release: 'airflow' },
    revisions: [{ revision: 22, createdAgo: 19 * DAYS, changeCause: 'helm upgrade airflow 1.15.0', template: { containers: [container({ name: 'scheduler', image, command: ['bash', '-c', 'exec airflow scheduler'], ports: [], cpu: '1', memory: '2Gi', env: commonEnv, readiness: null, liveness: execProbe(['sh', '-c', 'airflow jobs check --job-type SchedulerJob --local'], { periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 5 }) }), gitSync], volumes: dagsVolumes, serviceAccountName: 'airflow-scheduler' } }],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 6 * DAYS, containers: { scheduler: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 4 * DAYS, ranSeconds: 2 * 86400 } }) } }],
  });
  const web = deploymentApp({
    namespace: ns, name: 'airflow-webserver', replicas: 1, selector: { component: 'webserver', release: 'airflow' },
    revisions: [{ revision: 22, createdAgo: 19 * DAYS, template: { containers: [container({ name: 'webserver', image, command: ['bash', '-c', 'exec airflow webserver'], ports: [{ name: 'airflow-ui', containerPort: 8080 }], cpu: '500m', memory: '2Gi', env: commonEnv, readiness: httpProbe('/health', 8080, { timeoutSeconds: 5 }), liveness: httpProbe('/health', 8080, { timeoutSeconds: 5, initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 22, node: names[2] ?? '', createdAgo: 19 * DAYS }],
  });
  const pp = podOf(proc, 0);
  const sp = podOf(sched, 0);
  const dagsDir = '/opt/airflow/dags/repo/dags';
  const file = `${dagsDir}/partner_feeds/vendor_catalog_sync.py`;
  const site = '/home/airflow/.local/lib/python3.11/site-packages';
  const syncAgo = 2 * HOURS + 41;
  const importError = (t: number, pid: number) => lines(
    `[${afTime(t)}] {processor.py:186} INFO - Started process (PID=${pid}) to work on ${file}`,
    `[${afTime(t)}] {processor.py:914} INFO - Processing file ${file} for tasks to queue`,
    `[${afTime(t)}] {dagbag.py:588} INFO - Filling up the DagBag from ${file}`,
    `[${afTime(t - 0.5)}] {timeout.py:68} ERROR - Process timed out, PID: ${pid}`,
    `[${afTime(t - 0.5)}] {dagbag.py:387} ERROR - Failed to import: ${file}`,
    'Traceback (most recent call last):',
    `  File "${site}/airflow/models/dagbag.py", line 383, in parse`,
    '    loader.exec_module(new_module)',
    '  File "<frozen importlib._bootstrap_external>", line 940, in exec_module',
    '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
    `  File "${file}", line 24, in <module>`,
    '    FEEDS = requests.get(f"{VENDOR_API}/v2/feeds", headers=_auth_headers()).json()["feeds"]',
    '            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `  File "${site}/requests/api.py", line 73, in get`,
    '    return request("get", url, params=params, **kwargs)',
    `  File "${site}/requests/sessions.py", line 703, in send`,
    '    r = adapter.send(request, **kwargs)',
    `  File "${site}/urllib3/connectionpool.py", line 534, in _make_request`,
    '    response = conn.getresponse()',
    '  File "/usr/local/lib/python3.11/ssl.py", line 1166, in read',
    '    return self._sslobj.read(len, buffer)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `  File "${site}/airflow/utils/timeout.py", line 69, in handle_timeout`,
    '    raise AirflowTaskTimeout(self.error_message)',
    `airflow.exceptions.AirflowTaskTimeout: DagBag import timeout for ${file} after 30.0s.`,
    'Please take a look at these docs to improve your DAG import time:',
    '* https://airflow.apache.org/docs/apache-airflow/2.10.3/best-practices.html#top-level-python-code',
    `* https://airflow.apache.org/docs/apache-airflow/2.10.3/best-practices.html#reducing-dag-complexity, PID: ${pid}`,
    `[${afTime(t - 0.52)}] {processor.py:927} WARNING - No viable dags retrieved from ${file}`,
    `[${afTime(t - 0.53)}] {processor.py:208} INFO - Processing ${file} took 30.171 seconds`,
  );
  const okFile = (t: number, pid: number, name: string, secs: string) => lines(
    `[${afTime(t)}] {processor.py:186} INFO - Started process (PID=${pid}) to work on ${dagsDir}/${name}`,
    `[${afTime(t - 0.01)}] {processor.py:925} INFO - DAG(s) '${name.replace(/^.*\//, '').replace(/\.py$/, '')}' retrieved from ${dagsDir}/${name}`,
    `[${afTime(t - 0.02)}] {processor.py:208} INFO - Processing ${dagsDir}/${name} took ${secs} seconds`,
  );
  const procOut: string[] = [];
  let deactivated = false;
  for (let t = 200, i = 0; t >= 2; t -= 5, i++) {
    procOut.push(okFile(t, 40100 + i * 9, 'finance/ledger_export.py', '0.412').trimEnd());
    procOut.push(okFile(t - 0.1, 40101 + i * 9, 'marketing/attribution_daily.py', '1.088').trimEnd());
    if (i % 4 === 0) procOut.push(`[${afTime(t - 0.15)}] {warnings.py:112} WARNING - ${site}/airflow/providers/cncf/kubernetes/operators/pod.py:1283: AirflowProviderDeprecationWarning: \`is_delete_operator_pod\` parameter is deprecated, please use \`on_finish_action\``);
    if (t < syncAgo - 1) procOut.push(importError(t - 0.2, 40102 + i * 9).trimEnd());
    else procOut.push(okFile(t - 0.2, 40102 + i * 9, 'partner_feeds/vendor_catalog_sync.py', '0.655').trimEnd());
    if (t < syncAgo - 1 && !deactivated) {
      deactivated = true;
      procOut.push(`[${afTime(t - 1.5)}] {manager.py:559} INFO - DAG vendor_catalog_sync is missing and will be deactivated.`, `[${afTime(t - 1.5)}] {manager.py:571} INFO - Deactivated 1 DAGs which are no longer present in file.`);
    }
  }
  const gsLine = (t: number, msg: string, extra: string) => `{"logger":"","ts":"${at(t).replace('T', ' ').replace('Z', '')}","caller":{"file":"main.go","line":1868},"level":0,"msg":"${msg}"${extra}}`;
  const gitLog = (rev: string, prev: string) => lines(
    gsLine(6 * DAYS, 'updated successfully', `,"ref":"main","remote":"${prev}","syncCount":1`),
    gsLine(syncAgo + 0.2, 'update required', `,"ref":"main","local":"${prev}","remote":"${rev}","syncCount":8612`),
    gsLine(syncAgo, 'updated successfully', `,"ref":"main","remote":"${rev}","syncCount":8613`),
  );
  const revNew = '4be19a7c02f3d8e611b0c5a9e2d4f7a813c6b0e2';
  const revOld = 'c77d0e41a9b2f58e3d16c0a4b7e92f1d05a3c8b6';
  const schedLog = lines(
    `[${afTime(3 * HOURS)}] {scheduler_job_runner.py:1602} INFO - Adopting or resetting orphaned tasks for active dag runs`,
    `[${afTime(2 * HOURS + 50)}] {dagrun.py:854} INFO - Marking run <DagRun vendor_catalog_sync @ ${at(3 * HOURS)}: scheduled__${at(3 * HOURS).replace('.000Z', '+00:00')}, state:running, queued_at: ${at(3 * HOURS).replace('T', ' ').replace('Z', '+00:00')}. externally triggered: False> successful`,
    `[${afTime(80)}] {scheduler_job_runner.py:1602} INFO - Adopting or resetting orphaned tasks for active dag runs`,
    `[${afTime(61)}] {scheduler_job_runner.py:423} INFO - 1 tasks up for execution:\n\t<TaskInstance: finance_ledger_export.export scheduled__${at(62).slice(0, 16)}:00+00:00 [scheduled]>`,
    `[${afTime(60.9)}] {kubernetes_executor.py:315} INFO - Add task TaskInstanceKey(dag_id='finance_ledger_export', task_id='export', run_id='scheduled__${at(62).slice(0, 16)}:00+00:00', try_number=1, map_index=-1) with command [...]`,
    `[${afTime(40)}] {kubernetes_executor_utils.py:156} WARNING - Event: finance-ledger-export-export-ye7k2c1p had an event of type MODIFIED; watch stream restarted after "too old resource version"`,
    `[${afTime(20)}] {scheduler_job_runner.py:1602} INFO - Adopting or resetting orphaned tasks for active dag runs`,
  );
  return {
    id: 'heldout62-airflow-dag-network-call-import-timeout',
    class: 'config',
    truth: 'A DAG change synced by git-sync 2 h 41 min ago made partner_feeds/vendor_catalog_sync.py call the vendor API with requests.get at module level; the vendor endpoint now hangs, so every parse of the file exceeds dagbag_import_timeout (30 s), the dag-processor logs "DagBag import timeout … after 30.0s", the DAG is deactivated (Broken DAG) and its hourly runs stopped. Fix: move the call into a task (or a Variable/cached value) so the file imports without network I/O; the Airflow pods are healthy and no Helm rollback is needed.',
    ask: { service: 'airflow-dag-processor', namespace: ns },
    objects: [
      ...nodes, ...proc.objects, ...sched.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'airflow-webserver', selector: { component: 'webserver', release: 'airflow' }, ports: [{ name: 'airflow-ui', port: 8080, targetPort: 'airflow-ui' }], pods: web.pods }),
      event({ on: sp, reason: 'Unhealthy', message: 'Liveness probe failed: No alive jobs found.\n', count: 3, firstAgo: 4 * DAYS + 4, lastAgo: 4 * DAYS + 1, fieldPath: 'spec.containers{scheduler}' }),
      event({ on: sp, type: 'Normal', reason: 'Killing', message: 'Container scheduler failed liveness probe, will be restarted', firstAgo: 4 * DAYS + 0.5, lastAgo: 4 * DAYS + 0.5, fieldPath: 'spec.containers{scheduler}' }),
    ],
    logs: [
      logsFor(pp, 'dag-processor', { current: procOut.join('\n') + '\n' }),
      logsFor(pp, 'git-sync', { current: gitLog(revNew, revOld) }),
      logsFor(sp, 'scheduler', { current: schedLog, previous: lines(`[${afTime(4 * DAYS + 1)}] {scheduler_job_runner.py:1002} ERROR - Exception when executing SchedulerJob._run_scheduler_loop`, 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly', '\tThis probably means the server terminated abnormally', '\tbefore or while processing the request.', `[${afTime(4 * DAYS + 0.6)}] {process_utils.py:132} INFO - Sending Signals.SIGTERM to group 33. PIDs of all processes in the group: [33]`) }),
      logsFor(sp, 'git-sync', { current: gitLog(revNew, revOld) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/vendor_catalog_sync/, /import timeout|dagbag_import_timeout|DAGBAG_IMPORT_TIMEOUT|timed out|timeout|Broken DAG/i],
      facts: [/30(\.0)? ?s|DAGBAG_IMPORT_TIMEOUT|dagbag_import_timeout/i, /requests\.get|network|HTTP|top-level|module level|at import/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /(postgres|metadata (db|database))[^\n]{0,40}(cause|down)/i],
    },
  };
}

// ---- 7. healthy control: superfluous WriteHeader and a stale GeoLite database -------------------------

function healthyGeoLookupWithStaleDatabaseWarning(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.140', ['8', '77', '199']);
  const image = (v: string) => `${ECR}/edge/geo-resolver:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [{ name: 'GEOIP_DB', value: '/data/GeoLite2-City.mmdb' }, { name: 'GOMEMLIMIT', value: '220MiB' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'geo-resolver', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: geo-resolver 1.8.3', template: tpl('1.8.3') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: geo-resolver 1.9.0', template: tpl('1.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'edge-config', names, 3 * DAYS, { revisions: [5, 6], versions: ['0.14.1', '0.15.0'], olderAgo: 40 * DAYS });
  const log = (p: k8s.V1Pod, k: number) => {
    const out = [
      `{"time":"${at(9 * DAYS - k - 0.3)}","level":"INFO","msg":"starting geo-resolver","version":"1.9.0","addr":":8080"}`,
      `{"time":"${at(9 * DAYS - k - 0.3)}","level":"WARN","msg":"geoip database is older than 30 days; lookups continue with it","path":"/data/GeoLite2-City.mmdb","build_epoch":1758326400,"age_days":${62 + 9}}`,
      `{"time":"${at(9 * DAYS - k - 0.29)}","level":"INFO","msg":"geoip database loaded","records":"3.4M","ipv6":true}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 28 - i * 2 - k * 0.2;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/lookup","status":200,"dur_ms":${1 + (i % 3)},"country":"${['DE', 'FR', 'NL', 'GB', 'ES', 'PL'][i % 6] ?? 'DE'}","pod":"${nameOf(p)}"}`);
      if (i % 4 === 1) out.push(`${goLogTime(t - 0.01)} http: superfluous response.WriteHeader call from github.com/acme/geo-resolver/internal/api.(*Server).writeJSON (server.go:212)`);
      if (i % 5 === 3) out.push(`{"time":"${at(t - 0.02)}","level":"INFO","msg":"request","method":"GET","path":"/v1/lookup","status":200,"dur_ms":1,"country":"","note":"no record for address (private or reserved range)"}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout62-healthy-geo-resolver-superfluous-writeheader',
    class: 'healthy',
    truth: 'geo-resolver is healthy: three ready pods of revision 12 (nine days old), no restarts, no warning events, every lookup answered 200 in a few milliseconds. The "superfluous response.WriteHeader" lines come from a handler that writes the status twice on the same response (a harmless code smell in net/http), and the GeoLite database is older than 30 days, which only makes some answers less precise. Nothing needs to be done now.',
    ask: { service: 'geo-resolver', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'geo-resolver', selector: { app: 'geo-resolver' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'edge-config', selector: { app: 'edge-config' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 3 * DAYS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problem|issue|fault|failure)s?|nothing (is )?(wrong|failing)|running normally|ready/i],
      facts: [lit('geo-resolver')],
      never: [/WriteHeader[^\n]{0,60}(cause|fail|crash|broke)/i, /(geoip|GeoLite)[^\n]{0,60}(cause|fail|broke|outage)/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  gunicornWorkersHungOnCarrier(),
  socketIoScaledWithoutStickySessions(),
  postgresSharedBuffersOverLimit(),
  cpuRequestRaisedHpaScaledIn(),
  rabbitTtlWithoutDeadLetter(),
  airflowDagImportTimeout(),
  healthyGeoLookupWithStaleDatabaseWarning(),
];
