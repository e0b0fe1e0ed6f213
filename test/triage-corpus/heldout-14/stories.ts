// Held-out stories, fourteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// Container args that reference $(DB_URL) after a revision renamed the variable (the literal
// reaches SQLAlchemy), a readiness probe given `host:` so the kubelet resolves the Service name
// with the node's DNS, a new Service named redis whose service-link variable REDIS_PORT
// (tcp://…) breaks a Rails app's Integer() on every container started since, a Service with
// sessionAffinity ClientIP pinning a single gateway's traffic to one renderer pod at a time
// (OOMKilled in turn), a StatefulSet rolling update stuck behind a pod held Terminating by the
// finalizer of an uninstalled controller, a node whose kernel reports containerd hung
// (KernelDeadlock) so pods on it never start or stop, a backoffLimit-0 Job killed by its node's
// graceful shutdown (DisruptionTarget), a StatefulSet revision adding the unsafe sysctl
// net.core.somaxconn that every kubelet refuses, a heap size passed through the Downward API in
// bytes into -Xmx…m, a Deployment template pinned to one node by nodeName whose pods the kubelet
// rejects OutOfcpu, Linux pods landing on an untainted Windows node pool (no manifest for the
// platform), a copied Deployment whose pods the Service also selects (stale API answering 404),
// and two healthy controls: a service recovered hours ago, and a steady one with old noise.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, container, crashLoop, cronJob, deploymentApp, epochMs, event, exposed,
  httpProbe, jobEvent, nameOf, node, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, statefulSetApp, terminated, waiting, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';
import { PART_TWO } from './part2.js';

// ---- local helpers -------------------------------------------------------------------------

export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
export const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [40, 41], versions: ['1.9.4', '1.10.0'], olderAgo: 12 * DAYS });

/** The Deployment object of a built app (the first object deploymentApp returns). */
export const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. args reference $(DB_URL), which the revision renamed ----------------------------------

function argsReferenceUndefinedDbUrl(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.114');
  const image = (v: string) => `${ECR}/orders/order-events:${v}`;
  const args = ['-m', 'order_events.worker', '--database-url', '$(DB_URL)', '--topic', 'orders.v1'];
  const secretEnv = (name: string): k8s.V1EnvVar => ({ name, valueFrom: { secretKeyRef: { name: 'order-events-db', key: 'url' } } });
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), command: ['python'], args, env: [...env, { name: 'LOG_LEVEL', value: 'INFO' }], ports: [8000], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/live', 8000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: order-events 3.8.2', template: tpl('3.8.2', [secretEnv('DB_URL')]) },
      { revision: 19, createdAgo: 32, changeCause: 'argocd: order-events 3.9.0 (settings: DB_URL -> DATABASE_URL for pydantic-settings)', template: tpl('3.9.0', [secretEnv('DATABASE_URL')]) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 31, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 2 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'order-history', names, 55);
  const trace = lines(
    `${pyTime(2.55)} INFO order_events.worker: starting order-events 3.9.0 topic=orders.v1`,
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/order_events/worker.py", line 211, in <module>',
    '    main()',
    '  File "/app/order_events/worker.py", line 196, in main',
    '    engine = make_engine(opts.database_url)',
    '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/app/order_events/db.py", line 14, in make_engine',
    '    return create_async_engine(url, pool_size=10, pool_pre_ping=True)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/ext/asyncio/engine.py", line 118, in create_async_engine',
    '    sync_engine = _create_engine(url, **kw)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/create.py", line 550, in create_engine',
    '    u = _url.make_url(url)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/url.py", line 856, in make_url',
    '    return _parse_url(name_or_url)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/url.py", line 917, in _parse_url',
    '    raise exc.ArgumentError(',
    "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string '$(DB_URL)'",
  );
  return {
    id: 'heldout14-args-reference-undefined-db-url',
    class: 'config',
    truth: 'Revision 19 (order-events 3.9.0, 32 minutes ago) renamed the container\'s environment variable DB_URL to DATABASE_URL (for pydantic-settings), but the container args still pass `--database-url $(DB_URL)`. Kubernetes only expands $(VAR) references to variables defined in the container; an undefined one is left as is, so the app receives the literal string "$(DB_URL)" and SQLAlchemy refuses it ("Could not parse SQLAlchemy URL from string \'$(DB_URL)\'"), exit 1, crash loop. The Secret and the database are fine; maxUnavailable 0 keeps the three revision-18 pods serving, the rollout is stuck. Fix: change the args to $(DATABASE_URL) (or keep DB_URL defined), or roll back to revision 18.',
    ask: { service: 'order-events' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 32),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 55),
      ...startedAt(fresh, 'app', image('3.9.0'), 31),
      ...restartedAgain(fresh, 'app', image('3.9.0'), { count: 10, firstAgo: 30.5, lastAgo: 2.6 }),
      backOff(fresh, 'app', { count: 139, firstAgo: 30.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: trace, current: lines(`${pyTime(0.2)} INFO order_events.worker: starting order-events 3.9.0 topic=orders.v1`) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${pyTime(3)} INFO order_events.consumer: committed offsets partition=${nameOf(p).length % 6} offset=88412${nameOf(p).length}`, `${pyTime(1)} INFO order_events.consumer: processed batch size=50 ms=41`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DB_URL/],
      facts: [/revision 19/, /DATABASE_URL/, /revision 18|3 (old )?pods|3\/3|three/i],
      never: [/\bOOM/, /secret[^\n]*(not found|missing)/i, /database[^\n]*(down|unreachable|refus)/i, /order-history/],
    },
  };
}

// ---- 2. readiness probe with `host:` resolved by the node's DNS ---------------------------------

function probeHostResolvedByNodeDns(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.121');
  const image = (v: string) => `${ECR}/shop/cart:${v}`;
  const tpl = (v: string, host?: string) => ({ containers: [container({
    image: image(v), ports: [8080], memory: '1Gi',
    readiness: { httpGet: { ...(host === undefined ? {} : { host }), path: '/actuator/health/readiness', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
    liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 44, createdAgo: 6 * DAYS, changeCause: 'helm: cart chart 5.1.3', template: tpl('2.31.0') },
      { revision: 45, createdAgo: 28, changeCause: 'helm: cart chart 5.2.0 (probes.readiness.host=cart)', template: tpl('2.31.0', 'cart') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 45, node: names[2] ?? '', createdAgo: 27, containers: { app: running({ sinceAgo: 26.8, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const boot = lines(
    `${at(26.7)}  INFO 1 --- [           main] com.acme.cart.CartApplication            : Starting CartApplication v2.31.0 using Java 21.0.5 with PID 1`,
    `${at(26.5)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${at(26.4)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
    `${at(26.4)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
    `${at(26.4)}  INFO 1 --- [           main] com.acme.cart.CartApplication            : Started CartApplication in 19.8 seconds (process running for 21.2)`,
    `${at(25.3)}  INFO 1 --- [nio-8080-exec-1] o.a.c.c.C.[Tomcat].[localhost].[/]       : Initializing Spring DispatcherServlet 'dispatcherServlet'`,
    `${at(25.3)}  INFO 1 --- [nio-8080-exec-1] c.a.cart.web.AccessLog                   : GET /actuator/health/liveness 200 3ms ua=kube-probe/1.31`,
    `${at(1.3)}  INFO 1 --- [nio-8080-exec-4] c.a.cart.web.AccessLog                   : GET /actuator/health/liveness 200 2ms ua=kube-probe/1.31`,
  );
  return {
    id: 'heldout14-probe-httpget-host-node-dns',
    class: 'probes',
    truth: 'Chart 5.2.0 (revision 45, 28 minutes ago) set readinessProbe.httpGet.host to "cart", meant as a Host header. The kubelet sends probes itself, from the node, to that host: it resolves "cart" with the node\'s resolver (the VPC DNS 10.0.0.2), which knows no cluster Service names, so every readiness probe fails with "lookup cart on 10.0.0.2:53: no such host" before reaching the app. The app is up (the liveness probe, without host, gets 200) but the new pod never turns ready; with maxUnavailable 0 the three revision-44 pods keep serving and the rollout is stuck. CoreDNS is not involved. Fix: remove host from the probe (use httpHeaders for a Host header) or roll back to revision 44.',
    ask: { service: 'cart' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'cart', selector: { app: 'cart' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 45), 1, 0, 28),
      ...startedAt(fresh, 'app', image('2.31.0'), 27),
      probeFailed(fresh, 'app', 'Readiness', 'Get "http://cart:8080/actuator/health/readiness": dial tcp: lookup cart on 10.0.0.2:53: no such host', { count: 157, firstAgo: 26.6 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: boot }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(2)}  INFO 1 --- [nio-8080-exec-7] c.a.cart.web.AccessLog                   : POST /api/cart/items 201 18ms`, `${at(1)}  INFO 1 --- [nio-8080-exec-2] c.a.cart.web.AccessLog                   : GET /actuator/health/readiness 200 2ms ua=kube-probe/1.31`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bhost\b/i, /readiness|probe/i],
      facts: [/revision 45/, /no such host|lookup cart/, /node/i],
      never: [/\bOOM/, /coredns[^\n]*(down|fail|unhealthy|broken)/i, /liveness probe fail/i, /crash ?loop/i],
    },
  };
}

// ---- 3. a new Service named redis injects REDIS_PORT=tcp://… ------------------------------------

function serviceLinksRedisPort(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.133');
  const newNode = node({ name: eksNodeName('10.0.133.208'), zone: 'eu-west-1b', createdAgo: 19 });
  const image = `${ECR}/loyalty/points-api:8.14.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'points-api',
    replicas: 5,
    revisions: [{ revision: 73, createdAgo: 4 * DAYS, changeCause: 'argocd: points-api 8.14.1', template: { containers: [container({
      image, ports: [3000], memory: '768Mi', command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'REDIS_HOST', value: 'points-cache.x7kq2d.ng.0001.euw1.cache.amazonaws.com' }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'points-api-db', key: 'url' } } }],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })] } }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 73, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 73, node: nameOf(newNode), createdAgo: 18, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 4 }, 8) } },
      { revision: 73, node: names[0] ?? '', createdAgo: 18, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 4 }, 8) } },
    ],
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 4 * DAYS },
  });
  const crashing = [podOf(app, 3), podOf(app, 4)];
  const redis = deploymentApp({
    namespace: ns,
    name: 'redis',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 52, changeCause: 'helm install redis (growth-experiments feature-flag cache)', template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '256Mi', readiness: { tcpSocket: { port: 6379 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 52 }],
    createdAgo: 52,
  });
  const redisSvc = exposed({ namespace: ns, name: 'redis', selector: { app: 'redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], createdAgo: 52, clusterIP: '172.20.61.214', endpointPort: 6379 });
  const puma = (p: k8s.V1Pod) => lines(
    '[1] Puma starting in cluster mode...',
    '[1] * Puma version: 6.4.3 (ruby 3.3.6-p108) ("The Eagle of Durango")',
    '[1] *  Min threads: 5',
    '[1] *  Max threads: 5',
    '[1] *  Environment: production',
    '[1] *   Master PID: 1',
    '[1] *      Workers: 2',
    '[1] *     Restarts: (✔) hot (✖) phased',
    '[1] * Preloading application',
    'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
    `/app/config/initializers/redis.rb:3:in 'Integer': invalid value for Integer(): "tcp://172.20.61.214:6379" (ArgumentError)`,
    '\tfrom /app/config/initializers/redis.rb:3:in \'<main>\'',
    '\tfrom /usr/local/bundle/gems/railties-7.2.2/lib/rails/engine.rb:689:in \'load\'',
    '\tfrom /usr/local/bundle/gems/railties-7.2.2/lib/rails/engine.rb:689:in \'block in load_config_initializer\'',
    `\tfrom /usr/local/bundle/gems/activesupport-7.2.2/lib/active_support/notifications.rb:212:in 'instrument'`,
    '\tfrom /app/config/environment.rb:5:in \'<main>\'',
    `\tfrom /usr/local/bundle/gems/puma-6.4.3/lib/puma/launcher.rb:190:in 'run' (pod ${nameOf(p)})`,
  );
  return {
    id: 'heldout14-service-links-redis-port-injected',
    class: 'config',
    truth: 'The growth team installed their own Redis in namespace loyalty 52 minutes ago, with a Service named "redis". With enableServiceLinks (the default, true in points-api\'s pods), the kubelet injects docker-link variables for every Service of the namespace into containers it starts, among them REDIS_PORT=tcp://172.20.61.214:6379. points-api reads REDIS_PORT (expecting a number, default 6379; it talks to ElastiCache via REDIS_HOST) with Integer(), which raises ArgumentError at boot, exit 1. The three pods started days ago still run with the old environment; the two pods added when the Deployment was scaled from 3 to 5 replicas 18 minutes ago (one on a new node, one on an old node) crash-loop. Not the new node, not a rollout (revision 73 is 4 days old). Fix: set enableServiceLinks: false on points-api (or set REDIS_PORT explicitly, or rename the Service).',
    ask: { service: 'points-api' },
    objects: [
      ...nodes, newNode, ...app.objects, ...redis.objects, ...redisSvc,
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 73), 5, 3, 18),
      nodeEvent(nameOf(newNode), 'RegisteredNode', `Node ${nameOf(newNode)} event: Registered Node ${nameOf(newNode)} in Controller`, { firstAgo: 19, component: 'node-controller' }),
      ...crashing.flatMap((p, k) => [
        ...startedAt(p, 'app', image, 18),
        ...restartedAgain(p, 'app', image, { count: 8, firstAgo: 17.5, lastAgo: 1.9 + 1.2 * k }),
        backOff(p, 'app', { count: 74, firstAgo: 17.4 }),
      ]),
    ],
    logs: [
      ...crashing.map((p) => logsFor(p, 'app', { previous: puma(p) })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`I, [${at(2)} #${nameOf(p).length}]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 23ms (Views: 0.4ms | ActiveRecord: 6.1ms)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/REDIS_PORT/],
      facts: [/enableServiceLinks|service links?/i, /tcp:\/\/172\.20\.61\.214:6379/, /2\/5|2 of (the )?5|two of (the )?five|two (new )?pods/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, new RegExp(`${nameOf(newNode).replace(/\./g, '\\.')}[^\\n]*(faulty|broken|unhealthy|is the cause)`, 'i'), /redis[^\n]*(down|unreachable|refus)/i],
    },
  };
}

// ---- 4. sessionAffinity ClientIP behind one gateway pod: one renderer at a time takes it all -------

function sessionAffinityOnePodLoaded(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.142');
  const image = `${ECR}/docs/pdf-render:3.4.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-render',
    replicas: 3,
    revisions: [{ revision: 29, createdAgo: 11 * DAYS, changeCause: 'argocd: pdf-render 3.4.0', template: { containers: [container({ image, ports: [3000], cpu: '1', memory: '1536Mi', readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15, timeoutSeconds: 3 }) })] } }],
    pods: [
      { revision: 29, node: names[0] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 71, restarts: 3, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 71.1, ranSeconds: 1900 } }) } },
      { revision: 29, node: names[1] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 38, restarts: 2, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 38.1, ranSeconds: 1950 } }) } },
      { revision: 29, node: names[2] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 9, restarts: 3, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 9.1, ranSeconds: 1740 } }) } },
    ],
    settled: { available: true, availableSince: 11 * DAYS, progressingSince: 11 * DAYS },
  });
  const gateway = deploymentApp({
    namespace: ns,
    name: 'docs-gateway',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 20 * DAYS, changeCause: 'argocd: docs-gateway 1.7.2', template: { containers: [container({ image: `${ECR}/docs/docs-gateway:1.7.2`, ports: [8080] })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  const gw = podOf(gateway, 0);
  const [svc, slice] = exposed({ namespace: ns, name: 'pdf-render', selector: { app: 'pdf-render' }, pods: app.pods, endpointPort: 3000, createdAgo: 200 * DAYS });
  const affinity = svc as k8s.V1Service;
  if (affinity.spec) {
    affinity.spec.sessionAffinity = 'ClientIP';
    affinity.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  affinity.metadata = { ...affinity.metadata, managedFields: [
    { manager: 'argocd-controller', operation: 'Update', apiVersion: 'v1', time: new Date(Date.parse(at(200 * DAYS))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
    { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'v1', time: new Date(Date.parse(at(3 * HOURS + 10))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:sessionAffinity': {}, 'f:sessionAffinityConfig': {} } } },
  ] };
  const busy = podOf(app, 2);
  const gwIp = ipOfPod(gw);
  const pino = (t: number, o: Record<string, unknown>) => JSON.stringify({ level: 30, time: epochMs(t), pid: 1, hostname: '', ...o });
  const loaded = (p: k8s.V1Pod, from: number, to: number, rss: number) => [
    pino(from, { hostname: nameOf(p), msg: 'stats', rendersLast5m: 388, inFlight: 13, rssMB: rss - 300, clients: [gwIp] }),
    pino((from + to) / 2, { hostname: nameOf(p), msg: 'render done', doc: 'inv-2026-118734', pages: 41, ms: 8120, client: gwIp }),
    pino(to, { hostname: nameOf(p), msg: 'stats', rendersLast5m: 412, inFlight: 15, rssMB: rss, clients: [gwIp] }),
  ];
  const idle = (p: k8s.V1Pod) => lines(pino(3, { hostname: nameOf(p), msg: 'stats', rendersLast5m: 0, inFlight: 0, rssMB: 214, clients: [] }), pino(0.5, { hostname: nameOf(p), msg: 'stats', rendersLast5m: 0, inFlight: 0, rssMB: 214, clients: [] }));
  return {
    id: 'heldout14-session-affinity-clientip-one-pod-oom',
    class: 'network',
    truth: 'Three hours ago someone patched the pdf-render Service to sessionAffinity: ClientIP (to keep a document\'s fonts cache warm). Its only caller is docs-gateway, a single pod, so kube-proxy sends every connection from that one client IP to a single pdf-render pod; that pod renders 13-15 documents at once, passes its 1536Mi limit and is OOMKilled (exit 137), and when it drops out the affinity moves everything to the next pod, which is killed in turn (restarts at 71, 38 and 9 minutes ago, each pod alone). The other pods sit idle with 0 renders. No rollout, no node problem, no leak: the load is not spread. Fix: set sessionAffinity back to None (or scale docs-gateway / spread client IPs) and cap concurrent renders per pod.',
    ask: { service: 'pdf-render' },
    objects: [
      ...nodes, ...app.objects, ...gateway.objects, svc as KubeJson, slice as KubeJson,
      ...exposed({ namespace: ns, name: 'docs-gateway', selector: { app: 'docs-gateway' }, pods: gateway.pods }),
      ...restartedAgain(busy, 'app', image, { count: 1, firstAgo: 9, lastAgo: 9 }),
      probeFailed(busy, 'app', 'Readiness', `Get "http://${ipOfPod(busy)}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4, firstAgo: 10.5, lastAgo: 9.3 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: idle(podOf(app, 0)), previous: lines(...loaded(podOf(app, 0), 76, 71.2, 1490)) }),
      logsFor(podOf(app, 1), 'app', { current: idle(podOf(app, 1)), previous: lines(...loaded(podOf(app, 1), 43, 38.2, 1502)) }),
      logsFor(busy, 'app', { current: lines(...loaded(busy, 5, 0.5, 1180)), previous: lines(...loaded(busy, 14, 9.2, 1497)) }),
      logsFor(gw, 'app', { current: lines(`${at(2)} INFO  proxy POST /render -> http://pdf-render.docs.svc/render 200 7880ms`, `${at(1)} WARN  proxy POST /render -> http://pdf-render.docs.svc/render 502 upstream connect error or disconnect/reset before headers`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sessionAffinity|ClientIP|session affinity/i],
      facts: [/docs-gateway|single client|one client/i, /OOMKilled|137/, /1536Mi/],
      never: [BLAMES_ROLLOUT, /memory leak/i, /node[^\n]*(faulty|pressure|broken)/i],
    },
  };
}

// ---- 5. a StatefulSet pod held Terminating by an uninstalled controller's finalizer -------------------

function statefulSetPodFinalizerStuck(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.157');
  const finalizer = 'pod-lifecycle.platform.acme.io/deregister';
  const image = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const tpl = (ratio: string) => ({ containers: [container({
    name: 'clickhouse', image, cpu: '2', memory: '8Gi',
    ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
    env: [{ name: 'CLICKHOUSE_MAX_SERVER_MEMORY_USAGE_TO_RAM_RATIO', value: ratio }],
    readiness: httpProbe('/ping', 8123), liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 30, failureThreshold: 10 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }],
  })], terminationGracePeriodSeconds: 120 });
  const app = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 3,
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, template: tpl('0.9') },
      { revision: 9, createdAgo: 41, template: tpl('0.8') },
    ],
    pods: [
      { revision: 8, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 8, ordinal: 1, node: names[1] ?? '', createdAgo: 20 * DAYS },
      { revision: 8, ordinal: 2, node: names[2] ?? '', createdAgo: 20 * DAYS, phase: 'Succeeded', deletingAgo: 41, containers: { clickhouse: terminated({ exitCode: 0, finishedAgo: 40.3, ranSeconds: 20 * 24 * 3600 }) } },
    ],
  });
  for (const p of app.pods) p.metadata = { ...p.metadata, finalizers: [finalizer] };
  const stuck = podOf(app, 2);
  if (stuck.metadata) stuck.metadata.deletionGracePeriodSeconds = 0;
  const sts = app.objects[0] ?? {};
  const chLog = (p: k8s.V1Pod) => lines(
    `2026.11.21 02:34:12.604118 [ 877 ] {} <Warning> analytics.events_local (ReplicatedMergeTreeRestartingThread): Replica clickhouse-2 is not active (${nameOf(p)})`,
    '2026.11.21 03:12:48.118543 [ 812 ] {} <Error> analytics.events_local (ReplicatedMergeTreeQueue): Code: 198. DB::NetException: Not found address of host: clickhouse-2.clickhouse.analytics.svc.cluster.local. (DNS_ERROR) (version 24.8.6.70 (official build))',
    '2026.11.21 03:13:30.002211 [ 640 ] {} <Information> analytics.events_local (ReplicatedMergeTreeQueue): Not executing fetch of part 20261121_4118_4118_0 because 8 fetches already executing, max 8.',
  );
  return {
    id: 'heldout14-statefulset-pod-finalizer-stuck-terminating',
    class: 'rollout',
    truth: 'Revision 9 of the clickhouse StatefulSet (41 minutes ago, memory ratio 0.9 → 0.8) started a rolling update; the controller deleted clickhouse-2 first. ClickHouse shut down cleanly (exit 0), but the pod object still carries the finalizer pod-lifecycle.platform.acme.io/deregister, added by a platform controller that was uninstalled three days ago, so nothing ever removes it: clickhouse-2 has been Terminating for 41 minutes, the StatefulSet cannot create its replacement under the same name, the rolling update is stuck and only 2/3 replicas serve (clickhouse-2 is missing from the headless Service; its peers log DNS_ERROR for it). The new revision and the node are fine. Fix: remove the finalizer (kubectl patch pod clickhouse-2 --type=json -p \'[{"op":"remove","path":"/metadata/finalizers"}]\') and from the other pods before they are deleted; clean up the leftover webhook/config of the uninstalled controller.',
    ask: { service: 'clickhouse', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, pods: app.pods, headless: true, ports: [{ name: 'http', port: 8123, targetPort: 8123 }, { name: 'native', port: 9000, targetPort: 9000 }], endpointPort: 8123 }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod clickhouse-2 in StatefulSet clickhouse successful`, firstAgo: 41, lastAgo: 41, component: 'statefulset-controller' }),
      event({ on: stuck, type: 'Normal', reason: 'Killing', message: 'Stopping container clickhouse', firstAgo: 41, lastAgo: 41, fieldPath: 'spec.containers{clickhouse}' }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'clickhouse', { current: chLog(podOf(app, 0)) }),
      logsFor(podOf(app, 1), 'clickhouse', { current: chLog(podOf(app, 1)) }),
      logsFor(stuck, 'clickhouse', { current: lines('2026.11.21 02:33:05.551020 [ 1 ] {} <Information> Application: Received termination signal (Terminated)', '2026.11.21 02:33:43.210775 [ 1 ] {} <Information> Application: Shutting down storages.', '2026.11.21 02:33:44.001533 [ 1 ] {} <Information> Application: shutting down') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/finalizer/i, /clickhouse-2/],
      facts: [lit(finalizer), /Terminating|deletionTimestamp|being deleted/i, /2\/3|2 of 3|two of (the )?three/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /node[^\n]*(NotReady|unreachable|down)/i, /volume|Multi-Attach/i],
    },
  };
}

// ---- 6. a node whose kernel reports containerd hung (KernelDeadlock) ---------------------------------

function kernelDeadlockContainerdHung(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.166');
  const hung = node({ name: eksNodeName('10.0.166.94'), zone: 'eu-west-1b', createdAgo: 23 * DAYS });
  const hungName = nameOf(hung);
  const npd = (type: string, ok: boolean, reason: string, message: string, since: number): k8s.V1NodeCondition => ({ type, status: ok ? 'False' : 'True', reason, message, lastHeartbeatTime: new Date(Date.parse(at(0.4))), lastTransitionTime: new Date(Date.parse(at(since))) });
  for (const n of [...nodes, hung]) {
    const bad = n === hung;
    n.status?.conditions?.unshift(
      bad ? npd('KernelDeadlock', false, 'ContainerdHung', 'kernel: INFO: task containerd:2817 blocked for more than 122 seconds.', 21) : npd('KernelDeadlock', true, 'KernelHasNoDeadlock', 'kernel has no deadlock', 20 * DAYS),
      npd('ReadonlyFilesystem', true, 'FilesystemIsNotReadOnly', 'Filesystem is not read-only', 20 * DAYS),
    );
  }
  const image = (v: string) => `${ECR}/search/query-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ name: 'query-api', image: image(v), ports: [8080], memory: '1Gi' })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: query-api 4.12.0', template: tpl('4.12.0') },
      { revision: 31, createdAgo: 18, changeCause: 'argocd: query-api 4.13.0', template: tpl('4.13.0') },
    ],
    pods: [
      { revision: 30, node: hungName, createdAgo: 8 * DAYS, deletingAgo: 16 },
      ...[0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 17 - k })),
      { revision: 31, node: hungName, createdAgo: 15, sandbox: false, containers: { 'query-api': waiting('ContainerCreating') } },
    ],
  });
  const old = podOf(app, 0);
  const stuckNew = podOf(app, 4);
  const fluent = deploymentApp({ namespace: ns, name: 'suggest-api', replicas: 2, revisions: [{ revision: 9, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/search/suggest-api:2.2.1`, ports: [8080] })] } }], pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 15 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 15 * DAYS }] });
  const kill = `error killing pod: [failed to "KillContainer" for "query-api" with KillContainerError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded", failed to "KillPodSandbox" for "${old.metadata?.uid ?? ''}" with KillPodSandboxError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"]`;
  return {
    id: 'heldout14-kernel-deadlock-containerd-hung-node',
    class: 'nodes',
    truth: `On node ${hungName} containerd has been blocked in the kernel for 21 minutes ("INFO: task containerd:2817 blocked for more than 122 seconds", reported by node-problem-detector as KernelDeadlock=True / ContainerdHung). The kubelet still posts Ready, but every runtime call on that node times out: the revision-31 pod scheduled there has been stuck in ContainerCreating for 15 minutes (FailedCreatePodSandBox, DeadlineExceeded) and the revision-30 pod it replaces is stuck Terminating (FailedKillPod). The three revision-31 pods on the other nodes run fine, so query-api serves 3/4 and the rollout of 4.13.0 cannot finish; the release is not at fault. Fix: cordon and drain ${hungName} (force-delete its stuck pods) and replace the instance.`,
    ask: { service: 'query-api' },
    objects: [
      ...nodes, hung, ...app.objects, ...fluent.objects,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 4, 3, 15),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 30), 0, 1, 16),
      nodeEvent(hungName, 'ContainerdHung', 'kernel: INFO: task containerd:2817 blocked for more than 122 seconds.', { type: 'Warning', firstAgo: 21, component: 'kernel-monitor' }),
      nodeEvent(hungName, 'TaskHung', 'kernel: INFO: task containerd:2817 blocked for more than 122 seconds.', { type: 'Warning', count: 9, firstAgo: 21, lastAgo: 0.8, component: 'kernel-monitor' }),
      nodeEvent(hungName, 'TaskHung', 'kernel: INFO: task containerd-shim:40219 blocked for more than 122 seconds.', { type: 'Warning', count: 4, firstAgo: 19, lastAgo: 2.8, component: 'kernel-monitor' }),
      scheduled(stuckNew, 15),
      event({ on: stuckNew, reason: 'FailedCreatePodSandBox', message: 'Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded', count: 5, firstAgo: 11, lastAgo: 1.1 }),
      event({ on: old, type: 'Normal', reason: 'Killing', message: 'Stopping container query-api', firstAgo: 16, lastAgo: 16, fieldPath: 'spec.containers{query-api}' }),
      event({ on: old, reason: 'FailedKillPod', message: kill, count: 6, firstAgo: 14, lastAgo: 0.9 }),
      ...app.pods.slice(1, 4).flatMap((p, k) => startedAt(p, 'query-api', image('4.13.0'), 17 - k)),
    ],
    logs: app.pods.slice(1, 4).map((p) => logsFor(p, 'query-api', { current: lines(`{"level":"info","ts":"${at(2)}","msg":"search","index":"products-v12","took_ms":23,"hits":148}`) })),
    expect: {
      verdict: 'problems',
      headline: [lit(hungName)],
      facts: [/KernelDeadlock|ContainerdHung|blocked for more than|hung/i, /ContainerCreating/, /Terminating|FailedKillPod/, /cordon|drain|replace/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /ImagePull/, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 7. a backoffLimit-0 Job killed by its node's graceful shutdown ------------------------------------

function jobBackoffZeroNodeShutdown(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.171');
  const batch = node({ name: eksNodeName('10.0.171.230'), zone: 'eu-west-1c', pool: 'batch', instanceType: 'r6i.2xlarge', readySince: 21, createdAgo: 9 * DAYS });
  const batchName = nameOf(batch);
  const image = `${ECR}/finance/ledger-close:6.2.0`;
  const shutdownMsg = 'Pod was terminated in response to imminent node shutdown.';
  const cron = cronJob({
    namespace: ns,
    name: 'ledger-close',
    schedule: '0 2 * * *',
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'ledger-close', image, cpu: '2', memory: '6Gi', args: ['close-period', '--date=yesterday'] })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch' } },
    lastSuccessfulAgo: 1 * DAYS + 21,
    jobs: [
      { createdAgo: 2 * DAYS + 74, pods: [{ node: batchName, phase: 'Succeeded', createdAgo: 2 * DAYS + 74, containers: { 'ledger-close': terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 19, ranSeconds: 3300 }) } }], outcome: { complete: true, ago: 2 * DAYS + 19 } },
      { createdAgo: 1 * DAYS + 74, pods: [{ node: batchName, phase: 'Succeeded', createdAgo: 1 * DAYS + 74, containers: { 'ledger-close': terminated({ exitCode: 0, finishedAgo: 1 * DAYS + 21, ranSeconds: 3180 }) } }], outcome: { complete: true, ago: 1 * DAYS + 21 } },
      {
        createdAgo: 74,
        pods: [{
          node: batchName, createdAgo: 74,
          containers: { 'ledger-close': terminated({ exitCode: 143, finishedAgo: 26, ranSeconds: 48 * 60 }) },
          phase: 'Failed', reason: 'Terminated', message: shutdownMsg,
          conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: shutdownMsg, lastTransitionTime: new Date(Date.parse(at(26.4))) }],
        }],
        outcome: { failed: 'BackoffLimitExceeded', ago: 25.8 },
      },
    ],
  });
  const today = cron.jobs[2] as Built;
  const p = podOf(today, 0);
  const log = lines(
    `${pyTime(73.8)} INFO ledger_close: closing period 2026-11-20 for 14 entities (run ${nameOf(p)})`,
    `${pyTime(60)} INFO ledger_close: entity FR-01 closed: 182344 journal lines, balance check ok`,
    `${pyTime(41)} INFO ledger_close: entity NL-03 closed: 90211 journal lines, balance check ok`,
    `${pyTime(27)} INFO ledger_close: entity DE-02 posting accruals 41200/118930`,
    `${pyTime(26.4)} WARNING ledger_close: received SIGTERM, rolling back open transaction for entity DE-02`,
    `${pyTime(26.1)} INFO ledger_close: 9 of 14 entities closed, 5 pending; exiting`,
  );
  return {
    id: 'heldout14-job-backoff-zero-node-shutdown',
    class: 'jobs',
    truth: `Today's 02:00 run of the ledger-close CronJob failed, but not because of its code: at 02:48 the unattended OS patching rebooted its node ${batchName} (batch pool) without a drain; the kubelet's graceful node shutdown terminated the pod (exit 143 after SIGTERM, status "Pod was terminated in response to imminent node shutdown.", condition DisruptionTarget=True reason TerminationByKubelet). The Job has backoffLimit 0 (it must not run twice by mistake), so this single disruption failed it with BackoffLimitExceeded; 9 of 14 entities are closed. The node came back Ready 21 minutes ago; the two previous nights succeeded. Fix: re-run the Job now (the close is resumable per entity), and give it a podFailurePolicy that ignores DisruptionTarget (or backoffLimit > 0 with idempotent entities), and drain before patch reboots.`,
    ask: { service: 'ledger-close', namespace: ns },
    objects: [
      ...nodes, batch, ...cron.objects,
      jobEvent(today.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 74),
      jobEvent(today.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 25.8, 'Warning'),
      nodeEvent(batchName, 'Shutdown', 'Shutdown manager detected shutdown event', { firstAgo: 26.5 }),
      nodeEvent(batchName, 'NodeNotReady', `Node ${batchName} status is now: NodeNotReady`, { firstAgo: 25, component: 'node-controller' }),
      nodeEvent(batchName, 'Rebooted', `Node ${batchName} has been rebooted, boot id: ${batch.status?.nodeInfo?.bootID ?? ''}`, { type: 'Warning', firstAgo: 21.5 }),
      nodeEvent(batchName, 'NodeReady', `Node ${batchName} status is now: NodeReady`, { firstAgo: 21 }),
    ],
    logs: [logsFor(p, 'ledger-close', { current: log })],
    expect: {
      verdict: 'problems',
      headline: [/shutdown|reboot|disrupt/i],
      facts: [/backoff ?limit:? ?(is |of )?0|backoffLimit/i, /podFailurePolicy|DisruptionTarget/i, lit(batchName), /re-?run|retry|retries/i],
      never: [/\bOOM/, /DeadlineExceeded|activeDeadlineSeconds/i, /ImagePull/, /(bug|error) in (the )?(code|application|job)/i],
    },
  };
}

export const HOLDOUT_14_SCENARIOS: CorpusScenario[] = [
  argsReferenceUndefinedDbUrl(),
  probeHostResolvedByNodeDns(),
  serviceLinksRedisPort(),
  sessionAffinityOnePodLoaded(),
  statefulSetPodFinalizerStuck(),
  kernelDeadlockContainerdHung(),
  jobBackoffZeroNodeShutdown(),
  ...PART_TWO,
];
