// Held-out stories, fiftieth round, part one: a Consul server StatefulSet that lost quorum after
// two of its pods came back on replacement nodes with new IPs while raft still lists the old
// peers ("No cluster leader"), so a Spring service's config import fails with 500; a revision
// whose annotation makes the platform's token injector project a service-account token with
// expirationSeconds 300, so the ReplicaSet cannot create a single pod; a Go service rebuilt with
// Go 1.23 that rejects a print appliance's certificate ("x509: negative serial number"); a Python
// 3.7 service on Amazon Linux 2 (OpenSSL 1.0.2) after a bump to urllib3 2; a Node 18 service whose
// bump pulled node-fetch 3 (ESM only, ERR_REQUIRE_ESM); a Rails app moved to a Ruby 3.1 base image
// whose Psych 4 refuses the aliases of its settings.yml; and a healthy control: a service with a
// Vault agent sidecar renewing its token and re-fetching a capped database lease, whose app logged
// one DNS i/o timeout 40 minutes ago that succeeded on the next attempt.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, containerStatus, crashLoop, deploymentApp, event, every,
  execProbe, exposed, httpProbe, nameOf, node, probeFailed, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, startedNormally, statefulSetApp, volumeOf, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** gunicorn's time: `[2026-11-21 03:01:12 +0000]`. */
const gTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
/** Ruby Logger's time: `2026-11-21T03:01:12.123456`. */
const rbTime = (m: number): string => `${at(m).slice(0, 23)}${String(Math.round(m * 997) % 1000).padStart(3, '0')}`;

// ---- 1. Consul servers lost quorum: two rescheduled with new IPs, raft still lists the old peers ---

function consulNoClusterLeader(): CorpusScenario {
  const ns = 'commerce';
  // One node survived the node group's AMI update; the two others are replacements, 36 minutes old.
  const survivor = node({ name: eksNodeName('10.0.14.77'), zone: 'eu-west-1a', createdAgo: 41 * DAYS });
  const fresh = [
    node({ name: eksNodeName('10.0.61.140'), zone: 'eu-west-1b', createdAgo: 36, readySince: 35 }),
    node({ name: eksNodeName('10.0.58.203'), zone: 'eu-west-1c', createdAgo: 35, readySince: 34 }),
  ];
  const names = [nameOf(survivor), ...fresh.map(nameOf)];
  const consulImage = 'hashicorp/consul:1.17.3';
  const leaderProbe = execProbe(['/bin/sh', '-ec', 'curl http://127.0.0.1:8500/v1/status/leader 2>/dev/null | grep -E \'".+"\''], { initialDelaySeconds: 5, periodSeconds: 3, timeoutSeconds: 5, failureThreshold: 2 });
  const consulTpl = {
    serviceAccountName: 'consul-server',
    terminationGracePeriodSeconds: 30,
    containers: [container({
      name: 'consul', image: consulImage, cpu: '100m', memory: '200Mi',
      command: ['/bin/sh', '-ec'],
      args: ['exec /usr/local/bin/docker-entrypoint.sh consul agent -advertise="${ADVERTISE_IP}" -bind=0.0.0.0 -bootstrap-expect=3 -client=0.0.0.0 -config-dir=/consul/config -data-dir=/consul/data -datacenter=euw1 -domain=consul -ui -retry-join="${CONSUL_FULLNAME}-server-0.${CONSUL_FULLNAME}-server.${NAMESPACE}.svc:8301" -retry-join="${CONSUL_FULLNAME}-server-1.${CONSUL_FULLNAME}-server.${NAMESPACE}.svc:8301" -retry-join="${CONSUL_FULLNAME}-server-2.${CONSUL_FULLNAME}-server.${NAMESPACE}.svc:8301" -server'],
      env: [
        { name: 'ADVERTISE_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
        { name: 'NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
        { name: 'CONSUL_FULLNAME', value: 'consul' },
      ],
      ports: [{ name: 'http', containerPort: 8500 }, { name: 'server', containerPort: 8300 }, { name: 'serflan-tcp', containerPort: 8301 }, { name: 'serfwan-tcp', containerPort: 8302 }, { name: 'dns-tcp', containerPort: 8600 }],
      readiness: leaderProbe, liveness: null,
      volumeMounts: [{ name: 'data-commerce', mountPath: '/consul/data' }, { name: 'config', mountPath: '/consul/config' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'consul-server-config', defaultMode: 420 } }],
  };
  const consul = statefulSetApp({
    namespace: ns,
    name: 'consul-server',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'consul-server',
    createdAgo: 210 * DAYS,
    revisions: [{ revision: 6, createdAgo: 63 * DAYS, template: consulTpl }],
    volumeClaimTemplates: [{ name: 'data-commerce', storage: '10Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS, ready: false, containers: { consul: running({ sinceAgo: 12 * DAYS, ready: false }) } },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 33, ready: false, containers: { consul: running({ sinceAgo: 32.6, ready: false }) } },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 32, ready: false, containers: { consul: running({ sinceAgo: 31.7, ready: false }) } },
    ],
  });
  const [c0, c1, c2] = [podOf(consul, 0), podOf(consul, 1), podOf(consul, 2)];
  const ip0 = ipOfPod(c0);
  const ip1 = ipOfPod(c1);
  const ip2 = ipOfPod(c2);
  const old1 = '10.0.37.88';
  const old2 = '10.0.29.140';
  const id0 = '2b1f1c1e-5d0a-7a3c-94e1-0f6c1b7d2a90';
  const id1 = '8c4a7e02-31bb-d9f4-1e6a-55a0c3e98d14';
  const id2 = 'e07d9b3f-a8c2-4f71-b0d5-7c2e4a11f6b8';
  const raftConfig = `servers="[{Suffrage:Voter ID:${id0} Address:${ip0}:8300} {Suffrage:Voter ID:${id1} Address:${old1}:8300} {Suffrage:Voter ID:${id2} Address:${old2}:8300}]"`;

  const apiImage = (v: string) => `${ECR}/commerce/pricing-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CONFIG_IMPORT', value: 'consul:' },
        { name: 'SPRING_CLOUD_CONSUL_HOST', value: 'consul-server.commerce.svc.cluster.local' },
        { name: 'SPRING_CLOUD_CONSUL_CONFIG_FAIL_FAST', value: 'true' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 15 }),
    })],
  });
  const restarts = 9;
  const api = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 26 * DAYS, changeCause: 'argocd: pricing-api 2.31.0', template: apiTpl('2.31.0') },
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-api 2.31.1', template: apiTpl('2.31.1') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 19, node: names[1] ?? '', createdAgo: 33, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 17 }, restarts) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 32, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 17 }, restarts) } },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const [p0, p1, p2] = [podOf(api, 0), podOf(api, 1), podOf(api, 2)];
  const other = bystander(ns, 'cart-service', names, 44, { revisions: [33, 34], versions: ['5.8.2', '5.9.0'], olderAgo: 12 * DAYS });

  const consulLog = (self: string, others: { id: string; addr: string }[], since: number, term: number, extra: (t: number, i: number) => string[] = () => [], prelude: string[] = [], joined: readonly string[] = [ip0, ip1, ip2]) => {
    const out = [
      `${at(since)} [INFO]  agent.server.raft: initial configuration: index=48213 ${raftConfig}`,
      `${at(since)} [INFO]  agent.server.raft: entering follower state: follower="Node at ${self}:8300 [Follower]" leader-address= leader-id=`,
      `${at(since - 0.01)} [INFO]  agent.server.serf.lan: serf: EventMemberJoin: consul-server-0 ${joined[0] ?? ''}`,
      `${at(since - 0.01)} [INFO]  agent.server.serf.lan: serf: EventMemberJoin: consul-server-1 ${joined[1] ?? ''}`,
      `${at(since - 0.01)} [INFO]  agent.server.serf.lan: serf: EventMemberJoin: consul-server-2 ${joined[2] ?? ''}`,
      `${at(since - 0.02)} [INFO]  agent: Synced node info`,
      ...prelude,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 3.6 - i * 0.4;
      out.push(`${at(t)} [WARN]  agent.server.raft: heartbeat timeout reached, starting election: last-leader-addr= last-leader-id=`);
      out.push(`${at(t - 0.001)} [INFO]  agent.server.raft: entering candidate state: node="Node at ${self}:8300 [Candidate]" term=${term + i}`);
      for (const o of others) out.push(`${at(t - 0.05)} [ERROR] agent.server.raft: failed to make requestVote RPC: target="{Voter ${o.id} ${o.addr}:8300}" error="dial tcp <nil>->${o.addr}:8300: i/o timeout" term=${term + i}`);
      if (i % 3 === 0) out.push(`${at(t - 0.06)} [ERROR] agent: Coordinate update error: error="No cluster leader"`);
      if (i % 2 === 0) out.push(`${at(t - 0.07)} [ERROR] agent.http: Request error: method=GET url=/v1/kv/config/pricing-api,prod/?recurse=&index=1873412&wait=55000ms from=${ipOfPod(p0)}:51872 error="No cluster leader"`);
      if (i % 4 === 1) out.push(`${at(t - 0.08)} [ERROR] agent.anti_entropy: failed to sync remote state: error="No cluster leader"`);
      out.push(...extra(t, i));
    }
    return lines(...out);
  };

  const springStart = (t: number) => [
    `  .   ____          _            __ _ _`,
    ` :: Spring Boot ::                (v3.2.5)`,
    `${at(t)}  INFO 1 --- [pricing-api] [           main] c.a.pricing.PricingApiApplication        : Starting PricingApiApplication v2.31.1 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)`,
    `${at(t - 0.01)}  INFO 1 --- [pricing-api] [           main] c.a.pricing.PricingApiApplication        : The following 1 profile is active: "prod"`,
    `${at(t - 0.12)}  WARN 1 --- [pricing-api] [           main] o.s.c.c.c.ConsulPropertySources          : Unable to load consul config from config/pricing-api,prod/`,
    `${at(t - 0.27)} ERROR 1 --- [pricing-api] [           main] o.s.boot.SpringApplication               : Application run failed`,
    ``,
    `com.ecwid.consul.v1.OperationException: OperationException(statusCode=500, statusMessage='Internal Server Error', statusContent='No cluster leader')`,
    `\tat com.ecwid.consul.v1.kv.KeyValueConsulClient.getKVValues(KeyValueConsulClient.java:159) ~[consul-api-1.4.5.jar!/:na]`,
    `\tat org.springframework.cloud.consul.config.ConsulPropertySource.init(ConsulPropertySource.java:82) ~[spring-cloud-consul-config-4.1.1.jar!/:4.1.1]`,
    `\tat org.springframework.cloud.consul.config.ConsulPropertySources.create(ConsulPropertySources.java:161) ~[spring-cloud-consul-config-4.1.1.jar!/:4.1.1]`,
    `\tat org.springframework.cloud.consul.config.ConsulPropertySources.createPropertySource(ConsulPropertySources.java:135) ~[spring-cloud-consul-config-4.1.1.jar!/:4.1.1]`,
    `\tat org.springframework.cloud.consul.config.ConsulConfigDataLoader.load(ConsulConfigDataLoader.java:51) ~[spring-cloud-consul-config-4.1.1.jar!/:4.1.1]`,
    `\tat org.springframework.boot.context.config.ConfigDataLoaders.load(ConfigDataLoaders.java:96) ~[spring-boot-3.2.5.jar!/:3.2.5]`,
    `\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:324) ~[spring-boot-3.2.5.jar!/:3.2.5]`,
    `\tat com.acme.pricing.PricingApiApplication.main(PricingApiApplication.java:12) ~[!/:2.31.1]`,
  ];
  const watchLog = lines(
    `${at(9 * DAYS - 1)}  INFO 1 --- [pricing-api] [           main] c.a.pricing.PricingApiApplication        : Started PricingApiApplication in 11.84 seconds (process running for 12.9)`,
    `${at(45)}  INFO 1 --- [pricing-api] [nio-8080-exec-4] c.a.pricing.web.QuoteController          : quote sku=SKU-44120 region=DE price=18.90 source=rules`,
    ...Array.from({ length: 14 }, (_, i) => `${at(31.5 - i * 2.2)}  WARN 1 --- [pricing-api] [TaskScheduler-1] o.s.c.consul.config.ConfigWatch          : Error querying consul Key/Values for context 'config/pricing-api,prod/'\n\ncom.ecwid.consul.v1.OperationException: OperationException(statusCode=500, statusMessage='Internal Server Error', statusContent='No cluster leader')\n\tat com.ecwid.consul.v1.kv.KeyValueConsulClient.getKVValues(KeyValueConsulClient.java:159) ~[consul-api-1.4.5.jar!/:na]\n\tat org.springframework.cloud.consul.config.ConfigWatch.watchConfigKeyValues(ConfigWatch.java:145) ~[spring-cloud-consul-config-4.1.1.jar!/:4.1.1]`),
    `${at(0.7)}  INFO 1 --- [pricing-api] [nio-8080-exec-9] c.a.pricing.web.QuoteController          : quote sku=SKU-10933 region=FR price=42.50 source=rules`,
  );

  return {
    id: 'heldout50-consul-quorum-lost-new-pod-ips',
    class: 'network',
    truth: 'The managed node group\'s AMI update replaced two of the three nodes 36 minutes ago, so consul-server-1 and consul-server-2 were rescheduled onto the new nodes and came back with new pod IPs while keeping their data volumes. Their raft configuration (and consul-server-0\'s) still lists the two old peer addresses (10.0.37.88 and 10.0.29.140), and consul-server-0, the former leader, holds log entries that never replicated, so no server can win an election: vote requests to the old IPs time out, consul-server-0 rejects the others\' votes (its last index is greater), and Consul answers every request with 500 "No cluster leader"; all three servers fail their leader readiness check. pricing-api\'s two pods that were rescheduled with them import their configuration from Consul at startup with fail-fast, so they crash-loop on OperationException 500 "No cluster leader"; the surviving pod keeps serving on the config it loaded 9 days ago but its config watch fails. Nothing in pricing-api changed. Fix: recover the raft peers (peers.json with the current addresses, or restart the servers with the new membership) to restore a leader.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      survivor, ...fresh, ...consul.objects, ...api.objects, ...other.objects,
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-commerce-consul-server-${i}`, storage: '10Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' })),
      ...exposed({ namespace: ns, name: 'consul-server', selector: { app: 'consul-server' }, pods: consul.pods, headless: true, ports: [{ name: 'http', port: 8500, targetPort: 8500 }, { name: 'server', port: 8300, targetPort: 8300 }, { name: 'serflan-tcp', port: 8301, targetPort: 8301 }], endpointPort: 8500 }),
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'consul-server-config', createdAgo: 210 * DAYS, updatedAgo: 63 * DAYS, data: { 'server.json': '{\n  "bind_addr": "0.0.0.0",\n  "bootstrap_expect": 3,\n  "client_addr": "0.0.0.0",\n  "connect": { "enabled": false },\n  "datacenter": "euw1",\n  "data_dir": "/consul/data",\n  "enable_debug": false,\n  "domain": "consul",\n  "ports": { "grpc": -1, "https": -1, "http": 8500, "serf_lan": 8301, "server": 8300 },\n  "server": true,\n  "leave_on_terminate": true,\n  "autopilot": { "min_quorum": 2, "disable_upgrade_migration": true }\n}\n' } }),
      event({ on: { kind: 'Node', name: 'ip-10-0-37-88.eu-west-1.compute.internal' }, type: 'Normal', reason: 'NodeNotSchedulable', message: 'Node ip-10-0-37-88.eu-west-1.compute.internal status is now: NodeNotSchedulable', firstAgo: 38, lastAgo: 38 }),
      event({ on: { kind: 'Node', name: 'ip-10-0-29-140.eu-west-1.compute.internal' }, type: 'Normal', reason: 'NodeNotSchedulable', message: 'Node ip-10-0-29-140.eu-west-1.compute.internal status is now: NodeNotSchedulable', firstAgo: 37.5, lastAgo: 37.5 }),
      event({ on: { kind: 'Node', name: 'ip-10-0-37-88.eu-west-1.compute.internal' }, type: 'Normal', reason: 'RemovingNode', message: 'Node ip-10-0-37-88.eu-west-1.compute.internal event: Removing Node ip-10-0-37-88.eu-west-1.compute.internal from Controller', firstAgo: 33.5, lastAgo: 33.5, component: 'node-controller' }),
      event({ on: { kind: 'Node', name: 'ip-10-0-29-140.eu-west-1.compute.internal' }, type: 'Normal', reason: 'RemovingNode', message: 'Node ip-10-0-29-140.eu-west-1.compute.internal event: Removing Node ip-10-0-29-140.eu-west-1.compute.internal from Controller', firstAgo: 32.5, lastAgo: 32.5, component: 'node-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'consul-server', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod consul-server-1 in StatefulSet consul-server successful`, firstAgo: 33, lastAgo: 33, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'consul-server', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod consul-server-2 in StatefulSet consul-server successful`, firstAgo: 32, lastAgo: 32, component: 'statefulset-controller' }),
      ...startedNormally(c1, 'consul', consulImage, 32.7),
      ...startedNormally(c2, 'consul', consulImage, 31.8),
      event({ on: c1, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-commerce-consul-server-1')}" `.trim(), firstAgo: 32.9, lastAgo: 32.9, component: 'attachdetach-controller' }),
      probeFailed(c0, 'consul', 'Readiness', '', { count: 611, firstAgo: 33.4, lastAgo: 0.05 }),
      probeFailed(c1, 'consul', 'Readiness', '', { count: 598, firstAgo: 32.4, lastAgo: 0.05 }),
      probeFailed(c2, 'consul', 'Readiness', '', { count: 583, firstAgo: 31.5, lastAgo: 0.05 }),
      scheduled(p1, 33), scheduled(p2, 32),
      ...restartedAgain(p1, 'app', apiImage('2.31.1'), { count: restarts + 1, firstAgo: 32.8, lastAgo: 2.4 }),
      ...restartedAgain(p2, 'app', apiImage('2.31.1'), { count: restarts + 1, firstAgo: 31.8, lastAgo: 1.1 }),
      backOff(p1, 'app', { count: 131, firstAgo: 31.9 }),
      backOff(p2, 'app', { count: 127, firstAgo: 30.9 }),
    ],
    logs: [
      // consul-server-0 was the leader: it appended entries that never replicated before it lost quorum
      // and stepped down, so it refuses the others' votes; they dial each other's old addresses.
      logsFor(c0, 'consul', { current: consulLog(ip0, [{ id: id1, addr: old1 }, { id: id2, addr: old2 }], 12 * DAYS, 913, (t, i) => [
        `${at(t - 0.2)} [WARN]  agent.server.raft: rejecting vote request since our last index is greater: candidate=${i % 2 === 0 ? ip1 : ip2}:8300 last-index=48577 last-candidate-index=${i % 2 === 0 ? 48561 : 48569}`,
      ], [
        `${at(12 * DAYS - 0.5)} [INFO]  agent.server: cluster leadership acquired`,
        `${at(36.4)} [INFO]  agent.server.serf.lan: serf: EventMemberLeave: consul-server-1 ${old1}`,
        `${at(34.2)} [INFO]  agent.server.serf.lan: serf: EventMemberLeave: consul-server-2 ${old2}`,
        `${at(34.2)} [WARN]  agent.server.raft: failed to contact: server-id=${id2} time=2.501274318s`,
        `${at(34.1)} [WARN]  agent.server.raft: failed to contact quorum of nodes, stepping down`,
        `${at(34.1)} [INFO]  agent.server.raft: entering follower state: follower="Node at ${ip0}:8300 [Follower]" leader-address= leader-id=`,
        `${at(34.1)} [INFO]  agent.server: cluster leadership lost`,
        `${at(32.4)} [INFO]  agent.server.serf.lan: serf: EventMemberJoin: consul-server-1 ${ip1}`,
        `${at(31.5)} [INFO]  agent.server.serf.lan: serf: EventMemberJoin: consul-server-2 ${ip2}`,
      ], [ip0, old1, old2]) }),
      logsFor(c1, 'consul', { current: consulLog(ip1, [{ id: id2, addr: old2 }], 32.5, 917) }),
      logsFor(c2, 'consul', { current: consulLog(ip2, [{ id: id1, addr: old1 }], 31.6, 921) }),
      logsFor(p0, 'app', { current: watchLog }),
      logsFor(p1, 'app', { previous: lines(...springStart(2.4)) }),
      logsFor(p2, 'app', { previous: lines(...springStart(1.1)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/consul/i, /leader|quorum|raft|election/i],
      facts: [/No cluster leader/, /consul-server-[12]|new (pod )?IPs?|peer|10\.0\.37\.88|10\.0\.29\.140|rescheduled|replaced/i, /pricing-api/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cart-service/, /liveness/i],
    },
  };
}

// ---- 2. a revision whose token annotation yields expirationSeconds 300: FailedCreate --------------

function projectedTokenTooShort(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.92', ['12', '140', '230']);
  const image = (v: string) => `${ECR}/reports/reports-api:${v}`;
  const tpl = (v: string, expiry?: string) => ({
    serviceAccountName: 'reports-api',
    annotations: {
      'identity.platform.acme.io/inject-sts-token': 'true',
      'identity.platform.acme.io/audience': 'sts.platform.acme.internal',
      ...(expiry === undefined ? {} : { 'identity.platform.acme.io/token-expiration-seconds': expiry }),
    },
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
      env: [{ name: 'STS_TOKEN_FILE', value: '/var/run/secrets/platform/sts/token' }, { name: 'WAREHOUSE_DSN', value: 'snowflake://reports_svc@acme-euw1/REPORTING' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    })],
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'reports-api',
    replicas: 4,
    revisions: [
      { revision: 7, createdAgo: 15 * DAYS, changeCause: 'argocd: reports-api 3.8.4', template: tpl('3.8.4') },
      { revision: 8, createdAgo: 14, changeCause: 'argocd: reports-api 3.9.0', template: tpl('3.9.0', '300') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 7, node: names[k % 3] ?? '', createdAgo: 15 * DAYS - k })),
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(15 * DAYS - 3), lastTransitionTime: ago(15 * DAYS - 3) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: '', lastUpdateTime: ago(14), lastTransitionTime: ago(14) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: '', lastUpdateTime: ago(4), lastTransitionTime: ago(4) },
    ],
  });
  const newRs = replicaSetOf(app, 8) as k8s.V1ReplicaSet;
  const podName = (s: string) => `${rsOf(app, 8)}-${s}`;
  const invalid = (s: string) => `Pod "${podName(s)}" is invalid: spec.volumes[2].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes`;
  const dep = deploymentOf(app) as k8s.V1Deployment;
  for (const c of dep.status?.conditions ?? []) {
    if (c.type === 'ReplicaFailure') c.message = invalid('w7k2p');
    if (c.type === 'Progressing') c.message = `ReplicaSet "${rsOf(app, 8)}" has timed out progressing.`;
  }
  if (newRs.spec) newRs.spec.replicas = 1;
  if (newRs.status) newRs.status.conditions = [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: invalid('w7k2p'), lastTransitionTime: ago(14) }];
  const other = bystander(ns, 'reports-scheduler', names, 38, { revisions: [12, 13], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const rsRef = { kind: 'ReplicaSet', name: rsOf(app, 8), namespace: ns };
  const suffixes = ['x9c4d', 'q2lmv', 'b7tnr', 'k4zhs', 'w7k2p'];
  return {
    id: 'heldout50-projected-token-expiration-below-minimum',
    class: 'rollout',
    truth: 'Revision 8 of reports-api (3.9.0, 14 minutes ago) added the pod annotation identity.platform.acme.io/token-expiration-seconds: "300" to shorten the platform STS token\'s lifetime. The platform\'s token-injector webhook turns it into a projected serviceAccountToken volume with expirationSeconds 300, which the API server rejects (it may not be less than 10 minutes), so the new ReplicaSet cannot create a single pod (FailedCreate, Pod is invalid). The rollout is stuck at 0 new pods and timed out; the four revision-7 pods still serve. Fix: set the expiration to at least 600 seconds (or drop the annotation), or roll back to revision 7.',
    ask: { service: 'reports-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'reports-api', selector: { app: 'reports-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'reports-scheduler', selector: { app: 'reports-scheduler' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 8), 1, 0, 14),
      ...suffixes.map((s, i) => event({ on: rsRef, reason: 'FailedCreate', message: `Error creating: ${invalid(s)}`, count: i === 4 ? 14 : 1, firstAgo: i === 4 ? 13.2 : 14 - i * 0.05, lastAgo: i === 4 ? 0.6 : 14 - i * 0.05, component: 'replicaset-controller' })),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: lines(
        `{"time":"${at(2.4 - i * 0.1)}","level":"INFO","msg":"sts token refreshed","expires_in_s":3600}`,
        `{"time":"${at(1.2 - i * 0.1)}","level":"INFO","msg":"GET /v2/reports/weekly-revenue","status":200,"dur_ms":${412 + i * 37}}`,
        `{"time":"${at(0.5)}","level":"WARN","msg":"warehouse query slow","query_id":"01b8c2e4-0603-${i}f1a","dur_ms":${6100 + i * 200}}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/expirationSeconds|token[- ]expiration|10 minutes|service ?account token|serviceAccountToken/i],
      facts: [/FailedCreate|Error creating|is invalid/i, /\b300\b/, /revision 8|3\.9\.0|token-expiration-seconds/i],
      never: [/\bOOM/, /quota/i, /crash ?loop/i, /reports-scheduler/, /pull/i],
    },
  };
}

// ---- 3. Go 1.23 rebuild rejects the print appliance's certificate: x509 negative serial ----------

function goNegativeSerial(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.130', ['44', '171', '9']);
  const image = (v: string) => `${ECR}/fulfilment/shipping-labels:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'PRINT_GATEWAY_URL', value: 'https://printgw-01.dc1.acme.internal:9443' },
        { name: 'PRINT_GATEWAY_CA_FILE', value: '/etc/acme/ca/dc1-root.pem' },
        { name: 'CARRIER_API_URL', value: 'https://api.carrier-hub.example.com' },
        { name: 'GOMEMLIMIT', value: '220MiB' },
      ],
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'dc1-ca', mountPath: '/etc/acme/ca', readOnly: true }],
    })],
    volumes: [{ name: 'dc1-ca', configMap: { name: 'dc1-root-ca', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-labels',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 19 * DAYS, changeCause: 'argocd: shipping-labels 4.1.7', template: tpl('4.1.7') },
      { revision: 41, createdAgo: 48, changeCause: 'argocd: shipping-labels 4.2.0', template: tpl('4.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 47.5 - k * 0.7 })),
  });
  const other = bystander(ns, 'pick-planner', names, 26, { revisions: [88, 89], versions: ['2026.11.20-2', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const orders = ['SO-7781204', 'SO-7781209', 'SO-7781215', 'SO-7781221', 'SO-7781230', 'SO-7781234', 'SO-7781240'];
  const log = (k: number) => {
    const start = 47.3 - k * 0.7;
    const out = [
      `{"time":"${at(start)}","level":"INFO","msg":"starting shipping-labels","version":"4.2.0","commit":"c1e7a90","go_version":"go1.23.4","addr":":8080"}`,
      `{"time":"${at(start - 0.01)}","level":"INFO","msg":"loaded CA bundle","file":"/etc/acme/ca/dc1-root.pem","certs":2}`,
      `{"time":"${at(start - 0.02)}","level":"WARN","msg":"carrier rate cache cold, warming","entries":0}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = start - 1.5 - i * 3.6;
      if (t < 0.3) break;
      const so = orders[(i + k) % orders.length] ?? 'SO-1';
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"carrier label created","order":"${so}","carrier":"dhl","dur_ms":${180 + i * 7}}`);
      out.push(`{"time":"${at(t - 0.002)}","level":"ERROR","msg":"print job failed","order":"${so}","printer":"pack-line-${(i % 4) + 1}","error":"Post \\"https://printgw-01.dc1.acme.internal:9443/api/v1/jobs\\": tls: failed to parse certificate from server: x509: negative serial number"}`);
      out.push(`{"time":"${at(t - 0.003)}","level":"INFO","msg":"request","method":"POST","path":"/v1/labels","status":502,"dur_ms":${212 + i * 9}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout50-go123-x509-negative-serial',
    class: 'config',
    truth: 'shipping-labels 4.2.0 (revision 41, 48 minutes ago) is the same code rebuilt with Go 1.23, whose crypto/x509 now rejects certificates with a negative serial number. The on-prem print gateway appliance (printgw-01.dc1.acme.internal) presents such a certificate, so every print job fails in the TLS handshake with "x509: negative serial number" and POST /v1/labels returns 502; pods are Running and Ready since /healthz does not touch the gateway. Fix: set GODEBUG=x509negativeserial=1 (or roll back to 4.1.7) now, and reissue the appliance\'s certificate.',
    ask: { service: 'shipping-labels', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipping-labels', selector: { app: 'shipping-labels' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pick-planner', selector: { app: 'pick-planner' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'dc1-root-ca', createdAgo: 400 * DAYS, updatedAgo: 120 * DAYS, data: { 'dc1-root.pem': '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIUQm9vdHN0cmFwIHJvb3QgZm9yIGRjMTANBgkqhkiG9w0B\nAQsFADBLMQswCQYDVQQGEwJERTENMAsGA1UECgwEQWNtZTEtMCsGA1UEAwwkQWNt\n-----END CERTIFICATE-----\n' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, 48),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, 46),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('4.2.0'), 47.5 - k * 0.7)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/negative serial/i],
      facts: [/go ?1\.23|toolchain|GODEBUG|x509negativeserial/i, /printgw|print gateway|appliance/i, /revision 41|4\.2\.0/],
      never: [/\bOOM/, /expired/i, /unknown authority/i, /pick-planner/, /crash ?loop/i],
    },
  };
}

// ---- 4. urllib3 2 on an OpenSSL 1.0.2 base image --------------------------------------------------

function urllib3OldOpenSsl(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.205', ['16', '98', '183']);
  const image = (v: string) => `${ECR}/risk/fraud-scorer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '1Gi',
      command: ['gunicorn'], args: ['--bind', '0.0.0.0:8000', '--workers', '3', '--timeout', '30', 'scorer.wsgi:app'],
      env: [{ name: 'MODEL_BUCKET', value: 's3://acme-risk-models/fraud/v17' }, { name: 'RULES_URL', value: 'http://fraud-rules-sync.risk.svc.cluster.local/rules' }],
      readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 30 }),
    })],
  });
  const restarts = 7;
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 11 * DAYS, changeCause: 'argocd: fraud-scorer 3.4.0', template: tpl('3.4.0') },
      { revision: 23, createdAgo: 18, changeCause: 'argocd: fraud-scorer 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 17.8, ready: false, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.4, ranSeconds: 2 }, restarts) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'fraud-rules-sync', names, 55, { revisions: [9, 10], versions: ['0.9.3', '0.10.0'], olderAgo: 20 * DAYS });
  const crash = (m: number) => lines(
    `${gTime(m)} [1] [INFO] Starting gunicorn 20.1.0`,
    `${gTime(m)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gTime(m)} [1] [INFO] Using worker: sync`,
    `${gTime(m)} [8] [INFO] Booting worker with pid: 8`,
    `${gTime(m)} [9] [INFO] Booting worker with pid: 9`,
    `${gTime(m)} [10] [INFO] Booting worker with pid: 10`,
    `${gTime(m)} [8] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/arbiter.py", line 589, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/workers/base.py", line 134, in init_process',
    '    self.load_wsgi()',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/workers/base.py", line 146, in load_wsgi',
    '    self.wsgi = self.app.wsgi()',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/app/base.py", line 67, in wsgi',
    '    self.callable = self.load()',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/app/wsgiapp.py", line 58, in load',
    '    return self.load_wsgiapp()',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/app/wsgiapp.py", line 48, in load_wsgiapp',
    '    return util.import_app(self.app_uri)',
    '  File "/usr/local/lib/python3.7/site-packages/gunicorn/util.py", line 359, in import_app',
    '    mod = importlib.import_module(module)',
    '  File "/usr/lib64/python3.7/importlib/__init__.py", line 127, in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '  File "<frozen importlib._bootstrap>", line 1006, in _gcd_import',
    '  File "/app/scorer/wsgi.py", line 3, in <module>',
    '    from scorer.app import create_app',
    '  File "/app/scorer/app.py", line 9, in <module>',
    '    from scorer.clients.rules import RulesClient',
    '  File "/app/scorer/clients/rules.py", line 4, in <module>',
    '    import requests',
    '  File "/usr/local/lib/python3.7/site-packages/requests/__init__.py", line 43, in <module>',
    '    import urllib3',
    '  File "/usr/local/lib/python3.7/site-packages/urllib3/__init__.py", line 42, in <module>',
    '    "urllib3 v2.0 only supports OpenSSL 1.1.1+, currently "',
    "ImportError: urllib3 v2.0 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'OpenSSL 1.0.2k-fips  26 Jan 2017'. See: https://github.com/urllib3/urllib3/issues/2168",
    `${gTime(m - 0.01)} [8] [INFO] Worker exiting (pid: 8)`,
    `${gTime(m - 0.01)} [9] [INFO] Worker exiting (pid: 9)`,
    `${gTime(m - 0.01)} [10] [INFO] Worker exiting (pid: 10)`,
    `${gTime(m - 0.02)} [1] [INFO] Shutting down: Master`,
    `${gTime(m - 0.02)} [1] [INFO] Reason: Worker failed to boot.`,
  );
  const healthy = (k: number) => lines(
    `${gTime(11 * DAYS - k)} [1] [INFO] Starting gunicorn 20.1.0`,
    `${gTime(11 * DAYS - k)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${at(3.1).replace('T', ' ').replace('Z', '')} WARNING scorer.model: feature 'device_age_days' missing for txn tx_9f${k}31c, imputing median`,
    `${at(1.9).replace('T', ' ').replace('Z', '')} INFO scorer.api: POST /v1/score 200 31ms`,
    `${at(0.6).replace('T', ' ').replace('Z', '')} INFO scorer.api: POST /v1/score 200 27ms`,
  );
  return {
    id: 'heldout50-urllib3-v2-openssl-102',
    class: 'containers',
    truth: 'fraud-scorer 3.4.1 (revision 23, 18 minutes ago) is a dependency bump (Renovate: requests and urllib3 2.0.7) on the unchanged Amazon Linux 2 / Python 3.7 base image, whose ssl module is built against OpenSSL 1.0.2k-fips. urllib3 2 refuses to import on OpenSSL older than 1.1.1, so every gunicorn worker dies at import time and the master exits 3 ("Worker failed to boot"): the new pod crash-loops and the rollout is stuck while the three revision-22 pods keep serving. Fix: roll back / pin urllib3<2, then move the image to a base with OpenSSL 1.1.1+.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'fraud-rules-sync', selector: { app: 'fraud-rules-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 18),
      scheduled(fresh, 17.8),
      ...restartedAgain(fresh, 'app', image('3.4.1'), { count: restarts + 1, firstAgo: 17.6, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 76, firstAgo: 17.4 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash(1.45) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: healthy(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/urllib3/i],
      facts: [/OpenSSL 1\.0\.2|1\.0\.2k|OpenSSL 1\.1\.1/i, /revision 23|3\.4\.1/],
      never: [/\bOOM/, /fraud-rules-sync/, /liveness|readiness probe/i],
    },
  };
}

// ---- 5. Node 18 service, node-fetch 3 is ESM-only: ERR_REQUIRE_ESM ---------------------------------

function nodeRequireEsm(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.160', ['21', '77', '240']);
  const image = (v: string) => `${ECR}/messaging/notification-svc:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '384Mi',
      command: ['node'], args: ['dist/server.js'],
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=288' }, { name: 'PUSH_GATEWAY_URL', value: 'https://push.acme.internal' }],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const restarts = 6;
  const crashed = (finishedAgo: number) => crashLoop({ exitCode: 1, finishedAgo, ranSeconds: 1 }, restarts);
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-svc',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 6 * DAYS, changeCause: 'argocd: notification-svc 7.2.3', template: tpl('7.2.3') },
      { revision: 57, createdAgo: 12, changeCause: 'argocd: notification-svc 7.3.0', template: tpl('7.3.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 57, node: names[0] ?? '', createdAgo: 11.8, ready: false, containers: { app: crashed(0.9) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 11.8, ready: false, containers: { app: crashed(0.4) } },
    ],
  });
  const [n0, n1] = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'email-renderer', names, 31, { revisions: [14, 15], versions: ['3.0.1', '3.1.0'], olderAgo: 9 * DAYS });
  const crash = lines(
    'node:internal/modules/cjs/loader:1210',
    '      throw err;',
    '      ^',
    '',
    '/app/dist/clients/push.js:7',
    'const node_fetch_1 = __importDefault(require("node-fetch"));',
    '                                     ^',
    '',
    'Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/node-fetch/src/index.js from /app/dist/clients/push.js not supported.',
    'Instead change the require of index.js in /app/dist/clients/push.js to a dynamic import() which is available in all CommonJS modules.',
    '    at Object.<anonymous> (/app/dist/clients/push.js:7:38)',
    '    at Object.<anonymous> (/app/dist/services/dispatcher.js:12:16)',
    '    at Object.<anonymous> (/app/dist/server.js:9:22) {',
    "  code: 'ERR_REQUIRE_ESM'",
    '}',
    '',
    'Node.js v18.20.4',
  );
  const ok = (k: number) => lines(
    `{"level":30,"time":${ago(6 * DAYS - k).getTime()},"pid":1,"hostname":"notification-svc","msg":"notification-svc 7.2.3 listening on :3000"}`,
    `{"level":40,"time":${ago(22).getTime()},"pid":1,"hostname":"notification-svc","msg":"push gateway responded 410 for stale device token, pruning","device":"ios:8f2c…${k}a1"}`,
    `{"level":30,"time":${ago(0.8).getTime()},"pid":1,"hostname":"notification-svc","req":{"method":"POST","url":"/v1/notify"},"res":{"statusCode":202},"responseTime":14,"msg":"request completed"}`,
  );
  return {
    id: 'heldout50-node-fetch-esm-err-require-esm',
    class: 'containers',
    truth: 'notification-svc 7.3.0 (revision 57, 12 minutes ago) came from a dependency bump that moved node-fetch from 2 to 3, which is ESM-only. The service is compiled to CommonJS and runs on Node 18, so require("node-fetch") in dist/clients/push.js throws ERR_REQUIRE_ESM at startup and the process exits 1: both new pods crash-loop and the rollout is stuck while three revision-56 pods serve. Fix: roll back to 7.2.3 / pin node-fetch@2 (or switch to global fetch / dynamic import()).',
    ask: { service: 'notification-svc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notification-svc', selector: { app: 'notification-svc' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'email-renderer', selector: { app: 'email-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 0, 12),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 3, 4, 12),
      scheduled(n0, 11.8), scheduled(n1, 11.8),
      ...restartedAgain(n0, 'app', image('7.3.0'), { count: restarts + 1, firstAgo: 11.6, lastAgo: 0.95 }),
      ...restartedAgain(n1, 'app', image('7.3.0'), { count: restarts + 1, firstAgo: 11.6, lastAgo: 0.45 }),
      backOff(n0, 'app', { count: 52, firstAgo: 11.4 }),
      backOff(n1, 'app', { count: 51, firstAgo: 11.4 }),
      // Yesterday's noise on an old pod: a liveness blip during a GC-heavy burst.
      probeFailed(podOf(app, 1), 'app', 'Liveness', 'Get "http://' + ipOfPod(podOf(app, 1)) + ':3000/live": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', { count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
    ],
    logs: [
      logsFor(n0, 'app', { previous: crash }),
      logsFor(n1, 'app', { previous: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: ok(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ERR_REQUIRE_ESM|ES ?Module|\bESM\b|require\(\)/i],
      facts: [/node-fetch/i, /revision 57|7\.3\.0/],
      never: [/\bOOM/, /email-renderer/, /liveness/i],
    },
  };
}

// ---- 6. Rails moved to Ruby 3.1 (Psych 4): settings.yml aliases refused ----------------------------

function railsPsychBadAlias(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.44', ['60', '118', '205']);
  const image = (v: string) => `${ECR}/billing/billing-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '1Gi',
      command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, { name: 'WEB_CONCURRENCY', value: '2' }, { name: 'RAILS_MAX_THREADS', value: '5' }],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'settings', mountPath: '/app/config/settings.yml', subPath: 'settings.yml', readOnly: true }],
    })],
    volumes: [{ name: 'settings', configMap: { name: 'billing-web-settings', defaultMode: 420 } }],
  });
  const restarts = 9;
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-web',
    replicas: 3,
    revisions: [
      { revision: 111, createdAgo: 3 * DAYS, changeCause: 'argocd: billing-web 2026.11.18.2', template: tpl('2026.11.18.2') },
      { revision: 112, createdAgo: 26, changeCause: 'argocd: billing-web 2026.11.21.1', template: tpl('2026.11.21.1') },
    ],
    pods: [
      ...[0, 1].map((k) => ({ revision: 111, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
      { revision: 112, node: names[2] ?? '', createdAgo: 25.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.6, ranSeconds: 4 }, restarts) } },
      { revision: 112, node: names[0] ?? '', createdAgo: 25.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.7, ranSeconds: 4 }, restarts) } },
    ],
  });
  const [b0, b1] = [podOf(app, 2), podOf(app, 3)];
  const other = bystander(ns, 'invoice-pdf', names, 70, { revisions: [41, 42], versions: ['1.19.0', '1.19.1'], olderAgo: 14 * DAYS });
  const crash = lines(
    'Puma starting in cluster mode...',
    '* Puma version: 5.6.8 (ruby 3.1.4-p223) ("Birdie\'s Version")',
    '*  Min threads: 5',
    '*  Max threads: 5',
    '*  Environment: production',
    '*   Master PID: 1',
    '*      Workers: 2',
    '*     Restarts: (✔) hot (✖) phased',
    '* Preloading application',
    'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
    "/usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:430:in `visit_Psych_Nodes_Alias': Unknown alias: default (Psych::BadAlias)",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/visitor.rb:30:in `visit'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/visitor.rb:6:in `accept'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:35:in `accept'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:345:in `block in revive_hash'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:343:in `each'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:343:in `each_slice'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:343:in `revive_hash'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:334:in `safe_load'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:369:in `load'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:671:in `block in load_file'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:670:in `open'",
    "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:670:in `load_file'",
    "\tfrom /app/config/initializers/app_settings.rb:3:in `<main>'",
    "\tfrom /usr/local/bundle/gems/railties-6.1.7.8/lib/rails/engine.rb:690:in `load'",
    "\tfrom /usr/local/bundle/gems/railties-6.1.7.8/lib/rails/engine.rb:690:in `block in load_config_initializer'",
    "\tfrom /usr/local/bundle/gems/railties-6.1.7.8/lib/rails/initializable.rb:32:in `run'",
    "\tfrom /usr/local/bundle/gems/railties-6.1.7.8/lib/rails/application.rb:391:in `initialize!'",
    "\tfrom /app/config/environment.rb:5:in `<main>'",
    "\tfrom config.ru:3:in `require_relative'",
    "\tfrom /usr/local/bundle/gems/puma-5.6.8/lib/puma/launcher.rb:182:in `run'",
    "\tfrom /usr/local/bundle/gems/puma-5.6.8/lib/puma/cli.rb:81:in `run'",
    "\tfrom /usr/local/bundle/gems/puma-5.6.8/bin/puma:10:in `<top (required)>'",
  );
  const ok = (k: number) => lines(
    'Puma starting in cluster mode...',
    '* Puma version: 5.6.8 (ruby 2.7.8-p225) ("Birdie\'s Version")',
    '*  Environment: production',
    '*      Workers: 2',
    '* Preloading application',
    '* Listening on http://0.0.0.0:3000',
    'Use Ctrl-C to stop',
    `- Worker 0 (PID: 14) booted in 0.01s, phase: 0`,
    `- Worker 1 (PID: 19) booted in 0.01s, phase: 0`,
    `I, [${rbTime(3.2)} #14]  INFO -- : [7c1e${k}f2a-91d0] Started GET "/invoices/INV-2026-118${k}04" for 10.0.44.${17 + k} at ${at(3.2).slice(0, 19).replace('T', ' ')} +0000`,
    `W, [${rbTime(3.19)} #14]  WARN -- : [7c1e${k}f2a-91d0] DEPRECATION WARNING: Rendering actions with '.' in the name is deprecated: invoices/show.pdf`,
    `I, [${rbTime(3.18)} #14]  INFO -- : [7c1e${k}f2a-91d0] Completed 200 OK in 212ms (Views: 188.4ms | ActiveRecord: 17.9ms | Allocations: 41233)`,
    `I, [${rbTime(0.6)} #19]  INFO -- : [a03b${k}d71-22ce] Completed 200 OK in 38ms (Views: 21.0ms | ActiveRecord: 9.2ms | Allocations: 8810)`,
  );
  return {
    id: 'heldout50-rails-ruby31-psych4-bad-alias',
    class: 'containers',
    truth: 'billing-web 2026.11.21.1 (revision 112, 26 minutes ago) moved the Rails 6.1 app\'s base image from Ruby 2.7 to Ruby 3.1, which ships Psych 4: YAML.load_file is now a safe load with aliases disabled. config/initializers/app_settings.rb loads settings.yml (the unchanged billing-web-settings ConfigMap, whose environments merge a &default anchor with <<: *default), so boot fails with Psych::BadAlias "Unknown alias: default" and puma exits 1; both new pods crash-loop and the rollout is stuck while two revision-111 pods (Ruby 2.7.8) serve. Fix: roll back to 2026.11.18.2, then load the settings with aliases: true (YAML.unsafe_load_file or load_file(aliases: true)).',
    ask: { service: 'billing-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-web', selector: { app: 'billing-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'billing-web-settings', createdAgo: 240 * DAYS, updatedAgo: 47 * DAYS, data: { 'settings.yml': 'default: &default\n  invoice_prefix: INV\n  currency: EUR\n  payment_terms_days: 30\n  dunning:\n    first_reminder_days: 7\n    second_reminder_days: 21\n  pdf_service_url: http://invoice-pdf.billing.svc.cluster.local\n\nproduction:\n  <<: *default\n  sepa_creditor_id: DE98ZZZ09999999999\n  dunning:\n    first_reminder_days: 10\n    second_reminder_days: 28\n\nstaging:\n  <<: *default\n  invoice_prefix: STG\n' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 112), 2, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 111), 2, 3, 26),
      scheduled(b0, 25.8), scheduled(b1, 25.8),
      ...restartedAgain(b0, 'app', image('2026.11.21.1'), { count: restarts + 1, firstAgo: 25.5, lastAgo: 2.7 }),
      ...restartedAgain(b1, 'app', image('2026.11.21.1'), { count: restarts + 1, firstAgo: 25.5, lastAgo: 0.8 }),
      backOff(b0, 'app', { count: 113, firstAgo: 25.2 }),
      backOff(b1, 'app', { count: 115, firstAgo: 25.2 }),
    ],
    logs: [
      logsFor(b0, 'app', { previous: crash }),
      logsFor(b1, 'app', { previous: crash }),
      ...app.pods.slice(0, 2).map((p, k) => logsFor(p, 'app', { current: ok(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Psych|BadAlias|YAML alias|Unknown alias/i],
      facts: [/ruby 3\.1|Psych 4|3\.1\.4/i, /settings\.yml|app_settings|billing-web-settings/i, /revision 112|2026\.11\.21\.1/],
      never: [/\bOOM/, /billing-web-settings[^\n]*(changed|edited|updated|modified)/i, /invoice-pdf/, /liveness|readiness probe/i],
    },
  };
}

// ---- 7. healthy: Vault agent renewals and lease re-fetch WARNs, one DNS i/o timeout 40 min ago -----

function healthyVaultAgentRenewals(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['25', '139', '212']);
  const image = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const agentImage = 'hashicorp/vault:1.17.6';
  const tpl = (v: string) => ({
    serviceAccountName: 'orders-api',
    annotations: {
      'vault.hashicorp.com/agent-inject': 'true',
      'vault.hashicorp.com/role': 'orders-api',
      'vault.hashicorp.com/agent-inject-secret-db-creds': 'database/creds/orders-rw',
      'vault.hashicorp.com/agent-inject-template-db-creds': '{{- with secret "database/creds/orders-rw" -}}\nDB_USER={{ .Data.username }}\nDB_PASSWORD={{ .Data.password }}\n{{- end }}',
    },
    containers: [container({
      image: image(v), ports: [8080], cpu: '400m', memory: '512Mi',
      env: [{ name: 'DB_HOST', value: 'orders-db.cluster-cq81zk2v0d.eu-west-1.rds.amazonaws.com' }, { name: 'DB_CREDS_FILE', value: '/vault/secrets/db-creds' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 64, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 6.12.1', template: tpl('6.12.1') },
      { revision: 65, createdAgo: 2 * DAYS + 3 * HOURS, changeCause: 'argocd: orders-api 6.12.2', template: tpl('6.12.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 65, node: names[k] ?? '', createdAgo: 2 * DAYS + 3 * HOURS - 1 - k })),
  });
  // What the Vault injector adds at admission: the agent sidecar.
  const agent = container({
    name: 'vault-agent', image: agentImage, ports: [], cpu: '250m', memory: '64Mi', memoryLimit: '128Mi', readiness: null, liveness: null,
    command: ['/bin/sh', '-ec'], args: ['echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json'],
    volumeMounts: [{ name: 'vault-secrets', mountPath: '/vault/secrets' }, { name: 'home-sidecar', mountPath: '/home/vault' }],
  });
  app.pods.forEach((p, i) => {
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'vault.hashicorp.com/agent-inject-status': 'injected' } };
    if (p.spec) p.spec = { ...p.spec, containers: [...p.spec.containers, agent], volumes: [...(p.spec.volumes ?? []), { name: 'vault-secrets', emptyDir: { medium: 'Memory' } }, { name: 'home-sidecar', emptyDir: { medium: 'Memory' } }] };
    p.status?.containerStatuses?.push(containerStatus(agent, running({ sinceAgo: 2 * DAYS + 3 * HOURS - 1.1 - i }), `${ns}/${nameOf(p)}`));
  });
  const other = bystander(ns, 'orders-events-relay', names, 3 * HOURS, { revisions: [21, 22], versions: ['0.18.4', '0.18.5'], olderAgo: 30 * DAYS });
  const lease = 'database/creds/orders-rw';
  const agentLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 170 - i * 21 - k * 0.3;
      out.push(`${at(t)} [INFO]  agent.auth.handler: renewed auth token`);
      if (i % 2 === 0) {
        out.push(`${at(t - 2)} [WARN]  agent: vault.read(${lease}): TTL of "1h0m0s" exceeded the effective max_ttl of "${40 - i}m12s"; TTL value is capped accordingly`);
        out.push(`${at(t - 2.01)} [WARN]  agent: vault.read(${lease}): renewer done (maybe the lease expired)`);
        out.push(`${at(t - 2.02)} [INFO]  agent: (runner) rendered "(dynamic)" => "/vault/secrets/db-creds"`);
      }
    }
    out.push(`${at(41.2 - k * 0.3)} [WARN]  agent: vault.read(${lease}): renewer done (maybe the lease expired)`);
    out.push(`${at(41.19 - k * 0.3)} [INFO]  agent: (runner) rendered "(dynamic)" => "/vault/secrets/db-creds"`);
    out.push(`${at(12 - k * 0.3)} [INFO]  agent.auth.handler: renewed auth token`);
    return lines(...out);
  };
  const appLog = (k: number, p: k8s.V1Pod) => {
    const out = [
      `{"level":"info","ts":"${at(2 * DAYS + 3 * HOURS - 1.2 - k)}","msg":"orders-api starting","version":"6.12.2"}`,
      `{"level":"info","ts":"${at(41.1 - k * 0.3)}","msg":"db credentials file changed, rotating pool","file":"/vault/secrets/db-creds"}`,
    ];
    if (k === 1) {
      out.push(`{"level":"warn","ts":"${at(40.1)}","msg":"db dial failed, retrying","attempt":1,"backoff":"250ms","error":"dial tcp: lookup orders-db.cluster-cq81zk2v0d.eu-west-1.rds.amazonaws.com on 172.20.0.10:53: read udp ${ipOfPod(p)}:41873->172.20.0.10:53: i/o timeout"}`);
      out.push(`{"level":"info","ts":"${at(40.09)}","msg":"db pool rotated","attempt":2,"open":4}`);
    } else {
      out.push(`{"level":"info","ts":"${at(41.09 - k * 0.3)}","msg":"db pool rotated","attempt":1,"open":4}`);
    }
    out.push(every(6, 0.2, 45, (t, i) => `{"level":"info","ts":"${at(t)}","msg":"request","method":"${i % 3 === 0 ? 'POST' : 'GET'}","path":"${i % 3 === 0 ? '/v1/orders' : '/v1/orders/ORD-99' + (120 + i)}","status":${i % 3 === 0 ? 201 : 200},"dur_ms":${9 + ((i * 7 + k) % 23)}}\n`).trimEnd());
    return lines(...out);
  };
  return {
    id: 'heldout50-healthy-vault-agent-lease-refetch',
    class: 'healthy',
    truth: 'orders-api is healthy: three pods of revision 65 (rolled out two days ago) are Running and Ready with no restarts and serve 200/201s. Its injected Vault agent sidecar logs routine auth-token renewals and, for the database/creds/orders-rw dynamic secret, "TTL ... capped" and "renewer done (maybe the lease expired)" WARNs each time the lease nears its max_ttl, after which it fetches a fresh credential and re-renders /vault/secrets/db-creds; the app rotates its pool. One pod logged a single DNS lookup "i/o timeout" 40 minutes ago during such a rotation, and the retry succeeded at once. Nothing to fix.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-events-relay', selector: { app: 'orders-events-relay' }, pods: other.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k, p) })),
      ...app.pods.map((p, k) => logsFor(p, 'vault-agent', { current: agentLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problems?|issues?|faults?)|nothing (is )?wrong|running normally|all (\d+ )?pods (are )?(running|ready)/i],
      facts: [lit('orders-api')],
      never: [ADVISES_ROLLBACK, /\bOOM/, /coredns|dns (outage|failure|is (down|failing))/i, /lease[^\n]*(expired|lost)|vault[^\n]*(fail|broken|down)/i, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  consulNoClusterLeader(),
  projectedTokenTooShort(),
  goNegativeSerial(),
  urllib3OldOpenSsl(),
  nodeRequireEsm(),
  railsPsychBadAlias(),
  healthyVaultAgentRenewals(),
];
