// Held-out stories, ninety-first round, part one:
// 1. (network) a Django customer portal whose revision 18 turned on SECURE_SSL_REDIRECT while TLS
//    ends at the ALB, which talks plain HTTP to gunicorn, and the app does not trust
//    X-Forwarded-Proto (no SECURE_PROXY_SSL_HEADER): every request gets a 301 to the same https
//    URL, clients loop ("Exceeded 30 redirects"); the probe path is exempt, so pods stay Ready;
// 2. (containers) a .NET shipment API crash-looping since revision 42: the new build lost the DI
//    registration of ICarrierRateClient, so the host dies activating RateRefreshWorker;
// 3. (config) a Rails storefront crash-looping since revision 27 replaced the envFrom of the
//    Secret that carried SECRET_KEY_BASE by another Secret: "Missing `secret_key_base`";
// 4. (config) an nginx media gateway that cannot start after a rollout restart: its ConfigMap
//    still proxies to "thumbnail-svc:8080", a Service renamed to "thumbnailer";
// 5. (containers) a Ruby Sidekiq worker crash-looping since revision 15: a Gemfile.lock locked on
//    a Mac only lists nokogiri-1.16.7-arm64-darwin, which the x86_64-linux image never installed;
// 6. (jobs) a CronJob whose Jobs fail since the shared python base image under its mutable tag
//    moved to alpine: its command is ["/bin/bash", "-c", …] and alpine has no bash;
// 7. (healthy) a small Flask admin tool on Werkzeug's development server, which warns at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, tcpProbe,
  terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** gunicorn's / Werkzeug's bracketed time: `[21/Nov/2026 03:12:41]` (Werkzeug) */
const wzTime = (minutes: number): string => clfTime(minutes).replace(/:(\d\d:\d\d:\d\d) \+0000$/, ' $1');
/** Rails / Ruby Logger time: `2026-11-21T03:12:41.563412`. */
const rbTime = (minutes: number): string => at(minutes).replace('Z', '412');

// ---- 1. Django SECURE_SSL_REDIRECT behind a TLS-terminating ALB ---------------------------------

function djangoRedirectLoop(): CorpusScenario {
  const ns = 'portal';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '230']);
  const image = (v: string) => `${ECR}/portal/customer-portal:${v}`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'DJANGO_SETTINGS_MODULE', value: 'portal.settings.production' },
    { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    { name: 'DJANGO_ALLOWED_HOSTS', value: 'portal.acme-energy.com,customer-portal.portal.svc.cluster.local,$(POD_IP)' },
    { name: 'DATABASE_URL', value: 'postgres://portal@portal-db.cluster-cq1x8v2m.eu-west-1.rds.amazonaws.com:5432/portal' },
    { name: 'GUNICORN_CMD_ARGS', value: '--bind=0.0.0.0:8000 --workers=4 --access-logfile=- --forwarded-allow-ips=*' },
  ];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({
    containers: [container({
      name: 'web', image: image(v), ports: [8000], cpu: '300m', memory: '512Mi',
      env: [...baseEnv, ...extra],
      readiness: httpProbe('/healthz/', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'customer-portal',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: customer-portal 5.3.2', template: tpl('5.3.2', [{ name: 'DJANGO_SECURE_HSTS_SECONDS', value: '0' }]) },
      {
        revision: 18, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: customer-portal 5.4.0 (security hardening: HSTS, SSL redirect)',
        template: tpl('5.4.0', [
          { name: 'DJANGO_SECURE_HSTS_SECONDS', value: '31536000' },
          { name: 'DJANGO_SECURE_SSL_REDIRECT', value: 'True' },
          { name: 'DJANGO_SECURE_REDIRECT_EXEMPT', value: '^healthz/$' },
          { name: 'DJANGO_SESSION_COOKIE_SECURE', value: 'True' },
        ]),
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const other = bystander(ns, 'portal-notifier', names, 5 * HOURS, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const paths = ['/account/', '/account/invoices/', '/api/v2/meter-readings/', '/login/', '/api/v2/tariffs/current/', '/static/css/app.4f1c2.css'];
  const gunicornStart = (t: number, pid: number) => [
    `[${pyTime(t).replace(',', ' ').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(t).replace(',', ' ').slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${pyTime(t).replace(',', ' ').slice(0, 19)} +0000] [1] [INFO] Using worker: sync`,
    ...[0, 1, 2, 3].map((w) => `[${pyTime(t - 0.01).replace(',', ' ').slice(0, 19)} +0000] [${pid + w}] [INFO] Booting worker with pid: ${pid + w}`),
  ];
  const webLog = (p: k8s.V1Pod, k: number) => {
    const out = gunicornStart(2 * HOURS + 3.8 - k, 7 + k);
    const alb = ['10.0.12.87', '10.0.44.19', '10.0.71.203'];
    for (let i = 0; i < 24; i++) {
      const t = 14 - i * 0.55 - k * 0.07;
      const path = paths[(i + k) % paths.length] ?? '/';
      const ua = i % 3 === 0 ? 'python-requests/2.32.3' : 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
      // The client follows the Location (the same URL, https) and the ALB forwards it as plain HTTP again.
      for (let hop = 0; hop < 3; hop++) out.push(`${alb[(i + k + hop) % 3]} - - [${clfTime(t - hop * 0.002)}] "GET ${path} HTTP/1.1" 301 0 "-" "${ua}"`);
      if (i % 4 === 1) out.push(`${p.status?.hostIP ?? '10.0.96.14'} - - [${clfTime(t - 0.01)}] "GET /healthz/ HTTP/1.1" 200 15 "-" "kube-probe/1.30"`);
    }
    return out;
  };
  const notifierPod = podOf(other, 0);
  const notifierLog = lines(
    `${pyTime(6.2)} INFO portal_notifier.jobs: sending bill-ready notices batch=2026-11-21T03 size=212`,
    `${pyTime(6.1)} ERROR portal_notifier.client: GET https://portal.acme-energy.com/api/v2/accounts/48213/bill-summary/ failed`,
    'Traceback (most recent call last):',
    '  File "/app/portal_notifier/client.py", line 57, in bill_summary',
    '    resp = self.session.get(url, timeout=5)',
    '  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 602, in get',
    '    return self.request("GET", url, **kwargs)',
    '  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 589, in request',
    '    resp = self.send(prep, **send_kwargs)',
    '  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 724, in send',
    '    history = [resp for resp in gen]',
    '  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 191, in resolve_redirects',
    '    raise TooManyRedirects(',
    'requests.exceptions.TooManyRedirects: Exceeded 30 redirects.',
    `${pyTime(1.4)} WARNING portal_notifier.jobs: batch 2026-11-21T03 finished sent=0 failed=212`,
  );
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...other.objects,
    ...exposed({ namespace: ns, name: 'customer-portal', selector: { app: 'customer-portal' }, pods: app.pods, endpointPort: 8000 }),
    ...exposed({ namespace: ns, name: 'portal-notifier', selector: { app: 'portal-notifier' }, pods: other.pods }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 0, 2 * HOURS + 5),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 0, 3, 2 * HOURS),
    ...app.pods.flatMap((p, k) => startedNormally(p, 'web', image('5.4.0'), 2 * HOURS + 4 - k)),
  ];
  return {
    id: 'heldout91-django-ssl-redirect-loop',
    class: 'network',
    truth:
      'Revision 18 of customer-portal (5.4.0, "security hardening") set DJANGO_SECURE_SSL_REDIRECT=True; TLS ends at the ALB, which forwards plain HTTP to gunicorn, and Django was not told to trust X-Forwarded-Proto (no SECURE_PROXY_SSL_HEADER), so every request is answered 301 to the same https URL and browsers and the notifier loop until "Exceeded 30 redirects". The /healthz/ probe path is exempt, so the pods look Ready.',
    ask: { service: 'customer-portal', namespace: ns },
    objects,
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'web', { current: lines(...webLog(p, k)) })),
      logsFor(notifierPod, 'app', { current: notifierLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/redirect|301|SSL_REDIRECT/i, /SSL_REDIRECT|https|revision 18|5\.4\.0|X-Forwarded-Proto/i],
      facts: [/SECURE_SSL_REDIRECT/, /301/],
      never: [/\bOOM/, /probe (fail|kill)/i, /crash ?loop/i],
    },
  };
}

// ---- 2. .NET DI registration missing since revision 42 ------------------------------------------

function dotnetMissingRegistration(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.40', ['22', '119', '245']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' },
        { name: 'ConnectionStrings__Shipments', value: 'Host=fulfilment-db.cluster-c0k2x9.eu-west-1.rds.amazonaws.com;Database=shipments;Username=shipment_api' },
        { name: 'Carriers__Dhl__BaseUrl', value: 'https://express.api.dhl.com/mydhlapi' },
      ],
      readiness: httpProbe('/health/ready', 8080),
      liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: shipment-api 3.7.4', template: tpl('3.7.4') },
      { revision: 42, createdAgo: 34, changeCause: 'argocd: shipment-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 4 },
      { revision: 42, node: names[1] ?? '', createdAgo: 33, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 2.5, ranSeconds: 2 }, 11) } },
    ],
  });
  const other = bystander(ns, 'label-printer', names, 3 * HOURS, { revisions: [6, 7], versions: ['0.14.2', '0.15.0'], olderAgo: 30 * DAYS });
  const bad = podOf(app, 3);
  const crash = (t: number) => lines(
    `warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]`,
    `      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning`,
    `info: Fulfilment.ShipmentApi.Program[0]`,
    `      Starting shipment-api 3.8.0 (commit 5be21a7) at ${at(t)}`,
    `Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Fulfilment.Carriers.ICarrierRateClient' while attempting to activate 'Fulfilment.ShipmentApi.Workers.RateRefreshWorker'.`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateArgumentCallSites(ServiceIdentifier serviceIdentifier, Type implementationType, CallSiteChain callSiteChain, ParameterInfo[] parameters, Boolean throwIfCallSiteNotFound)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateConstructorCallSite(ResultCache lifetime, ServiceIdentifier serviceIdentifier, Type implementationType, CallSiteChain callSiteChain)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.TryCreateExact(ServiceDescriptor descriptor, ServiceIdentifier serviceIdentifier, CallSiteChain callSiteChain, Int32 slot)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.TryCreateEnumerable(ServiceIdentifier serviceIdentifier, CallSiteChain callSiteChain)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateCallSite(ServiceIdentifier serviceIdentifier, CallSiteChain callSiteChain)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceProvider.CreateServiceAccessor(ServiceIdentifier serviceIdentifier)`,
    `   at System.Collections.Concurrent.ConcurrentDictionary\`2.GetOrAdd(TKey key, Func\`2 valueFactory)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceProvider.GetService(ServiceIdentifier serviceIdentifier, ServiceProviderEngineScope serviceProviderEngineScope)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(IServiceProvider provider, Type serviceType)`,
    `   at Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService[T](IServiceProvider provider)`,
    `   at Microsoft.Extensions.Hosting.Internal.Host.StartAsync(CancellationToken cancellationToken)`,
    `   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(IHost host, CancellationToken token)`,
    `   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(IHost host, CancellationToken token)`,
    `   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Run(IHost host)`,
    `   at Program.<Main>$(String[] args) in /src/src/Fulfilment.ShipmentApi/Program.cs:line 71`,
  );
  const okLog = (k: number) => lines(
    `info: Microsoft.Hosting.Lifetime[14]`,
    `      Now listening on: http://[::]:8080`,
    `info: Microsoft.Hosting.Lifetime[0]`,
    `      Application started. Press Ctrl+C to shut down.`,
    `info: Fulfilment.ShipmentApi.Workers.RateRefreshWorker[0]`,
    `      Refreshed 4 carrier rate tables in ${812 + k * 37} ms`,
    `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
    `      Request finished HTTP/1.1 POST http://shipment-api.fulfilment/v1/shipments - 201 - application/json;+charset=utf-8 ${41 + k}.2207ms`,
  );
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...other.objects,
    ...exposed({ namespace: ns, name: 'shipment-api', selector: { app: 'shipment-api' }, pods: app.pods }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 34),
    scheduled(bad, 33),
    ...restartedAgain(bad, 'app', image('3.8.0'), { count: 12, firstAgo: 32.8, lastAgo: 3 }),
    backOff(bad, 'app', { count: 141, firstAgo: 32 }),
    event({ on: { kind: 'Pod', name: nameOf(podOf(other, 0)), namespace: ns }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.40.77:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', firstAgo: 3 * HOURS - 1, lastAgo: 3 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
  ];
  return {
    id: 'heldout91-dotnet-di-unresolved-service',
    class: 'containers',
    truth:
      'shipment-api 3.8.0 (revision 42) added RateRefreshWorker, a hosted service that needs ICarrierRateClient, but the build lost that registration (AddHttpClient<ICarrierRateClient, DhlRateClient> was dropped in a refactor of Program.cs), so the host throws "Unable to resolve service for type ICarrierRateClient" at start and the new pod crash-loops with exit 134; the three revision 41 pods still serve.',
    ask: { service: 'shipment-api', namespace: ns },
    objects,
    logs: [
      logsFor(bad, 'app', { previous: crash(2.6), current: crash(0.1) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ICarrierRateClient|Unable to resolve service|dependency injection|\bDI\b/i],
      facts: [/ICarrierRateClient/, /revision 42|3\.8\.0/, /RateRefreshWorker/],
      never: [/\bOOM/, /out of memory/i],
    },
  };
}

// ---- 3. Rails secret_key_base lost with an envFrom swap -------------------------------------------

function railsSecretKeyBase(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.24', ['9', '137', '201']);
  const image = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const tpl = (v: string, envFrom: k8s.V1EnvFromSource[]) => ({
    containers: [container({
      name: 'web', image: image(v), ports: [3000], cpu: '500m', memory: '768Mi',
      command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      env: [
        { name: 'RAILS_ENV', value: 'production' },
        { name: 'RAILS_LOG_TO_STDOUT', value: '1' },
        { name: 'WEB_CONCURRENCY', value: '2' },
      ],
      envFrom,
      readiness: httpProbe('/up', 3000),
      liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 2,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'helm upgrade storefront-web 4.18.0', template: tpl('4.18.0', [{ configMapRef: { name: 'storefront-web-env' } }, { secretRef: { name: 'storefront-web-secrets' } }]) },
      { revision: 27, createdAgo: 47, changeCause: 'helm upgrade storefront-web 4.18.0 (chart 2.0.0: secrets from external-secrets)', template: tpl('4.18.0', [{ configMapRef: { name: 'storefront-web-env' } }, { secretRef: { name: 'storefront-db-credentials' } }]) },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 26, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 27, node: names[1] ?? '', createdAgo: 46, containers: { web: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 4 }, 13) } },
    ],
  });
  const env = configMap({
    namespace: ns, name: 'storefront-web-env', createdAgo: 90 * DAYS, updatedAgo: 12 * DAYS,
    data: { RAILS_MAX_THREADS: '5', RAILS_SERVE_STATIC_FILES: 'false', REDIS_URL: 'redis://storefront-redis:6379/0', ASSET_HOST: 'https://cdn.storefront.example', SOLID_QUEUE_IN_PUMA: 'false' },
  });
  const other = bystander(ns, 'storefront-jobs', names, 47, { revisions: [30, 31], versions: ['4.18.0', '4.18.0'], olderAgo: 12 * DAYS });
  const bad = podOf(app, 2);
  const crash = lines(
    '=> Booting Puma',
    '=> Rails 7.1.4 application starting in production ',
    '=> Run `bin/rails server --help` for more startup options',
    '/usr/local/bundle/gems/railties-7.1.4/lib/rails/application.rb:658:in `validate_secret_key_base\': Missing `secret_key_base` for \'production\' environment, set this string with `bin/rails credentials:edit` (ArgumentError)',
    '\tfrom /usr/local/bundle/gems/railties-7.1.4/lib/rails/application.rb:490:in `secret_key_base\'',
    '\tfrom /usr/local/bundle/gems/railties-7.1.4/lib/rails/application.rb:470:in `key_generator\'',
    '\tfrom /usr/local/bundle/gems/railties-7.1.4/lib/rails/application.rb:500:in `message_verifiers\'',
    '\tfrom /usr/local/bundle/gems/activestorage-7.1.4/lib/active_storage/engine.rb:140:in `block (2 levels) in <class:Engine>\'',
    '\tfrom /usr/local/bundle/gems/activesupport-7.1.4/lib/active_support/lazy_load_hooks.rb:92:in `class_eval\'',
    '\tfrom /usr/local/bundle/gems/railties-7.1.4/lib/rails/initializable.rb:32:in `run\'',
    '\tfrom /usr/local/bundle/gems/railties-7.1.4/lib/rails/application.rb:426:in `initialize!\'',
    '\tfrom /app/config/environment.rb:5:in `<main>\'',
    '\tfrom config.ru:3:in `require_relative\'',
    '\tfrom /usr/local/bundle/gems/puma-6.4.3/lib/puma/launcher.rb:193:in `run\'',
    '\tfrom /usr/local/bundle/gems/puma-6.4.3/bin/puma:10:in `<top (required)>\'',
  );
  const okLog = (k: number) => lines(
    `I, [${rbTime(5 + k)} #${12 + k}]  INFO -- : [3f1${k}c2a9-77de-4b0e-9a51-2b8c0e6f1d4${k}] Started GET "/products/trail-runner-2" for 10.0.51.${30 + k} at 2026-11-21 03:0${8 - k}:12 +0000`,
    `I, [${rbTime(5 + k)} #${12 + k}]  INFO -- : [3f1${k}c2a9-77de-4b0e-9a51-2b8c0e6f1d4${k}] Completed 200 OK in ${48 + k}ms (Views: 31.2ms | ActiveRecord: 9.8ms | Allocations: 21877)`,
    `I, [${rbTime(2 + k)} #${12 + k}]  INFO -- : [9ac${k}0d11-12fe-4c7d-8d20-71b0e2a93c5${k}] Started GET "/up" for 10.0.24.${9 + k} at 2026-11-21 03:1${1 - k}:40 +0000`,
    `I, [${rbTime(2 + k)} #${12 + k}]  INFO -- : [9ac${k}0d11-12fe-4c7d-8d20-71b0e2a93c5${k}] Completed 200 OK in 2ms (Views: 0.9ms | ActiveRecord: 0.0ms | Allocations: 412)`,
  );
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...other.objects,
    env,
    ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: app.pods, endpointPort: 3000 }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 47),
    scheduled(bad, 46),
    ...restartedAgain(bad, 'web', image('4.18.0'), { count: 14, firstAgo: 45.8, lastAgo: 1.6 }),
    backOff(bad, 'web', { count: 190, firstAgo: 45 }),
  ];
  return {
    id: 'heldout91-rails-missing-secret-key-base',
    class: 'config',
    truth:
      'Revision 27 of storefront-web (a chart 2.0.0 upgrade moving secrets to external-secrets) replaced envFrom secretRef storefront-web-secrets, which carried SECRET_KEY_BASE, by storefront-db-credentials, which only holds the database credentials; the same image now boots without SECRET_KEY_BASE and Rails aborts with "Missing `secret_key_base` for \'production\' environment" (ArgumentError), so the new pod crash-loops while the two revision 26 pods still serve.',
    ask: { service: 'storefront-web', namespace: ns },
    objects,
    logs: [
      logsFor(bad, 'web', { previous: crash, current: crash }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'web', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/secret_key_base|SECRET_KEY_BASE/i, /revision 27|storefront-web-secrets|storefront-db-credentials|envFrom/i],
      facts: [/storefront-web-secrets/, /storefront-db-credentials/],
      never: [/\bOOM/, /image (tag|version)[^\n]*(bad|broken|caused)/i],
    },
  };
}

// ---- 4. nginx upstream host not found after a Service rename -------------------------------------

function nginxUpstreamRenamed(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.88', ['31', '160', '212']);
  const image = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi',
      volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
      readiness: httpProbe('/nginx-health', 8080),
      liveness: tcpProbe(8080, { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'conf', configMap: { name: 'media-gateway-conf', defaultMode: 420 } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'media-gateway',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, template: tpl() },
      { revision: 9, createdAgo: 26, template: tpl(at(26).replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 21 * DAYS - 1 },
      { revision: 8, node: names[1] ?? '', createdAgo: 21 * DAYS - 2 },
      { revision: 9, node: names[2] ?? '', createdAgo: 25, containers: { nginx: crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 1 }, 10) } },
    ],
  });
  const resizerImage = `${ECR}/media/thumbnailer:2.2.0`;
  const resizer = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 3 * HOURS, changeCause: 'helm install thumbnailer (chart renamed from thumbnail-svc)', template: { containers: [container({ image: resizerImage, ports: [8080], cpu: '500m', memory: '1Gi' })] } }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 3 * HOURS - 1 }, { revision: 1, node: names[2] ?? '', createdAgo: 3 * HOURS - 1 }],
  });
  const conf = configMap({
    namespace: ns, name: 'media-gateway-conf', createdAgo: 140 * DAYS, updatedAgo: 21 * DAYS,
    data: {
      'default.conf': [
        'upstream originals {',
        '    server media-origin:8080;',
        '    keepalive 16;',
        '}',
        '',
        'server {',
        '    listen 8080;',
        '    client_max_body_size 25m;',
        '',
        '    location = /nginx-health { access_log off; return 200 "ok\\n"; }',
        '',
        '    location /thumbs/ {',
        '        proxy_set_header Host $host;',
        '        proxy_pass http://thumbnail-svc:8080/;',
        '        proxy_read_timeout 20s;',
        '    }',
        '',
        '    location / {',
        '        proxy_pass http://originals;',
        '        proxy_http_version 1.1;',
        '        proxy_set_header Connection "";',
        '    }',
        '}',
        '',
      ].join('\n'),
    },
  });
  const origin = bystander(ns, 'media-origin', names, 6 * DAYS, { revisions: [14, 15], versions: ['7.0.3', '7.1.0'], olderAgo: 40 * DAYS });
  const bad = podOf(app, 2);
  const crash = (t: number) => lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngxTime(t)} [emerg] 1#1: host not found in upstream "thumbnail-svc:8080" in /etc/nginx/conf.d/default.conf:14`,
    'nginx: [emerg] host not found in upstream "thumbnail-svc:8080" in /etc/nginx/conf.d/default.conf:14',
  );
  const oldLog = (k: number) => lines(
    `10.0.51.${40 + k} - - [${clfTime(4 - k)}] "GET /originals/2026/11/a81f3c.jpg HTTP/1.1" 200 482113 "-" "okhttp/4.12.0"`,
    `${ngxTime(3.2 - k)} [error] 29#29: *${88121 + k} upstream timed out (110: Operation timed out) while connecting to upstream, client: 10.0.51.${40 + k}, server: , request: "GET /thumbs/320x320/a81f3c.jpg HTTP/1.1", upstream: "http://172.20.61.18:8080/320x320/a81f3c.jpg", host: "media.internal"`,
    `10.0.51.${40 + k} - - [${clfTime(3.2 - k)}] "GET /thumbs/320x320/a81f3c.jpg HTTP/1.1" 504 167 "-" "okhttp/4.12.0"`,
  );
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...resizer.objects,
    ...origin.objects,
    conf,
    ...exposed({ namespace: ns, name: 'media-gateway', selector: { app: 'media-gateway' }, pods: app.pods }),
    ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: resizer.pods, createdAgo: 3 * HOURS, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
    ...exposed({ namespace: ns, name: 'media-origin', selector: { app: 'media-origin' }, pods: origin.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 26),
    scheduled(bad, 25),
    ...restartedAgain(bad, 'nginx', image, { count: 11, firstAgo: 24.9, lastAgo: 0.9 }),
    backOff(bad, 'nginx', { count: 112, firstAgo: 24.5 }),
  ];
  return {
    id: 'heldout91-nginx-upstream-service-renamed',
    class: 'config',
    truth:
      'The thumbnail service was reinstalled 3 hours ago under a new chart name, so the Service "thumbnail-svc" is gone and "thumbnailer" replaced it, but the media-gateway ConfigMap still proxies /thumbs/ to thumbnail-svc:8080. The rollout restart (revision 9) started nginx pods that die at start on "host not found in upstream \\"thumbnail-svc:8080\\"" (default.conf:14); the two old pods resolved the name before and time out on its dead clusterIP.',
    ask: { service: 'media-gateway', namespace: ns },
    objects,
    logs: [
      logsFor(bad, 'nginx', { previous: crash(0.85), current: crash(0.1) }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'nginx', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/thumbnail-svc|host not found/i],
      facts: [/thumbnail-svc/, /media-gateway-conf|default\.conf/, /thumbnailer\b/],
      never: [/\bOOM/, /dns|coredns/i],
    },
  };
}

// ---- 5. Bundler::GemNotFound: a Gemfile.lock locked on a Mac ----------------------------------------

function bundlerPlatformMismatch(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.56', ['17', '98', '233']);
  const image = (v: string) => `${ECR}/search/catalog-indexer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'sidekiq', image: image(v), ports: [{ name: 'metrics', containerPort: 9394 }], cpu: '500m', memory: '1Gi',
      command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'],
      env: [
        { name: 'RACK_ENV', value: 'production' },
        { name: 'REDIS_URL', value: 'redis://search-redis:6379/2' },
        { name: 'OPENSEARCH_URL', value: 'https://vpc-catalog-search-x7c2.eu-west-1.es.amazonaws.com' },
      ],
      readiness: null,
      liveness: tcpProbe('metrics', { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 10 * DAYS, changeCause: 'argocd: catalog-indexer 2.8.1', template: tpl('2.8.1') },
      { revision: 15, createdAgo: 72, changeCause: 'argocd: catalog-indexer 2.9.0', template: tpl('2.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 71 - k * 2, containers: { sidekiq: crashLoop({ exitCode: 1, finishedAgo: 1 + k, ranSeconds: 3 }, 17 - k) } })),
    strategy: { type: 'Recreate' },
  });
  const other = bystander(ns, 'search-api', names, 8 * DAYS, { revisions: [40, 41], versions: ['6.2.0', '6.2.1'], olderAgo: 25 * DAYS });
  const crash = lines(
    'bundler: failed to load command: sidekiq (/usr/local/bundle/bin/sidekiq)',
    '/usr/local/lib/ruby/3.3.0/bundler/definition.rb:602:in `materialize\': Could not find nokogiri-1.16.7-arm64-darwin in locally installed gems (Bundler::GemNotFound)',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/definition.rb:228:in `specs\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/definition.rb:289:in `specs_for\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/runtime.rb:18:in `setup\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler.rb:162:in `setup\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/setup.rb:26:in `block in <top (required)>\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/ui/shell.rb:159:in `with_level\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/ui/shell.rb:111:in `silence\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/setup.rb:26:in `<top (required)>\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:56:in `require_relative\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:56:in `kernel_load\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:23:in `run\'',
    '\tfrom /usr/local/lib/ruby/3.3.0/bundler/cli.rb:455:in `exec\'',
    '\tfrom /usr/local/bin/bundle:25:in `<main>\'',
  );
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...other.objects,
    ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 72),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 72),
    ...app.pods.flatMap((p, k) => [
      scheduled(p, 71 - k * 2),
      ...restartedAgain(p, 'sidekiq', image('2.9.0'), { count: 18 - k, firstAgo: 70.8 - k * 2, lastAgo: 1.1 + k }),
      backOff(p, 'sidekiq', { count: 300 - k * 11, firstAgo: 70 - k * 2 }),
    ]),
  ];
  return {
    id: 'heldout91-bundler-gem-platform-mismatch',
    class: 'containers',
    truth:
      'catalog-indexer 2.9.0 (revision 15) shipped a Gemfile.lock regenerated on a developer\'s Mac whose PLATFORMS lists only arm64-darwin, so the lock pins nokogiri-1.16.7-arm64-darwin; the x86_64-linux image never installed that gem, and `bundle exec sidekiq` dies at boot with Bundler::GemNotFound, so every pod crash-loops (Recreate strategy, no old pod left).',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects,
    logs: app.pods.map((p) => logsFor(p, 'sidekiq', { previous: crash, current: crash })),
    expect: {
      verdict: 'problems',
      headline: [/GemNotFound|nokogiri|Gemfile\.lock|arm64-darwin|platform/i],
      facts: [/nokogiri/, /revision 15|2\.9\.0/],
      never: [/\bOOM/, /redis|opensearch/i],
    },
  };
}

// ---- 6. CronJob's /bin/bash gone after the base image moved to alpine -------------------------------

function cronJobNoBash(): CorpusScenario {
  const ns = 'finance-jobs';
  const { nodes, names } = threeEksNodes('10.0.120', ['8', '77', '190']);
  const image = `${ECR}/platform/python-job-base:3.12-stable`;
  const c = batchContainer({
    name: 'export', image, cpu: '200m', memory: '512Mi',
    command: ['/bin/bash', '-c', 'set -euo pipefail; python -m ledger_export --since "$(date -u -d \'-1 hour\' +%FT%H:00:00Z)" --bucket "$EXPORT_BUCKET"'],
    env: [
      { name: 'EXPORT_BUCKET', value: 's3://acme-finance-exports/ledger/' },
      { name: 'LEDGER_DSN', value: 'postgresql://ledger_ro@ledger-db.cluster-cz7a1.eu-west-1.rds.amazonaws.com:5432/ledger' },
    ],
  });
  c.imagePullPolicy = 'Always';
  const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown';
  const startError = (ago_: number) => terminated({ exitCode: 128, reason: 'StartError', message, finishedAgo: ago_, ranSeconds: 0 });
  const doneOk = (ago_: number) => terminated({ exitCode: 0, reason: 'Completed', finishedAgo: ago_, ranSeconds: 94 });
  const cron = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '5 * * * *',
    backoffLimit: 2,
    template: { containers: [c], serviceAccountName: 'ledger-export' },
    lastSuccessfulAgo: 2 * HOURS + 7,
    jobs: [
      { createdAgo: 4 * HOURS + 9, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 4 * HOURS + 9, containers: { export: doneOk(4 * HOURS + 7) } }], outcome: { complete: true, ago: 4 * HOURS + 7 } },
      { createdAgo: 3 * HOURS + 9, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 3 * HOURS + 9, containers: { export: doneOk(3 * HOURS + 7) } }], outcome: { complete: true, ago: 3 * HOURS + 7 } },
      { createdAgo: 2 * HOURS + 9, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 2 * HOURS + 9, containers: { export: doneOk(2 * HOURS + 7) } }], outcome: { complete: true, ago: 2 * HOURS + 7 } },
      {
        createdAgo: 9,
        pods: [
          { node: names[0] ?? '', phase: 'Failed', createdAgo: 9, containers: { export: startError(8.9) } },
          { node: names[1] ?? '', phase: 'Failed', createdAgo: 8.8, containers: { export: startError(8.7) } },
          { node: names[2] ?? '', phase: 'Failed', createdAgo: 8.4, containers: { export: startError(8.3) } },
        ],
        outcome: { failed: 'BackoffLimitExceeded', ago: 8.2 },
      },
    ],
  });
  const failedJob = cron.jobs[3];
  const cronObj = cron.objects[0];
  const failedPods = failedJob?.pods ?? [];
  const other = bystander(ns, 'invoice-renderer', names, 2 * DAYS, { revisions: [21, 22], versions: ['3.1.0', '3.1.1'], olderAgo: 30 * DAYS });
  const fieldPath = 'spec.containers{export}';
  const objects: KubeJson[] = [
    ...nodes,
    ...cron.objects,
    ...other.objects,
    ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
    cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ledger-export-${Math.floor(ago(69).getTime() / 60_000)}`, 69),
    cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ledger-export-${Math.floor(ago(69).getTime() / 60_000)}, condition: Failed`, 68.2),
    cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job ledger-export-${Math.floor(ago(69).getTime() / 60_000)}`, 8.2),
    cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(failedJob?.objects[0])}`, 9),
    jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[0])}`, 9),
    jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[1])}`, 8.8),
    jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPods[2])}`, 8.4),
    jobEvent(failedJob?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 8.2, 'Warning'),
    cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob?.objects[0])}, condition: Failed`, 8.2),
    ...failedPods.flatMap((p, k) => [
      scheduled(p, [9, 8.8, 8.4][k] ?? 9),
      event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: [9, 8.8, 8.4][k] ?? 9, lastAgo: [9, 8.8, 8.4][k] ?? 9, fieldPath }),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in ${k === 0 ? '2.114s (2.114s' : '388ms (388ms'} including waiting). Image size: 31874216 bytes.`, firstAgo: ([9, 8.8, 8.4][k] ?? 9) - 0.05, lastAgo: ([9, 8.8, 8.4][k] ?? 9) - 0.05, fieldPath }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container export', firstAgo: ([8.95, 8.75, 8.35][k] ?? 9), lastAgo: ([8.95, 8.75, 8.35][k] ?? 9), fieldPath }),
      event({ on: p, reason: 'Failed', message: `Error: ${message}`, firstAgo: ([8.9, 8.7, 8.3][k] ?? 9), lastAgo: ([8.9, 8.7, 8.3][k] ?? 9), fieldPath }),
    ]),
  ];
  return {
    id: 'heldout91-cronjob-bash-missing-alpine-base',
    class: 'jobs',
    truth:
      'The platform team rebuilt the shared python-job-base:3.12-stable image on python:3.12-alpine (from Debian slim) two hours ago; ledger-export pulls that mutable tag (imagePullPolicy Always) and runs command ["/bin/bash", "-c", …], but alpine ships only /bin/sh, so runc fails with exec: "/bin/bash": stat /bin/bash: no such file or directory (StartError, exit 128); the 02:05 and 03:05 Jobs hit their backoff limit (the 02:05 one already pruned by failedJobsHistoryLimit), last success 01:07.',
    ask: { service: 'ledger-export', namespace: ns },
    objects,
    expect: {
      verdict: 'problems',
      headline: [/\/bin\/bash|\bbash\b/i, /no such file|not found|missing|StartError|alpine|image/i],
      facts: [/python-job-base:3\.12-stable/, /\/bin\/bash/],
      never: [/\bOOM/, /ledger-db|database|permission denied/i],
    },
  };
}

// ---- 7. healthy control: Flask admin on Werkzeug's development server ------------------------------

function flaskDevServerHealthy(): CorpusScenario {
  const ns = 'ops-tools';
  const { nodes, names } = threeEksNodes('10.0.132', ['12', '75', '214']);
  const image = `${ECR}/ops-tools/flag-admin:0.6.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'flag-admin',
    replicas: 1,
    revisions: [
      { revision: 5, createdAgo: 30 * DAYS, changeCause: 'argocd: flag-admin 0.6.1', template: { containers: [container({ image: `${ECR}/ops-tools/flag-admin:0.6.1`, ports: [5000], cpu: '50m', memory: '128Mi', command: ['flask', '--app', 'flag_admin', 'run', '--host=0.0.0.0', '--port=5000'] })] } },
      { revision: 6, createdAgo: 6 * DAYS, changeCause: 'argocd: flag-admin 0.6.2', template: { containers: [container({ image, ports: [5000], cpu: '50m', memory: '128Mi', command: ['flask', '--app', 'flag_admin', 'run', '--host=0.0.0.0', '--port=5000'] })] } },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 6 * DAYS - 1.2 }) } }],
  });
  const other = bystander(ns, 'runbook-bot', names, 4 * DAYS, { revisions: [3, 4], versions: ['1.2.0', '1.2.1'], olderAgo: 50 * DAYS });
  const p = podOf(app, 0);
  const ip = p.status?.podIP ?? '10.0.132.40';
  const host = p.status?.hostIP ?? '10.0.132.75';
  const log: string[] = [
    " * Serving Flask app 'flag_admin'",
    ' * Debug mode: off',
    'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
    ' * Running on all addresses (0.0.0.0)',
    ' * Running on http://127.0.0.1:5000',
    ` * Running on http://${ip}:5000`,
    'Press CTRL+C to quit',
  ];
  for (let i = 0; i < 12; i++) {
    const t = 11 - i * 0.9;
    log.push(`${host} - - [${wzTime(t)}] "GET /ready HTTP/1.1" 200 -`);
    if (i % 2 === 0) log.push(`${host} - - [${wzTime(t - 0.1)}] "GET /healthz HTTP/1.1" 200 -`);
    if (i === 5) log.push(`10.0.44.${17} - - [${wzTime(t - 0.2)}] "POST /flags/checkout-new-tax-engine/toggle HTTP/1.1" 302 -`, `10.0.44.17 - - [${wzTime(t - 0.21)}] "GET /flags HTTP/1.1" 200 -`);
  }
  const objects: KubeJson[] = [
    ...nodes,
    ...app.objects,
    ...other.objects,
    ...exposed({ namespace: ns, name: 'flag-admin', selector: { app: 'flag-admin' }, pods: app.pods, endpointPort: 5000 }),
    ...exposed({ namespace: ns, name: 'runbook-bot', selector: { app: 'runbook-bot' }, pods: other.pods }),
    event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ip}:5000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 5 * DAYS, lastAgo: 5 * DAYS, fieldPath: 'spec.containers{app}' }),
  ];
  return {
    id: 'heldout91-flask-dev-server-healthy',
    class: 'healthy',
    truth:
      'flag-admin, a one-replica internal Flask tool, runs on Werkzeug\'s development server and prints "WARNING: This is a development server…" at every start; its pod has been Ready for six days, probes pass and requests succeed. Nothing is wrong.',
    ask: { service: 'flag-admin', namespace: ns },
    objects,
    logs: [logsFor(p, 'app', { current: lines(...log) })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|ok\b|running|ready/i],
      facts: [/flag-admin/],
      never: [/development server[^\n]*(cause|fail|broke)/i, /crash/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  djangoRedirectLoop(),
  dotnetMissingRegistration(),
  railsSecretKeyBase(),
  nginxUpstreamRenamed(),
  bundlerPlatformMismatch(),
  cronJobNoBash(),
  flaskDevServerHealthy(),
];
