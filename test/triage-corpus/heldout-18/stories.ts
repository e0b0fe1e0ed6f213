// Held-out stories, eighteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A sidecar injected by a Kyverno policy whose image the platform registry deleted, a re-created
// StatefulSet whose claim cannot bind a Released static volume still claimed by the old claim's
// uid, a slim base image without the corporate root CA (PKIX), a Deployment scaled 6 → 1 by hand
// from a runbook, CoreDNS's upstream resolvers timing out, an init container outgrowing its 256Mi,
// an HPA still targeting the Deployment's old name, a projected token audience changed by a
// revision, hugepages no node has, the NVIDIA device plugin crash-looping after a driver upgrade,
// a dropped emptyDir mount, a node whose kubelet stopped posting status, and two healthy
// controls: a nightly `rollout restart`, and a DaemonSet during a node drain.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, batchContainer, container, containerStatus, coreDns, crashLoop, deploymentApp, epochMs, event,
  exposed, httpProbe, nameOf, probeFailed, pv, pvc, pyTime, restartedAgain, rsOf, running, scheduled, service,
  statefulSetApp, waiting, configMap, hpa, ago,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';
import { PART_TWO, aksNode, bystander, deploymentOf, gkeNode, lines, scaledRs, spring } from './part2.js';

// ---- 1. a Kyverno-injected sidecar whose image the platform registry deleted ---------------------

function injectedSidecarImageDeleted(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.181');
  const image = (v: string) => `${ECR}/payments/ledger-api:${v}`;
  const agentImage = 'registry.platform.acme.internal/observability/log-agent:2.3.1';
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '384Mi', env: [{ name: 'GOMEMLIMIT', value: '340MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const pullBackOff = waiting('ImagePullBackOff', `Back-off pulling image "${agentImage}"`);
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 31, createdAgo: 5 * DAYS, changeCause: 'argocd: ledger-api 1.14.2', template: tpl('1.14.2') },
      { revision: 32, createdAgo: 22, changeCause: 'argocd: ledger-api 1.14.3', template: tpl('1.14.3') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 5 * DAYS - k })),
      { revision: 32, node: names[1] ?? '', createdAgo: 21.5, ready: false, containers: { app: running({ sinceAgo: 20.8 }) } },
    ],
  });
  // What the policy engine's mutating webhook adds at admission: the sidecar, and its record of it.
  const agent = container({ name: 'log-agent', image: agentImage, ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'varlog', mountPath: '/var/log/pods', readOnly: true }] });
  app.pods.forEach((p, i) => {
    const fresh = i === 3;
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'policies.kyverno.io/last-applied-patches': 'inject-log-agent.add-log-agent.kyverno.io: added /spec/containers/1\n' } };
    // The pod's own copies: the kit shares the containers and volumes arrays with the ReplicaSets' templates, which admission never touches.
    if (p.spec) p.spec = { ...p.spec, containers: [...p.spec.containers, agent], volumes: [...(p.spec.volumes ?? []), { name: 'varlog', hostPath: { path: '/var/log/pods', type: '' } }] };
    p.status?.containerStatuses?.push(containerStatus(agent, fresh ? pullBackOff : running({ sinceAgo: 5 * DAYS - i }), `${ns}/${nameOf(p)}`));
    if (fresh) for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.message = 'containers with unready status: [log-agent]';
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'ledger-reconciler', names, 47);
  const fp = 'spec.containers{log-agent}';
  const notFound = `failed to pull and unpack image "${agentImage}": failed to resolve reference "${agentImage}": ${agentImage}: not found`;
  return {
    id: 'heldout18-kyverno-injected-sidecar-image-deleted',
    class: 'containers',
    truth: 'The platform team\'s Kyverno policy inject-log-agent mutates every pod at admission to add a log-agent sidecar from the platform registry (registry.platform.acme.internal/observability/log-agent:2.3.1). Last night a registry retention job deleted that tag. Pods admitted before keep running (the image is cached on their nodes), but the new pod of ledger-api revision 32 (1.14.3, 22 minutes ago) cannot pull the injected log-agent image (not found): its app container, whose template is unchanged apart from the version, runs fine, the injected container sits in ImagePullBackOff, so the pod never turns ready and the rollout is stuck with three revision-31 pods serving. Revision 32 is not the cause; rolling back would hit the same wall. Fix: restore the tag (or point the policy at an existing log-agent version).',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-reconciler', selector: { app: 'ledger-reconciler' }, pods: other.pods }),
      scaledRs(deploymentOf(app), rsOf(app, 32), 1, 0, 22),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 47),
      scheduled(fresh, 21.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('1.14.3')}"`, firstAgo: 21.4, lastAgo: 21.4, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('1.14.3')}" in 2.412s (2.412s including waiting). Image size: 24118342 bytes.`, firstAgo: 21.3, lastAgo: 21.3, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 21.3, lastAgo: 21.3, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 21.3, lastAgo: 21.3, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${agentImage}"`, count: 9, firstAgo: 21.3, lastAgo: 1.6, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: `Failed to pull image "${agentImage}": rpc error: code = NotFound desc = ${notFound}`, count: 9, firstAgo: 21.2, lastAgo: 1.6, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: 'Error: ErrImagePull', count: 9, firstAgo: 21.2, lastAgo: 1.6, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${agentImage}"`, count: 88, firstAgo: 21, lastAgo: 0.2, fieldPath: fp }),
      event({ on: fresh, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 88, firstAgo: 21, lastAgo: 0.2, fieldPath: fp }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(`{"time":"${at(20.7)}","level":"INFO","msg":"ledger-api starting","version":"1.14.3","addr":":8080"}`, `{"time":"${at(20.6)}","level":"INFO","msg":"postgres pool ready","max_conns":20}`, `{"time":"${at(0.9)}","level":"INFO","msg":"GET /readyz","status":200,"dur_ms":1}`) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.2)}","level":"INFO","msg":"POST /v1/entries","status":201,"dur_ms":14}`, `{"time":"${at(0.4)}","level":"INFO","msg":"GET /v1/balances","status":200,"dur_ms":6}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/log-agent/],
      facts: [lit('log-agent:2.3.1'), /not found|NotFound/, /inject|kyverno|webhook|sidecar|not (in|part of) the (pod )?template/i],
      never: [ADVISES_ROLLBACK, /ledger-api:1\.14\.3[^\n]*(not found|missing|pull)/i, /\bOOM/, /crash ?loop/i, /ledger-reconciler/],
    },
  };
}

// ---- 2. StatefulSet re-created: a Released static volume still claimed by the old claim's uid -----

function releasedStaticVolumeOldClaimRef(): CorpusScenario {
  const ns = 'coordination';
  const aks = [0, 1, 2].map((i) => aksNode({ pool: 'stateful', index: i, zone: `westeurope-${i + 1}`, createdAgo: 30 * DAYS }));
  const names = aks.map(nameOf);
  const image = 'docker.io/library/zookeeper:3.9.3';
  const tpl = { containers: [container({ name: 'zookeeper', image, ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], memory: '2Gi', cpu: '500m', readiness: { exec: { command: ['sh', '-c', 'echo ruok | nc 127.0.0.1 2181 | grep imok'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/data' }] })] };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'zk',
    replicas: 3,
    serviceName: 'zk-headless',
    createdAgo: 55,
    revisions: [{ revision: 1, createdAgo: 55, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [
      { revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 54 },
      { revision: 1, ordinal: 1, node: names[1] ?? '', createdAgo: 38 },
      { revision: 1, ordinal: 2, node: null, createdAgo: 36, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', containers: { zookeeper: waiting('ContainerCreating') } },
    ],
  });
  const disk = (i: number) => ({ driver: 'disk.csi.azure.com', volumeHandle: `/subscriptions/3f2b8c1e-0000-4000-a000-5d1c2e7f9a10/resourceGroups/rg-prod-disks/providers/Microsoft.Compute/disks/zk-data-${i}` });
  const volumes = [0, 1, 2].map((i) => {
    const v = pv({ name: `zk-data-${i}`, storage: '20Gi', zone: `westeurope-${i + 1}`, claim: { namespace: ns, name: `data-zk-${i}` }, storageClass: '', static: true, reclaimPolicy: 'Retain', phase: i === 2 ? 'Released' : 'Bound', createdAgo: 410 * DAYS, csi: disk(i) });
    // zk-data-2 still names the claim deleted with the old StatefulSet: same name, the old uid.
    if (i === 2 && v.spec?.claimRef) v.spec.claimRef = { ...v.spec.claimRef, uid: 'b7e4c2a9-41f3-4d8e-a6c2-0f9d31e5a874', resourceVersion: '418822731' };
    return v;
  });
  const claims = [0, 1, 2].map((i) => pvc({ namespace: ns, name: `data-zk-${i}`, storage: '20Gi', storageClass: null, phase: i === 2 ? 'Pending' : 'Bound', ...(i === 2 ? {} : { volumeName: `zk-data-${i}` }), createdAgo: i === 0 ? 54.5 : i === 1 ? 38.2 : 36.2, labels: { app: 'zk' } }));
  for (const c of claims) delete c.metadata?.annotations?.['volume.kubernetes.io/storage-provisioner'];
  const [zk0, zk1, zk2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const zkLog = (p: k8s.V1Pod, id: number) => lines(
    `${at(30).replace('T', ' ').replace('Z', '')} [myid:${id}] - INFO  [QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.QuorumPeer@1500] - LOOKING`,
    `${at(0.8).replace('T', ' ').replace('Z', '')} [myid:${id}] - WARN  [QuorumConnectionThreadSender:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 3 at election address zk-2.zk-headless.${ns}.svc.cluster.local/<unresolved>:3888`,
    `${at(0.5).replace('T', ' ').replace('Z', '')} [myid:${id}] - INFO  [QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.FastLeaderElection@979] - Notification time out: 60000 ms`,
  );
  return {
    id: 'heldout18-recreated-statefulset-released-static-pv',
    class: 'storage',
    truth: 'To change its serviceName, the zk StatefulSet was deleted and re-created 55 minutes ago, and its claims were deleted with it. Its data lives on three pre-provisioned Azure disks (static PVs, storageClassName "", reclaim policy Retain), so the PVs went Released, each keeping a claimRef to the old claim\'s uid. The operator cleared claimRef on zk-data-0 and zk-data-1, which bound again, but zk-data-2 is still Released with claimRef data-zk-2 of the old uid: the PV controller will not bind it to the new data-zk-2 claim, there is no other volume and no storage class to provision one ("no persistent volumes available for this claim and no storage class is set"), so data-zk-2 and zk-2 stay Pending and the ensemble runs 2 of 3. Fix: clear spec.claimRef (or its uid) on zk-data-2.',
    ask: { service: 'zk' },
    objects: [
      ...aks, ...sts.objects, ...volumes, ...claims,
      service({ namespace: ns, name: 'zk-headless', selector: { app: 'zk' }, headless: true, ports: [{ name: 'client', port: 2181, targetPort: 2181 }, { name: 'quorum', port: 2888, targetPort: 2888 }, { name: 'election', port: 3888, targetPort: 3888 }], createdAgo: 55 }),
      ...exposed({ namespace: ns, name: 'zk', selector: { app: 'zk' }, pods: sts.pods, ports: [{ name: 'client', port: 2181, targetPort: 2181 }], endpointPort: 2181, createdAgo: 400 * DAYS }),
      event({ on: { kind: 'StatefulSet', name: 'zk', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-zk-0 Pod zk-0 in StatefulSet zk success`, firstAgo: 54.5, lastAgo: 54.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'zk', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-zk-2 Pod zk-2 in StatefulSet zk success`, firstAgo: 36.2, lastAgo: 36.2, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'zk', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod zk-2 in StatefulSet zk successful`, firstAgo: 36.1, lastAgo: 36.1, component: 'statefulset-controller' }),
      event({ on: claims[2] ?? {}, type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', count: 143, firstAgo: 36.2, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: claims[0] ?? {}, type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', count: 16, firstAgo: 54.5, lastAgo: 47, component: 'persistentvolume-controller' }),
      event({ on: zk2, reason: 'FailedScheduling', message: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', count: 9, firstAgo: 36.1, lastAgo: 1.1, component: 'default-scheduler' }),
      ...startedAt(zk0, 'zookeeper', image, 46.5),
      ...startedAt(zk1, 'zookeeper', image, 38),
    ],
    logs: [logsFor(zk0, 'zookeeper', { current: zkLog(zk0, 1) }), logsFor(zk1, 'zookeeper', { current: zkLog(zk1, 2) })],
    expect: {
      verdict: 'problems',
      headline: [/data-zk-2|zk-data-2/, /Released|claimRef|unbound|Pending/i],
      facts: [/zk-data-2/, /Released/, /claimRef|old claim|uid/i],
      never: [/(set|add|create|configure) (a |the )?(default )?storage ?class/i, /\bOOM/, /\bquota\b/i, /Insufficient (cpu|memory)/i],
    },
  };
}

// ---- 3. a slim base image without the corporate root CA: PKIX at startup -------------------------

function slimImageMissingCorporateCa(): CorpusScenario {
  const ns = 'billing';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const gke = ['x7k2', 'p9qm', 'h4tz'].map((id, i) => gkeNode({ cluster: 'prod-euw1', pool: 'default-pool', id, zone: zones[i] ?? 'europe-west1-b' }));
  const names = gke.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod/billing/billing-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', cpu: '500m', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'AUTH_JWKS_URI', value: 'https://auth.internal.acme.corp/oauth2/jwks' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-gateway',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 11 * DAYS, changeCause: 'argocd: billing-gateway 4.2.0', template: tpl('4.2.0') },
      { revision: 57, createdAgo: 26, changeCause: 'argocd: billing-gateway 4.2.1 (Dockerfile: base image acme/jre-corp:21 -> eclipse-temurin:21-jre-alpine, slimmer image)', template: tpl('4.2.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 57, node: names[0] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 14 }, 9) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 15 }, 9) } },
    ],
  });
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const pkix = 'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
  const trace = (m: number) => lines(
    spring(m + 0.24, 'INFO', 'main', 'c.a.billing.BillingGatewayApplication', 'Starting BillingGatewayApplication v4.2.1 using Java 21.0.5 with PID 1'),
    spring(m + 0.2, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(m + 0.1, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(m + 0.05, 'WARN', 'main', 'ConfigServletWebServerApplicationContext', `Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'jwtDecoder' defined in class path resource [com/acme/billing/security/AuthConfig.class]: Failed to instantiate [org.springframework.security.oauth2.jwt.JwtDecoder]: Factory method 'jwtDecoder' threw exception with message: I/O error on GET request for "https://auth.internal.acme.corp/oauth2/jwks": ${pkix}`),
    spring(m, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'jwtDecoder' defined in class path resource [com/acme/billing/security/AuthConfig.class]: Failed to instantiate [org.springframework.security.oauth2.jwt.JwtDecoder]: Factory method 'jwtDecoder' threw exception with message: I/O error on GET request for "https://auth.internal.acme.corp/oauth2/jwks": ${pkix}`,
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.billing.BillingGatewayApplication.main(BillingGatewayApplication.java:12)',
    `Caused by: org.springframework.web.client.ResourceAccessException: I/O error on GET request for "https://auth.internal.acme.corp/oauth2/jwks": ${pkix}`,
    '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)',
    '\tat com.acme.billing.security.AuthConfig.jwtDecoder(AuthConfig.java:44)',
    `Caused by: javax.net.ssl.SSLHandshakeException: ${pkix}`,
    '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)',
    '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)',
    '\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1309)',
    `Caused by: sun.security.validator.ValidatorException: ${pkix}`,
    '\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:388)',
    'Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    '\tat java.base/sun.security.provider.certpath.SunCertPathBuilder.build(SunCertPathBuilder.java:148)',
    '\t... 62 common frames omitted',
  );
  const other = bystander(ns, 'invoice-renderer', names, 41);
  return {
    id: 'heldout18-slim-base-image-missing-corporate-ca',
    class: 'containers',
    truth: 'Revision 57 (billing-gateway 4.2.1, 26 minutes ago) switched the Dockerfile\'s base image from the corporate acme/jre-corp:21, whose Java truststore carries Acme\'s internal root CA, to the slim eclipse-temurin:21-jre-alpine, which does not. At startup the app fetches the JWKS from https://auth.internal.acme.corp (a certificate issued by the internal CA): the TLS handshake fails with SSLHandshakeException "PKIX path building failed … unable to find valid certification path to requested target", the jwtDecoder bean cannot be created, Spring exits 1, and both new pods crash-loop. The auth service is up (the revision-56 pods use it). Fix: add the corporate CA to the image\'s truststore (or go back to the corporate base image / roll back to revision 56).',
    ask: { service: 'billing-gateway', namespace: ns },
    objects: [
      ...gke, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-gateway', selector: { app: 'billing-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      scaledRs(deploymentOf(app), rsOf(app, 57), 1, 0, 26),
      scaledRs(deploymentOf(app), rsOf(app, 56), 3, 4, 26),
      scaledRs(deploymentOf(app), rsOf(app, 57), 2, 1, 26),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 41),
      ...[n1, n2].flatMap((p, k) => [...startedAt(p, 'app', image('4.2.1'), 25.5), ...restartedAgain(p, 'app', image('4.2.1'), { count: 9, firstAgo: 25, lastAgo: k === 0 ? 2.2 : 3.7 }), backOff(p, 'app', { count: 104 - k * 3, firstAgo: 24.8 })]),
    ],
    logs: [
      logsFor(n1, 'app', { previous: trace(1.9), current: lines(spring(0.1, 'INFO', 'main', 'c.a.billing.BillingGatewayApplication', 'Starting BillingGatewayApplication v4.2.1 using Java 21.0.5 with PID 1')) }),
      logsFor(n2, 'app', { previous: trace(3.4) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(spring(1.5, 'INFO', 'nio-8080-exec-3', 'c.a.billing.web.AccessLog', 'POST /v2/charges 201 84ms'), spring(0.6, 'INFO', 'jwks-refresh', 'c.a.billing.security.JwksCache', 'refreshed 3 keys from https://auth.internal.acme.corp/oauth2/jwks')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PKIX|certificat|\bCA\b|truststore|SSLHandshake/i, /revision 57/],
      facts: [/auth\.internal\.acme\.corp/, /SSLHandshakeException|PKIX/, /revision 56/],
      never: [/auth[^\n]*(is down|outage|is unreachable|is unavailable)/i, /certificate[^\n]*expired/i, /\bOOM/, /invoice-renderer/],
    },
  };
}

// ---- 4. scaled 6 → 1 by hand from a runbook ------------------------------------------------------

function scaledDownByHand(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.192');
  const image = (v: string) => `${ECR}/catalog/search-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '500m', cpuLimit: '1', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'UV_THREADPOOL_SIZE', value: '8' }], readiness: httpProbe('/ready', 3000, { timeoutSeconds: 1 }), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 6 }) })] });
  const revisions = [
    { revision: 87, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 6.4.1', template: tpl('6.4.1') },
    { revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: search-api 6.5.0', template: tpl('6.5.0') },
  ];
  const app = deploymentApp({ namespace: ns, name: 'search-api', replicas: 1, revisions, pods: [{ revision: 88, node: names[0] ?? '', createdAgo: 3 * DAYS }], settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS } });
  // The six pods the ReplicaSet had before: the same names the kit gives, the first one kept.
  const before = deploymentApp({ namespace: ns, name: 'search-api', replicas: 6, revisions, pods: [0, 1, 2, 0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 3 * DAYS })) });
  const gone = before.pods.slice(1);
  const dep = deploymentOf(app);
  if (dep.metadata) dep.metadata.managedFields = [
    { manager: 'argocd-controller', operation: 'Update', apiVersion: 'apps/v1', time: ago(3 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
    { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(40), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
  ];
  const pod = podOf(app, 0);
  const other = bystander(ns, 'search-indexer', names, 24);
  const pino = (m: number, level: number, rest: string) => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"${nameOf(pod)}",${rest}}`;
  return {
    id: 'heldout18-scaled-to-one-by-hand',
    class: 'capacity',
    truth: 'Forty minutes ago an on-call engineer followed a stale runbook step ("kubectl scale deploy/search-api --replicas=1" during a reindex) against production: the deployment controller scaled the ReplicaSet down to 1 from 6. search-api has no HPA, so nothing brought it back; the single pod takes all the traffic, its event loop lags seconds behind (CPU limit 1), readiness probes time out intermittently and the gateway answers 503 whenever the pod drops out of the endpoints. Nothing crashed and no rollout happened (revision 88 is 3 days old). Fix: scale back to 6 (and fix the runbook; put replicas under Argo CD or an HPA).',
    ask: { service: 'search-api' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledRs(dep, rsOf(app, 88), 1, 6, 40),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 24),
      ...gone.map((p) => event({ on: { kind: 'Pod', name: nameOf(p), namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 40, lastAgo: 40, fieldPath: 'spec.containers{app}' })),
      ...gone.map((p) => event({ on: { kind: 'ReplicaSet', name: rsOf(app, 88), namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${nameOf(p)}`, firstAgo: 40, lastAgo: 40, component: 'replicaset-controller' })),
      probeFailed(pod, 'app', 'Readiness', `Get "http://${ipOfPod(pod)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 96, firstAgo: 37, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(pod, 'app', { current: lines(
        pino(1.2, 40, '"msg":"event loop delay high","p99_ms":2310,"max_ms":4120'),
        pino(1.1, 30, '"req":{"method":"GET","url":"/v1/search?q=usb-c+hub"},"res":{"statusCode":200},"responseTime":3862,"msg":"request completed"'),
        pino(0.9, 40, '"req":{"method":"GET","url":"/ready"},"res":{"statusCode":200},"responseTime":1408,"msg":"request completed"'),
        pino(0.7, 30, '"inflight":618,"rps":412,"msg":"load"'),
        pino(0.3, 40, '"msg":"event loop delay high","p99_ms":2480,"max_ms":3990'),
      ) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${epochMs(2)},"msg":"indexed batch","docs":500}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/to 1 from 6|from 6|6 to 1|6 → 1|(one|1|single) (replica|pod)|replicas?[^\n]{0,20}\b1\b|scaled (down|in)/i],
      facts: [/to 1 from 6|from 6|6 to 1|6 → 1|six/i, /readiness|Client\.Timeout|context deadline/i],
      never: [/(HPA|autoscaler) (scaled|has scaled|reduced|shrank)|scaled (down |in )?by (the |an )?(HPA|autoscaler)/i, ADVISES_ROLLBACK, /\bOOM/, /search-indexer/, /crash ?loop/i],
    },
  };
}

// ---- 5. CoreDNS's upstream resolvers time out: external names fail, cluster names resolve --------

function upstreamResolversDown(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.203');
  const image = (v: string) => `${ECR}/partners/partner-sync:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-sync',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: partner-sync 2.9.3', template: { containers: [container({ image: image('2.9.3'), ports: [8080], memory: '256Mi', env: [{ name: 'PARTNER_API', value: 'https://api.partner.example/v3' }, { name: 'ORDERS_URL', value: 'http://orders.shop.svc.cluster.local' }], readiness: httpProbe('/ready', 8080, { periodSeconds: 15 }), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } })),
    settled: { available: false, availableSince: 21, progressingSince: 6 * DAYS },
  });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const corefile = configMap({ namespace: 'kube-system', name: 'coredns', createdAgo: 300 * DAYS, updatedAgo: 90 * DAYS, data: { Corefile: '.:53 {\n    errors\n    health {\n        lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        pods insecure\n        fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    # corporate resolvers (on-prem, over Direct Connect)\n    forward . 10.0.0.2 10.0.0.3\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n' } });
  const other = bystander(ns, 'partner-webhooks', names, 33);
  const errLine = (p: k8s.V1Pod, m: number, name: string, port: number, up: string) => `[ERROR] plugin/errors: 2 ${name} A: read udp ${ipOfPod(p)}:${port}->${up}:53: i/o timeout`;
  const dnsLogs = (p: k8s.V1Pod, seed: number) => lines(
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.21.11, a6338e9',
    errLine(p, 21, 'api.partner.example.', 41203 + seed, '10.0.0.2'),
    errLine(p, 20, 'api.partner.example.', 52871 + seed, '10.0.0.3'),
    `[ERROR] plugin/errors: 2 api.partner.example. AAAA: read udp ${ipOfPod(p)}:38819->10.0.0.3:53: i/o timeout`,
    errLine(p, 12, 'login.partner.example.', 47110 + seed, '10.0.0.2'),
    `[ERROR] plugin/errors: 2 sts.eu-west-1.amazonaws.com. A: read udp ${ipOfPod(p)}:60214->10.0.0.2:53: i/o timeout`,
    errLine(p, 1, 'api.partner.example.', 33519 + seed, '10.0.0.3'),
  );
  const nodeLog = (p: k8s.V1Pod, m: number, level: number, rest: string) => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"${nameOf(p)}",${rest}}`;
  const eaiAgain = '"err":{"type":"Error","message":"getaddrinfo EAI_AGAIN api.partner.example","stack":"Error: getaddrinfo EAI_AGAIN api.partner.example\\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)","errno":-3001,"code":"EAI_AGAIN","syscall":"getaddrinfo","hostname":"api.partner.example"}';
  return {
    id: 'heldout18-coredns-upstream-resolvers-down',
    class: 'network',
    truth: 'The corporate DNS resolvers CoreDNS forwards every non-cluster name to (forward . 10.0.0.2 10.0.0.3, on-prem over Direct Connect) stopped answering about 22 minutes ago. CoreDNS itself is up and ready and still answers cluster.local names, but every external lookup times out upstream ("read udp …->10.0.0.2:53: i/o timeout"), so partner-sync\'s calls to api.partner.example fail with getaddrinfo EAI_AGAIN and its readiness check (which includes the partner API) fails: both pods are unready. Its pushes to orders.shop.svc.cluster.local still work. Nothing changed in partner-sync (revision 14, 6 days). Fix: restore the upstream resolvers (network/DC team), or forward to a working resolver.',
    ask: { service: 'partner-sync', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...dns.objects, corefile,
      ...exposed({ namespace: ns, name: 'partner-sync', selector: { app: 'partner-sync' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'partner-webhooks', selector: { app: 'partner-webhooks' }, pods: other.pods }),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 33),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 86 - k, firstAgo: 21.5 })),
    ],
    logs: [
      ...dns.pods.map((p, k) => logsFor(p, 'coredns', { current: dnsLogs(p, k) })),
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(
        nodeLog(p, 25, 30, '"partner":"acme-logistics","updates":12,"msg":"partner poll ok"'),
        nodeLog(p, 21, 50, `${eaiAgain},"partner":"acme-logistics","msg":"partner poll failed"`),
        nodeLog(p, 14, 30, '"target":"http://orders.shop.svc.cluster.local/v1/shipments","pushed":42,"msg":"pushed updates to orders"'),
        nodeLog(p, 1.5, 50, `${eaiAgain},"partner":"acme-logistics","msg":"partner poll failed"`),
        nodeLog(p, 0.6, 40, '"check":"partner-api","ok":false,"reason":"getaddrinfo EAI_AGAIN api.partner.example","msg":"readiness check failed"'),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/dns|resolv|EAI_AGAIN/i, /upstream|forward|10\.0\.0\.[23]|resolver|api\.partner\.example|EAI_AGAIN/i],
      facts: [/EAI_AGAIN/, /10\.0\.0\.2/, /i\/o timeout/],
      never: [/coredns[^\n]*(crash|OOMKilled|is not ready|are not ready|unready|restarting)/i, ADVISES_ROLLBACK, /NetworkPolicy/, /partner-webhooks/],
    },
  };
}

// ---- 6. init container warm-cache outgrew its 256Mi ------------------------------------------------

function initContainerOomKilled(): CorpusScenario {
  const ns = 'recs';
  const old = [0, 1].map((i) => aksNode({ pool: 'general', index: i, zone: `westeurope-${i + 1}`, createdAgo: 60 * DAYS }));
  const fresh = [4, 5].map((i) => aksNode({ pool: 'general', index: i, zone: `westeurope-${i - 2}`, createdAgo: 55 }));
  const names = [...old, ...fresh].map(nameOf);
  const image = `recsacr.azurecr.io/recs/recommender:7.2.0`;
  const tpl = { initContainers: [batchContainer({ name: 'warm-cache', image, command: ['python', '-m', 'recommender.warm_cache', '--out', '/cache'], cpu: '200m', memory: '256Mi', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] })], containers: [container({ image, command: ['gunicorn', 'recommender.api:app', '-b', '0.0.0.0:8000', '-w', '4'], ports: [8000], memory: '2Gi', cpu: '1', volumeMounts: [{ name: 'cache', mountPath: '/cache', readOnly: true }] })], volumes: [{ name: 'cache', emptyDir: { sizeLimit: '4Gi' } }] };
  const initLoop = crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2.4, ranSeconds: 43 }, 10);
  const app = deploymentApp({
    namespace: ns,
    name: 'recommender',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 160 * DAYS, changeCause: 'helm: recommender 7.1.4', template: tpl },
      { revision: 19, createdAgo: 95 * DAYS, changeCause: 'helm: recommender 7.2.0', template: tpl },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 19, node: names[2] ?? '', createdAgo: 49, initContainers: { 'warm-cache': initLoop }, containers: { app: waiting('PodInitializing') } },
      { revision: 19, node: names[3] ?? '', createdAgo: 48, initContainers: { 'warm-cache': { ...initLoop, lastState: { terminated: { ...initLoop.lastState?.terminated, exitCode: 137, reason: 'OOMKilled', finishedAt: ago(0.9) } } } }, containers: { app: waiting('PodInitializing') } },
    ],
    settled: { available: false, availableSince: 48, progressingSince: 95 * DAYS },
  });
  const [p2, p3] = [podOf(app, 2), podOf(app, 3)];
  const other = bystander(ns, 'recs-api', [names[0] ?? '', names[1] ?? ''], 31);
  const initFp = 'spec.initContainers{warm-cache}';
  const warmLog = (m: number) => lines(
    `${pyTime(m + 0.7)} INFO recommender.warm_cache: warming item cache into /cache (catalog snapshot 2026-11-21)`,
    `${pyTime(m + 0.68)} INFO recommender.warm_cache: loading s3://acme-recs-artifacts/embeddings/items-2026-11-21.parquet (1.87 GiB, 5204117 rows, 12 row groups)`,
    `${pyTime(m + 0.5)} INFO recommender.warm_cache: decoded row group 1/12 rss=121MiB`,
    `${pyTime(m + 0.3)} INFO recommender.warm_cache: decoded row group 3/12 rss=198MiB`,
    `${pyTime(m + 0.1)} INFO recommender.warm_cache: decoded row group 4/12 rss=243MiB`,
  );
  return {
    id: 'heldout18-init-container-warm-cache-oomkilled',
    class: 'containers',
    truth: 'The warm-cache init container loads the item-embedding snapshot into an emptyDir before the API starts; its memory limit (256Mi) has not changed in months (revision 19, 95 days), but the snapshot grew to 5.2 M rows and decoding it now passes 256Mi, so the kernel OOM-kills it (OOMKilled, exit 137). Pods that started before the data grew keep serving; the two pods re-created 49 minutes ago on the new nodes of the AKS node-image upgrade restart warm-cache again and again (Init:CrashLoopBackOff) and never start the app: 2 of 4 ready. The node upgrade only caused the restart; nothing in the workload changed. Fix: raise warm-cache\'s memory limit (or stream the load).',
    ask: { service: 'recommender' },
    objects: [
      ...old, ...fresh, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recommender', selector: { app: 'recommender' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'recs-api', selector: { app: 'recs-api' }, pods: other.pods }),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 31),
      ...[p2, p3].flatMap((p, k) => [
        scheduled(p, 49 - k),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 48.9 - k, lastAgo: 48.9 - k, fieldPath: initFp }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 11.204s (11.204s including waiting). Image size: 612903221 bytes.`, firstAgo: 48.7 - k, lastAgo: 48.7 - k, fieldPath: initFp }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 10, firstAgo: 47.8 - k, lastAgo: 3.2 - k, fieldPath: initFp }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container warm-cache', count: 11, firstAgo: 48.7 - k, lastAgo: 3.2 - k, fieldPath: initFp }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container warm-cache', count: 11, firstAgo: 48.7 - k, lastAgo: 3.2 - k, fieldPath: initFp }),
        backOff(p, 'warm-cache', { count: 180 - k * 4, firstAgo: 46 - k, init: true }),
      ]),
      event({ on: { kind: 'Node', name: names[2] ?? '' }, type: 'Normal', reason: 'NodeReady', message: `Node ${names[2]} status is now: NodeReady`, firstAgo: 54, lastAgo: 54 }),
    ],
    logs: [
      logsFor(p2, 'warm-cache', { previous: warmLog(2.4), current: lines(`${pyTime(0.6)} INFO recommender.warm_cache: warming item cache into /cache (catalog snapshot 2026-11-21)`) }),
      logsFor(p3, 'warm-cache', { previous: warmLog(0.9) }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`[${pyTime(1)}] [12] [INFO] GET /v1/recs/user/88120 200 41ms`, `[${pyTime(0.5)}] [13] [INFO] GET /healthz 200 1ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/warm-cache/, /OOM|137|256Mi|memory/i],
      facts: [/256Mi/, /OOMKilled|137/, /init/i],
      never: [ADVISES_ROLLBACK, /liveness/i, /node[^\n]*(upgrade|image)[^\n]*(broke|is the (root )?cause)/i, /recs-api/],
    },
  };
}

// ---- 7. the HPA still targets the Deployment's old name -------------------------------------------

function hpaTargetsOldDeploymentName(): CorpusScenario {
  const ns = 'orders';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const gke = ['m2rt', 'c8vw', 'k5dn'].map((id, i) => gkeNode({ cluster: 'shop-prod', pool: 'apps', id, zone: zones[i] ?? 'europe-west1-b', machine: 'n2-standard-8' }));
  const names = gke.map(nameOf);
  const image = 'europe-west1-docker.pkg.dev/acme-prod/orders/orders-api:5.8.2';
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 2,
    createdAgo: 3 * DAYS + 20,
    revisions: [{ revision: 1, createdAgo: 3 * DAYS + 20, changeCause: 'argocd: orders-api 5.8.2 (rename orders-v1 -> orders-api)', template: { containers: [container({ image, ports: [8080], cpu: '1', cpuLimit: '2', memory: '1Gi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5, timeoutSeconds: 3 }) })] } }],
    pods: [
      { revision: 1, node: names[0] ?? '', createdAgo: 3 * DAYS + 19 },
      { revision: 1, node: names[1] ?? '', createdAgo: 3 * DAYS + 19, ready: false, containers: { app: running({ sinceAgo: 3 * DAYS + 19, ready: false }) } },
    ],
    // 2 replicas allow none unavailable: the pod that dropped out of readiness made it unavailable.
    settled: { available: false, availableSince: 2.6, progressingSince: 3 * DAYS + 18, progressingUpdatedAgo: 3 * DAYS + 18 },
  });
  const autoscaler = hpa({
    namespace: ns, name: 'orders', target: { kind: 'Deployment', name: 'orders-v1' }, min: 2, max: 12, current: 4, desired: 4, lastScaleAgo: 3 * DAYS + 140, metricsUnavailable: true,
    conditions: [
      { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "orders-v1" not found', lastTransitionTime: ago(3 * DAYS + 18) },
    ],
  });
  const other = bystander(ns, 'orders-worker', names, 45);
  const [a, b] = [podOf(app, 0), podOf(app, 1)];
  const zap = (m: number, level: string, msg: string, rest: string) => `{"level":"${level}","ts":"${at(m)}","caller":"server/handler.go:88","msg":"${msg}",${rest}}`;
  return {
    id: 'heldout18-hpa-targets-renamed-deployment',
    class: 'capacity',
    truth: 'Three days ago the orders-v1 Deployment was renamed orders-api (a new Deployment with the same labels, the old one deleted), but the HPA orders was left with scaleTargetRef Deployment orders-v1. Since then the HPA controller fails every sync with FailedGetScale (deployments.apps "orders-v1" not found) and scales nothing; orders-api sits at its 2 manifest replicas. Under tonight\'s peak both pods are CPU-saturated, requests slow to seconds and readiness probes time out. No rollout or crash is involved. Fix: point the HPA\'s scaleTargetRef at orders-api (and scale up now).',
    ask: { service: 'orders-api' },
    objects: [
      ...gke, ...app.objects, ...other.objects, autoscaler,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-worker', selector: { app: 'orders-worker' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'orders', namespace: ns }, reason: 'FailedGetScale', message: 'deployments.apps "orders-v1" not found', count: 17284, firstAgo: 3 * DAYS + 18, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      scaledRs(deploymentOf(other), rsOf(other, 23), 2, 0, 45),
      ...[a, b].map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41 + 9 * k, firstAgo: 27, lastAgo: k === 0 ? 3 : 0.3 })),
    ],
    logs: [a, b].map((p) => logsFor(p, 'app', { current: lines(
      zap(2, 'info', 'load', '"inflight":388,"rps":1290,"cpu_throttled_pct":61'),
      zap(1.2, 'warn', 'slow request', '"path":"/v1/orders","method":"POST","duration":"2.913s","status":201'),
      zap(0.5, 'warn', 'slow request', '"path":"/readyz","method":"GET","duration":"1.204s","status":200'),
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/orders-v1/, /HPA|autoscal|scaleTargetRef/i],
      facts: [/FailedGetScale|not found/, /orders-api/, /\b2\b[^\n]*(replica|pod)|2\/2|two (replicas|pods)/i],
      never: [/metrics[- ]server|metrics API/i, ADVISES_ROLLBACK, /\bOOM/, /orders-worker/],
    },
  };
}

export const HOLDOUT_18_SCENARIOS: CorpusScenario[] = [
  injectedSidecarImageDeleted(),
  releasedStaticVolumeOldClaimRef(),
  slimImageMissingCorporateCa(),
  scaledDownByHand(),
  upstreamResolversDown(),
  initContainerOomKilled(),
  hpaTargetsOldDeploymentName(),
  ...PART_TWO,
];
