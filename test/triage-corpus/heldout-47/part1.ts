// Held-out stories, forty-seventh round, part one: an Active Directory service account that the
// app binds LDAP with, locked out (data 775) by a CronJob in the same namespace that still binds
// with the account's old password every five minutes (its own runs fail with data 52e, then 775);
// a cache moved to a Redis Cluster whose client is not cluster-aware, so most commands come back
// "MOVED <slot> <ip>:6379"; a Cassandra cluster rebuilt with datacenter "eu-west-1" while the
// app's ConfigMap still says local-datacenter "dc1", so the DataStax driver has no local node
// (NoNodeAvailableException); a metrics writer whose revision sends "value" as a string and
// InfluxDB 2 drops every batch on a field type conflict while the pods stay Ready; a Kafka
// consumer whose revision renamed its group.id while auto.offset.reset=none, so it crash-loops on
// NoOffsetForPartitionException; a producer whose revision publishes keyless records to a
// compacted topic, which the broker rejects (InvalidRecordException) while the pods stay Ready;
// and a healthy control: a gRPC client that reconnects every few minutes after its server's
// GOAWAY "max_age" (MaxConnectionAge set on purpose), every call succeeding.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  service, endpointSliceFor, startedNormally, statefulSetApp, tcpProbe, terminated, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [app] [thread] logger : message`. */
const boot = (t: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. AD service account locked out by a CronJob that still binds with the old password ---------

function adServiceAccountLockedByCronJob(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.44', ['27', '141', '203']);
  const image = (v: string) => `${ECR}/identity/sso-portal:${v}`;
  const bindDn = 'CN=svc-sso-ldap,OU=Service Accounts,OU=Corp,DC=corp,DC=acme,DC=internal';
  const tpl = (v: string, restartedAt?: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_LDAP_URLS', value: 'ldaps://dc01.corp.acme.internal:636 ldaps://dc02.corp.acme.internal:636' },
        { name: 'SPRING_LDAP_USERNAME', value: bindDn },
        { name: 'SPRING_LDAP_PASSWORD', valueFrom: { secretKeyRef: { name: 'svc-sso-ldap', key: 'password' } } },
        { name: 'SPRING_LDAP_BASE', value: 'OU=Corp,DC=corp,DC=acme,DC=internal' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const rotatedAgo = 3 * HOURS + 5;
  const app = deploymentApp({
    namespace: ns,
    name: 'sso-portal',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: sso-portal 5.3.1', template: tpl('5.3.1') },
      { revision: 41, createdAgo: rotatedAgo - 2, template: tpl('5.3.1', at(rotatedAgo - 2)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: rotatedAgo - 2.2 - k })),
    settled: { available: true, availableSince: rotatedAgo - 5, progressingSince: rotatedAgo - 2, progressingUpdatedAgo: rotatedAgo - 5 },
  });
  const syncImage = `${ECR}/identity/ad-group-sync:1.9.2`;
  const sync = cronJob({
    namespace: ns,
    name: 'ad-group-sync',
    schedule: '*/5 * * * *',
    createdAgo: 210 * DAYS,
    backoffLimit: 0,
    template: {
      containers: [batchContainer({
        name: 'sync', image: syncImage, cpu: '100m', memory: '256Mi',
        command: ['python', '-m', 'groupsync'],
        env: [
          { name: 'LDAP_URI', value: 'ldaps://dc01.corp.acme.internal:636' },
          { name: 'LDAP_BIND_DN', value: bindDn },
          { name: 'LDAP_BIND_PASSWORD', valueFrom: { secretKeyRef: { name: 'ad-group-sync-bind', key: 'password' } } },
          { name: 'BIND_RETRIES', value: '3' },
        ],
      })],
    },
    lastSuccessfulAgo: rotatedAgo + 5,
    jobs: [
      { createdAgo: rotatedAgo + 15, pods: [{ node: names[0] ?? '', createdAgo: rotatedAgo + 15, phase: 'Succeeded', containers: { sync: terminated({ exitCode: 0, finishedAgo: rotatedAgo + 14.4, ranSeconds: 31 }) } }], outcome: { complete: true, ago: rotatedAgo + 14.4 } },
      { createdAgo: rotatedAgo + 10, pods: [{ node: names[1] ?? '', createdAgo: rotatedAgo + 10, phase: 'Succeeded', containers: { sync: terminated({ exitCode: 0, finishedAgo: rotatedAgo + 9.5, ranSeconds: 28 }) } }], outcome: { complete: true, ago: rotatedAgo + 9.5 } },
      { createdAgo: rotatedAgo + 5, pods: [{ node: names[2] ?? '', createdAgo: rotatedAgo + 5, phase: 'Succeeded', containers: { sync: terminated({ exitCode: 0, finishedAgo: rotatedAgo + 4.5, ranSeconds: 29 }) } }], outcome: { complete: true, ago: rotatedAgo + 4.5 } },
      { createdAgo: 4, pods: [{ node: names[1] ?? '', createdAgo: 4, phase: 'Failed', containers: { sync: terminated({ exitCode: 2, finishedAgo: 3.8, ranSeconds: 9 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 3.8 } },
    ],
  });
  const lastJob = sync.jobs[3];
  const lastJobObj = lastJob?.objects[0];
  const lastPod = lastJob?.pods[0];
  const cron = sync.objects[0];
  const other = bystander(ns, 'mfa-gateway', names, 6 * HOURS, { revisions: [17, 18], versions: ['2.1.4', '2.2.0'], olderAgo: 20 * DAYS });
  const ldapErr = (data: string) => `[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${data}, v4563]`;
  const users = ['m.keller', 'a.oduya', 'j.nguyen', 's.petrov', 'l.garcia', 'r.tanaka', 'h.bauer'];
  const appLog = (k: number) => {
    const out = [
      boot(rotatedAgo - 2.5 - k, 'INFO', 'sso-portal', 'main', 'c.a.i.sso.SsoPortalApplication', 'Started SsoPortalApplication in 21.84 seconds (process running for 23.1)'),
    ];
    for (let i = 0; i < 9; i++) {
      const t = 27 - i * 3.1 - k * 0.4;
      out.push(
        boot(t, 'ERROR', 'sso-portal', `nio-8080-exec-${(i + k) % 10 + 1}`, 'w.a.UsernamePasswordAuthenticationFilter', `An internal error occurred while trying to authenticate the user.`),
        `org.springframework.security.authentication.InternalAuthenticationServiceException: ${ldapErr('775')}; nested exception is javax.naming.AuthenticationException: ${ldapErr('775')}`,
        `\tat org.springframework.security.ldap.authentication.LdapAuthenticationProvider.doAuthentication(LdapAuthenticationProvider.java:183)`,
        `Caused by: org.springframework.ldap.AuthenticationException: ${ldapErr('775')}`,
        `\tat org.springframework.ldap.support.LdapUtils.convertLdapException(LdapUtils.java:191)`,
        `\tat org.springframework.ldap.core.support.AbstractContextSource.getContext(AbstractContextSource.java:359)`,
        boot(t - 0.01, 'WARN', 'sso-portal', `nio-8080-exec-${(i + k) % 10 + 1}`, 'c.a.i.sso.web.LoginController', `login failed for user=${users[(i + k) % users.length] ?? 'x'} reason=authentication_service_error status=503`),
      );
    }
    out.push(boot(0.6 - k * 0.1, 'INFO', 'sso-portal', 'nio-8080-exec-2', 'c.a.i.sso.web.StaticController', 'GET /login 200 4ms'));
    return lines(...out);
  };
  const syncLog = lines(
    `${pyTime(4)} INFO groupsync: starting run (source=ldaps://dc01.corp.acme.internal:636, target=keycloak realm corp)`,
    `${pyTime(3.98)} WARNING groupsync.ldap: bind as ${bindDn} failed (attempt 1/3): invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563`,
    `${pyTime(3.94)} WARNING groupsync.ldap: bind as ${bindDn} failed (attempt 2/3): invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563`,
    `${pyTime(3.88)} WARNING groupsync.ldap: bind as ${bindDn} failed (attempt 3/3): invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563`,
    `${pyTime(3.87)} ERROR groupsync: giving up: ldap3.core.exceptions.LDAPInvalidCredentialsResult - 49 - invalidCredentials - None - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563 - bindResponse - None`,
  );
  const cronEvents: k8s.CoreV1Event[] = [];
  for (let m = 34; m >= 4; m -= 5) {
    cronEvents.push(cronJobEvent(cron, 'SuccessfulCreate', `Created job ad-group-sync-${Math.floor((Date.parse(at(m)) / 60000))}`, m));
    if (m > 4) cronEvents.push(cronJobEvent(cron, 'SawCompletedJob', `Saw completed job: ad-group-sync-${Math.floor((Date.parse(at(m)) / 60000))}, status: Failed`, m - 0.3));
    if (m > 4) cronEvents.push(cronJobEvent(cron, 'SuccessfulDelete', `Deleted job ad-group-sync-${Math.floor((Date.parse(at(m)) / 60000))}`, m - 4.9));
  }
  return {
    id: 'heldout47-ad-service-account-locked-by-cronjob',
    class: 'config',
    truth: 'The AD service account svc-sso-ldap, which sso-portal uses for its LDAP manager bind, had its password rotated three hours ago; sso-portal got the new password (rollout restart, revision 41) but the ad-group-sync CronJob in the same namespace still binds with the old one from its own Secret every five minutes, three tries a run, so AD keeps locking the account out (data 52e then 775) and every login through sso-portal fails with "AcceptSecurityContext error, data 775". Fix: give ad-group-sync the new password (or suspend it), then unlock the account.',
    ask: { service: 'sso-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...sync.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'sso-portal', selector: { app: 'sso-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'mfa-gateway', selector: { app: 'mfa-gateway' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, rotatedAgo - 2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, rotatedAgo - 4),
      ...cronEvents,
      ...(lastPod === undefined ? [] : [scheduled(lastPod, 4), ...startedNormally(lastPod, 'sync', syncImage, 3.95).slice(1)]),
      jobEvent(lastJobObj, 'SuccessfulCreate', `Created pod: ${nameOf(lastPod)}`, 4),
      jobEvent(lastJobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 3.8, 'Warning'),
      // Yesterday's noise: one slow readiness answer on the bystander.
      event({ on: podOf(other, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(other, 1))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(lastPod, 'sync', { current: syncLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/775|locked/i],
      facts: [/ad-group-sync/, /52e|invalid ?credentials|old password|wrong password/i, /svc-sso-ldap/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /mfa-gateway/],
    },
  };
}

// ---- 2. a cache migrated to a Redis Cluster behind a client that is not cluster-aware --------------

function redisClusterMovedNotClusterAware(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.58', ['14', '126', '233']);
  const redisImage = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r4';
  const migratedAgo = 46;
  const redis = statefulSetApp({
    namespace: ns,
    name: 'cart-redis-cluster',
    replicas: 6,
    serviceName: 'cart-redis-cluster-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 2 * HOURS + 10,
    revisions: [{
      revision: 1, createdAgo: 2 * HOURS + 10, template: {
        containers: [container({
          name: 'cart-redis-cluster', image: redisImage, ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }],
          cpu: '250m', memory: '1Gi', env: [{ name: 'REDIS_CLUSTER_REPLICAS', value: '1' }, { name: 'REDIS_NODES', value: 'cart-redis-cluster-0.cart-redis-cluster-headless cart-redis-cluster-1.cart-redis-cluster-headless cart-redis-cluster-2.cart-redis-cluster-headless cart-redis-cluster-3.cart-redis-cluster-headless cart-redis-cluster-4.cart-redis-cluster-headless cart-redis-cluster-5.cart-redis-cluster-headless' }],
          readiness: execProbe(['sh', '-c', '/scripts/ping_readiness_local.sh 1'], { periodSeconds: 5 }), liveness: execProbe(['sh', '-c', '/scripts/ping_liveness_local.sh 5'], { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 6 }),
          volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2, 3, 4, 5].map((o) => ({ revision: 1, ordinal: o, node: names[o % 3] ?? '', createdAgo: 2 * HOURS + 9 })),
  });
  const redisIp = (o: number) => ipOfPod(podOf(redis, o));
  const apiImage = (v: string) => `${ECR}/storefront/cart-api:${v}`;
  const apiTpl = (cfgHash: string) => ({
    containers: [container({
      image: apiImage('3.18.2'), ports: [8000], cpu: '300m', memory: '512Mi',
      command: ['gunicorn', 'cart.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4'],
      envFrom: [{ configMapRef: { name: 'cart-api-config' } }],
      readiness: httpProbe('/healthz/ready', 8000), liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 15 }),
    })],
    annotations: { 'checksum/config': cfgHash },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 9 * DAYS, changeCause: 'helm upgrade cart-api 3.18.2', template: apiTpl('4f1c0a9e27b3d6c58e0f1a2b3c4d5e6f') },
      { revision: 88, createdAgo: migratedAgo, changeCause: 'helm upgrade cart-api 3.18.2 (cache: cart-redis-cluster)', template: apiTpl('9b7e3d21c0a4f5e6d7c8b9a0f1e2d3c4') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: migratedAgo - 0.5 - k })),
    settled: { available: true, availableSince: migratedAgo - 3, progressingSince: migratedAgo, progressingUpdatedAgo: migratedAgo - 3 },
  });
  const oldRedisImage = 'docker.io/library/redis:7.2.5-alpine';
  const oldRedis = deploymentApp({
    namespace: ns,
    name: 'cart-redis',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'redis', image: oldRedisImage, ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const cfg = configMap({
    namespace: ns, name: 'cart-api-config', createdAgo: 300 * DAYS, updatedAgo: migratedAgo + 1,
    data: {
      REDIS_URL: 'redis://cart-redis-cluster.storefront.svc.cluster.local:6379/0',
      REDIS_SOCKET_TIMEOUT: '0.5',
      CART_TTL_SECONDS: '604800',
      DATABASE_HOST: 'storefront-db.cluster-cq1z8k2m4n.eu-west-1.rds.amazonaws.com',
      LOG_LEVEL: 'INFO',
    },
  });
  const slots = [12539, 9842, 15495, 7365, 13101, 6918, 10777, 16021];
  const apiLog = (k: number) => {
    const out = [
      `[${pyTime(migratedAgo - 0.6 - k).replace(',', '.')} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(migratedAgo - 0.6 - k).replace(',', '.')} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${pyTime(migratedAgo - 0.55 - k)} INFO cart.cache: redis client ready url=redis://cart-redis-cluster.storefront.svc.cluster.local:6379/0 ping=PONG`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 12 - i * 1.1 - k * 0.2;
      const slot = slots[(i + k) % slots.length] ?? 12539;
      const owner = slot > 10922 ? 2 : slot > 5460 ? 1 : 0;
      out.push(
        `${pyTime(t)} ERROR cart.views: GET /v1/carts/c_${(7731 + i * 37 + k).toString(36)} failed`,
        'Traceback (most recent call last):',
        '  File "/app/cart/views.py", line 58, in get_cart',
        '    raw = cache.hgetall(cart_key(cart_id))',
        '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 4911, in hgetall',
        '    return self.execute_command("HGETALL", name, keys=[name])',
        '  File "/usr/local/lib/python3.12/site-packages/redis/client.py", line 1290, in parse_response',
        '    response = connection.read_response()',
        '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 617, in read_response',
        '    raise response',
        `redis.exceptions.ResponseError: MOVED ${slot} ${redisIp(owner)}:6379`,
        `10.0.58.${20 + i} - - "GET /v1/carts/c_${(7731 + i * 37 + k).toString(36)} HTTP/1.1" 500 52 "-" "storefront-web/4.2"`,
      );
      if (i % 4 === 1) out.push(`10.0.58.${40 + i} - - "GET /v1/carts/c_${(2213 + i).toString(36)} HTTP/1.1" 200 811 "-" "storefront-web/4.2"`);
    }
    return lines(...out);
  };
  const redisLog = (o: number) => lines(
    `1:M ${at(2 * HOURS + 8.8).slice(8, 10)} Nov 2026 ${at(2 * HOURS + 8.8).slice(11, 23)} * Cluster state changed: ok`,
    `1:M ${at(30).slice(8, 10)} Nov 2026 ${at(30).slice(11, 23)} * ${o === 0 ? '100' : '97'} changes in 300 seconds. Saving...`,
    `1:M ${at(30).slice(8, 10)} Nov 2026 ${at(30).slice(11, 23)} * Background saving started by pid 212`,
  );
  return {
    id: 'heldout47-redis-cluster-moved-client-not-cluster-aware',
    class: 'config',
    truth: 'The cart cache was migrated from the single cart-redis to a new six-node Redis Cluster (StatefulSet cart-redis-cluster) and cart-api-config now points REDIS_URL at it (revision 88), but cart-api uses the plain redis-py client, not RedisCluster: the Service lands each connection on one shard and every command for a key whose slot lives on another shard gets "MOVED <slot> <ip>:6379", so most cart reads and writes fail with 500. Fix: use a cluster-aware client (redis.cluster.RedisCluster) or point the app back at cart-redis until it does.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...redis.objects, ...oldRedis.objects, cfg,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'cart-redis-cluster', selector: { app: 'cart-redis-cluster' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }], endpointPort: 6379, createdAgo: 2 * HOURS + 10 }),
      ...exposed({ namespace: ns, name: 'cart-redis-cluster-headless', selector: { app: 'cart-redis-cluster' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }], endpointPort: 6379, headless: true, createdAgo: 2 * HOURS + 10 }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: oldRedis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 88), 3, 0, migratedAgo),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 87), 0, 3, migratedAgo - 2.5),
      ...redis.pods.map((p) => scheduled(p, 2 * HOURS + 9)),
      // Noise: the cluster's boot, one readiness miss while the slots were assigned.
      event({ on: podOf(redis, 3), reason: 'Unhealthy', message: 'Readiness probe failed: cluster_state:fail', count: 3, firstAgo: 2 * HOURS + 8.7, lastAgo: 2 * HOURS + 8.5, fieldPath: 'spec.containers{cart-redis-cluster}' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...redis.pods.slice(0, 3).map((p, o) => logsFor(p, 'cart-redis-cluster', { current: redisLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MOVED/],
      facts: [/cart-redis-cluster/, /cluster[- ]aware|RedisCluster|cluster (mode|client)|not (a )?cluster/i, /REDIS_URL|cart-api-config/],
      never: [/\bOOM/, /crash ?loop/i, /connection refused/i, /NOAUTH|WRONGPASS/],
    },
  };
}

// ---- 3. Cassandra rebuilt with DC "eu-west-1" while the app still says local-datacenter "dc1" ------

function cassandraLocalDcMismatch(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.97', ['35', '160', '219']);
  const rebuiltAgo = 6 * HOURS + 20;
  const cassImage = 'docker.io/library/cassandra:4.1.7';
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    createdAgo: rebuiltAgo,
    revisions: [{
      revision: 1, createdAgo: rebuiltAgo, template: {
        containers: [container({
          name: 'cassandra', image: cassImage, ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }], cpu: '2', memory: '8Gi',
          env: [
            { name: 'CASSANDRA_CLUSTER_NAME', value: 'messaging' },
            { name: 'CASSANDRA_DC', value: 'eu-west-1' },
            { name: 'CASSANDRA_RACK', value: 'rack1' },
            { name: 'CASSANDRA_ENDPOINT_SNITCH', value: 'GossipingPropertyFileSnitch' },
            { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.messaging.svc.cluster.local' },
            { name: 'MAX_HEAP_SIZE', value: '4G' },
          ],
          readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { initialDelaySeconds: 30, timeoutSeconds: 5 }), liveness: tcpProbe('cql', { initialDelaySeconds: 90 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({ revision: 1, ordinal: o, node: names[o] ?? '', createdAgo: rebuiltAgo - 1 - o * 3 })),
  });
  const cassIp = (o: number) => ipOfPod(podOf(cass, o));
  const image = (v: string) => `${ECR}/messaging/inbox-service:${v}`;
  const tpl = (v: string, restartedAt?: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1536Mi',
      env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'inbox-service-config' } }],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const restartAgo = rebuiltAgo - 25;
  const app = deploymentApp({
    namespace: ns,
    name: 'inbox-service',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 26 * HOURS, changeCause: 'argocd: inbox-service 4.7.2', template: tpl('4.7.2') },
      { revision: 24, createdAgo: restartAgo, template: tpl('4.7.2', at(restartAgo)) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: restartAgo - 0.5 - k * 1.5, ready: false, containers: { app: running({ sinceAgo: restartAgo - 0.6 - k * 1.5, ready: false }) } })),
    settled: { available: false, availableSince: restartAgo - 3, progressingSince: restartAgo, progressingUpdatedAgo: restartAgo - 4 },
  });
  const cfg = configMap({
    namespace: ns, name: 'inbox-service-config', createdAgo: 220 * DAYS,
    data: {
      'application.yaml': [
        'spring:',
        '  cassandra:',
        '    contact-points: cassandra.messaging.svc.cluster.local:9042',
        '    local-datacenter: dc1',
        '    keyspace-name: inbox',
        '    request:',
        '      consistency: local_quorum',
        '      timeout: 2s',
        'management:',
        '  endpoint:',
        '    health:',
        '      group:',
        '        readiness:',
        '          include: readinessState,cassandra',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'inbox-notifier', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 14 * DAYS });
  const nodeRef = (o: number, h: string) => `Node(endPoint=cassandra.messaging.svc.cluster.local/${cassIp(o)}:9042, hostId=${h}, hashCode=${(0x3a1f2b + o * 7919).toString(16)})`;
  const hostIds = ['6f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f', 'b27e4f10-33c1-4e2a-8d5b-9c0a1e2f3d4b', '0d9c8b7a-6e5f-4a3b-8c2d-1e0f9a8b7c6d'];
  const appLog = (k: number) => {
    const s = restartAgo - 0.6 - k * 1.5;
    const out = [
      boot(s, 'INFO', 'inbox-service', 'main', 'c.a.m.inbox.InboxServiceApplication', 'Starting InboxServiceApplication v4.7.2 using Java 21.0.5'),
      boot(s - 0.1, 'INFO', 'inbox-service', 'main', 'c.d.o.d.internal.core.DefaultMavenCoordinates', 'DataStax Java driver for Apache Cassandra(R) (com.datastax.oss:java-driver-core) version 4.17.0'),
      boot(s - 0.11, 'WARN', 'inbox-service', 's0-admin-0', 'c.d.o.d.i.c.l.h.OptionalLocalDcHelper', `[s0|default] You specified dc1 as the local DC, but some contact points are from a different DC: ${[0, 1, 2].map((o) => `${nodeRef(o, hostIds[o] ?? '')}=eu-west-1`).join(', ')}; please provide the correct local DC, or check your contact points`),
      boot(s - 0.3, 'INFO', 'inbox-service', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      boot(s - 0.31, 'INFO', 'inbox-service', 'main', 'c.a.m.inbox.InboxServiceApplication', 'Started InboxServiceApplication in 19.402 seconds (process running for 20.7)'),
    ];
    for (let i = 0; i < 8; i++) {
      const t = 14 - i * 1.7 - k * 0.3;
      out.push(
        boot(t, 'ERROR', 'inbox-service', `nio-8080-exec-${(i + k) % 10 + 1}`, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.data.cassandra.CassandraConnectionFailureException: Query; CQL [SELECT * FROM inbox.messages WHERE user_id=? AND bucket=? LIMIT ?]; No node was available to execute the query] with root cause'),
        'com.datastax.oss.driver.api.core.NoNodeAvailableException: No node was available to execute the query',
        '\tat com.datastax.oss.driver.api.core.NoNodeAvailableException.copy(NoNodeAvailableException.java:40)',
        '\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:151)',
        '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:55)',
      );
    }
    out.push(boot(0.8 - k * 0.1, 'WARN', 'inbox-service', 'health-check-1', 'o.s.b.a.cassandra.CassandraDriverHealthIndicator', 'Cassandra health check failed: com.datastax.oss.driver.api.core.NoNodeAvailableException: No node was available to execute the query'));
    return lines(...out);
  };
  const cassLog = (o: number) => lines(
    `INFO  [main] ${at(rebuiltAgo - 2 - o * 3).replace('T', ' ').replace('Z', '').replace('.', ',')} StorageService.java:2959 - Node /${cassIp(o)}:7000 state jump to NORMAL`,
    `INFO  [main] ${at(rebuiltAgo - 2 - o * 3).replace('T', ' ').replace('Z', '').replace('.', ',')} CassandraDaemon.java:760 - Startup complete`,
    `INFO  [OptionalTasks:1] ${at(5).replace('T', ' ').replace('Z', '').replace('.', ',')} CassandraRoleManager.java:372 - Created default superuser role 'cassandra'`,
  );
  return {
    id: 'heldout47-cassandra-local-dc-mismatch',
    class: 'config',
    truth: 'The Cassandra cluster was rebuilt six hours ago as a new StatefulSet whose datacenter is named "eu-west-1" (CASSANDRA_DC), but inbox-service-config still sets spring.cassandra.local-datacenter: dc1: the DataStax driver 4.17 warns that every contact point is in a different DC, finds no node in its local DC "dc1" and fails every query with NoNodeAvailableException, so the readiness group (which includes cassandra) keeps all three pods unready. The rollout restart (revision 24) only picked that up. Fix: set local-datacenter to eu-west-1.',
    ask: { service: 'inbox-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cass.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'inbox-service', selector: { app: 'inbox-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, pods: cass.pods, ports: [{ name: 'cql', port: 9042, targetPort: 'cql' }], endpointPort: 9042, headless: true, createdAgo: rebuiltAgo }),
      ...exposed({ namespace: ns, name: 'inbox-notifier', selector: { app: 'inbox-notifier' }, pods: other.pods }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 2210, firstAgo: restartAgo - 1, lastAgo: 0.1 })),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 3, 0, restartAgo),
      // Noise: the rebuild's bootstrap, one pod's gossip not settled yet.
      event({ on: podOf(cass, 2), reason: 'Unhealthy', message: 'Readiness probe failed: ', count: 9, firstAgo: rebuiltAgo - 7, lastAgo: rebuiltAgo - 8.4, fieldPath: 'spec.containers{cassandra}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...cass.pods.map((p, o) => logsFor(p, 'cassandra', { current: cassLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/dc1|local[ -]?(dc|datacenter|data center)/i],
      facts: [/eu-west-1/, /NoNodeAvailableException|No node was available/, /inbox-service-config|local-datacenter/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /cassandra-\d[^\n]*(down|not ready|crash)/i],
    },
  };
}

// ---- 4. a metrics writer whose revision sends "value" as a string: InfluxDB field type conflict ----

function influxFieldTypeConflict(): CorpusScenario {
  const ns = 'iot';
  const { nodes, names } = threeEksNodes('10.0.113', ['19', '142', '250']);
  const rolledAgo = 38;
  const image = (v: string) => `${ECR}/iot/sensor-ingest-writer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [9100], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'INFLUX_URL', value: 'http://influxdb.iot.svc.cluster.local:8086' },
        { name: 'INFLUX_ORG', value: 'plant-ops' },
        { name: 'INFLUX_BUCKET', value: 'sensors' },
        { name: 'INFLUX_TOKEN', valueFrom: { secretKeyRef: { name: 'influx-writer-token', key: 'token' } } },
        { name: 'MQTT_URL', value: 'mqtts://emqx.iot.svc.cluster.local:8883' },
        { name: 'BATCH_SIZE', value: '500' },
      ],
      readiness: httpProbe('/ready', 9100), liveness: httpProbe('/healthz', 9100, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'sensor-ingest-writer',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 17 * DAYS, changeCause: 'argocd: sensor-ingest-writer 2.7.4', template: tpl('2.7.4') },
      { revision: 15, createdAgo: rolledAgo, changeCause: 'argocd: sensor-ingest-writer 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: rolledAgo - 0.5 - k })),
    settled: { available: true, availableSince: rolledAgo - 3, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 3 },
  });
  const influx = statefulSetApp({
    namespace: ns,
    name: 'influxdb',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'influxdb', image: 'docker.io/library/influxdb:2.7.10', ports: [{ name: 'http', containerPort: 8086 }], cpu: '2', memory: '8Gi', readiness: httpProbe('/ready', 'http'), liveness: httpProbe('/health', 'http', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/influxdb2' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 6 * DAYS, containers: { influxdb: running({ sinceAgo: 6 * DAYS - 1, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 6 * DAYS - 0.9, ranSeconds: 40 * 3600 } }) } }],
  });
  const grafana = deploymentApp({
    namespace: ns,
    name: 'grafana',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'grafana', image: 'docker.io/grafana/grafana:11.3.1', ports: [3000], readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 11 * DAYS }],
  });
  const body = (dropped: number) => `{"code":"unprocessable entity","message":"failure writing points to database: partial write: field type conflict: input field \\"value\\" on measurement \\"sensor_reading\\" is type string, already exists as type float dropped=${dropped}"}`;
  const appLog = (k: number) => {
    const out = [
      `${pyTime(rolledAgo - 0.6 - k)} INFO sensor_ingest: sensor-ingest-writer 2.8.0 starting (bucket=sensors org=plant-ops batch_size=500 flush_interval=1000ms)`,
      `${pyTime(rolledAgo - 0.59 - k)} INFO sensor_ingest.mqtt: connected to mqtts://emqx.iot.svc.cluster.local:8883, subscribed plant/+/sensors/# (shared group ingest)`,
      `${pyTime(rolledAgo - 0.58 - k)} INFO sensor_ingest: metrics and health on :9100`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 11.5 - i * 0.9 - k * 0.15;
      out.push(
        `${pyTime(t)} ERROR influxdb_client.client.write_api: The batch item wasn't processed successfully because: (422)`,
        'Reason: Unprocessable Entity',
        `HTTP response headers: HTTPHeaderDict({'Content-Type': 'application/json; charset=utf-8', 'X-Influxdb-Build': 'OSS', 'X-Influxdb-Version': 'v2.7.10', 'X-Platform-Error-Code': 'unprocessable entity', 'Date': '${new Date(Date.parse(at(t))).toUTCString()}', 'Content-Length': '231'})`,
        `HTTP response body: ${body(500)}`,
        '',
      );
      if (i % 4 === 3) out.push(`${pyTime(t - 0.05)} INFO sensor_ingest: stats consumed=${14800 + i * 53 + k * 7} written_batches=${30 + i} queue=0`);
    }
    return lines(...out);
  };
  const influxLog = lines(
    `ts=${at(6 * DAYS - 0.8)} lvl=info msg="Welcome to InfluxDB" log_id=0sK2mZ4l000 version=v2.7.10 commit=f302d9730c build_date=2024-08-16T20:19:39Z log_level=info`,
    `ts=${at(6 * DAYS - 0.7)} lvl=info msg=Listening log_id=0sK2mZ4l000 service=tcp-listener transport=http addr=:8086 port=8086`,
    `ts=${at(2.2)} lvl=info msg="Cache snapshot (start)" log_id=0sK2mZ4l000 service=storage-engine engine=tsm1 op_name=tsm1_cache_snapshot op_event=start`,
    `ts=${at(2.1)} lvl=info msg="Cache snapshot (end)" log_id=0sK2mZ4l000 service=storage-engine engine=tsm1 op_name=tsm1_cache_snapshot op_event=end op_elapsed=88.112ms`,
  );
  return {
    id: 'heldout47-influxdb-field-type-conflict',
    class: 'rollout',
    truth: 'sensor-ingest-writer revision 15 (2.8.0, 38 minutes ago) serializes the "value" field of sensor_reading as a string instead of a float; InfluxDB 2 rejects every batch with 422 "partial write: field type conflict: input field "value" on measurement "sensor_reading" is type string, already exists as type float", so no sensor data has been written since and the dashboards are empty, while the writer pods are Ready and log the 422s. Fix: roll back to revision 14 (2.7.4) and send value as a float.',
    ask: { service: 'sensor-ingest-writer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...influx.objects, ...grafana.objects,
      ...exposed({ namespace: ns, name: 'sensor-ingest-writer', selector: { app: 'sensor-ingest-writer' }, pods: app.pods, ports: [{ name: 'metrics', port: 9100, targetPort: 'http' }], endpointPort: 9100 }),
      ...exposed({ namespace: ns, name: 'influxdb', selector: { app: 'influxdb' }, pods: influx.pods, ports: [{ name: 'http', port: 8086, targetPort: 'http' }], endpointPort: 8086 }),
      ...exposed({ namespace: ns, name: 'grafana', selector: { app: 'grafana' }, pods: grafana.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 3, rolledAgo - 0.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 1, rolledAgo - 1.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 2, rolledAgo - 2.5),
      // Noise: yesterday's slow Grafana health check.
      event({ on: podOf(grafana, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(grafana, 0))}:3000/api/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 1, fieldPath: 'spec.containers{grafana}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(influx, 0), 'influxdb', { current: influxLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/type conflict|string[^\n]*float|float[^\n]*string/i, /revision 15|2\.8\.0/],
      facts: [/sensor_reading/, /422|partial write|Unprocessable/i, /influxdb/i],
      never: [/\bOOM/, /crash ?loop/i, /influxdb[^\n]*(down|unreachable|not ready|restart)/i],
    },
  };
}

// ---- 5. a Kafka consumer whose revision renamed its group.id while auto.offset.reset=none ----------

function kafkaConsumerNoOffsetNewGroup(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.125', ['8', '137', '211']);
  const rolledAgo = 19;
  const image = (v: string) => `${ECR}/fulfilment/shipment-events-consumer:${v}`;
  const tpl = (v: string, group: string) => ({
    containers: [container({
      image: image(v), ports: [8081], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-prod-kafka-bootstrap.kafka.svc.cluster.local:9093' },
        { name: 'KAFKA_GROUP_ID', value: group },
        { name: 'KAFKA_TOPICS', value: 'shipment-events' },
        { name: 'KAFKA_AUTO_OFFSET_RESET', value: 'none' },
        { name: 'KAFKA_ENABLE_AUTO_COMMIT', value: 'false' },
      ],
      readiness: httpProbe('/health/ready', 8081), liveness: httpProbe('/health/live', 8081, { initialDelaySeconds: 20 }),
    })],
  });
  const newGroup = 'fulfilment.shipment-events.v2';
  const exit = { exitCode: 1, finishedAgo: 1.4, ranSeconds: 9 };
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-events-consumer',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 8, createdAgo: 23 * DAYS, changeCause: 'argocd: shipment-events-consumer 3.4.1', template: tpl('3.4.1', 'shipment-events') },
      { revision: 9, createdAgo: rolledAgo, changeCause: 'argocd: shipment-events-consumer 3.5.0', template: tpl('3.5.0', newGroup) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 8, node: names[k] ?? '', createdAgo: 9 * DAYS - k * 2 })),
      { revision: 9, node: names[0] ?? '', createdAgo: rolledAgo - 0.2, containers: { app: crashLoop(exit, 8) } },
      { revision: 9, node: names[1] ?? '', createdAgo: rolledAgo - 0.2, containers: { app: crashLoop({ ...exit, finishedAgo: 2.9 }, 8) } },
    ],
  });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'label-printer', names, 2 * HOURS, { revisions: [30, 31], versions: ['5.0.2', '5.0.3'], olderAgo: 12 * DAYS });
  const jlog = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t).replace('T', ' ').replace('Z', '')} ${level.padEnd(5)} [${thread}] ${logger} - ${msg}`;
  const crashed = (end: number) => lines(
    jlog(end + 0.15, 'INFO', 'main', 'c.a.f.shipments.ConsumerMain', 'shipment-events-consumer 3.5.0 starting'),
    jlog(end + 0.14, 'INFO', 'main', 'o.a.k.c.consumer.ConsumerConfig', `ConsumerConfig values: \n\tallow.auto.create.topics = true\n\tauto.commit.interval.ms = 5000\n\tauto.offset.reset = none\n\tbootstrap.servers = [kafka-prod-kafka-bootstrap.kafka.svc.cluster.local:9093]\n\tclient.id = consumer-${newGroup}-1\n\tenable.auto.commit = false\n\tgroup.id = ${newGroup}\n\tgroup.protocol = classic\n\tisolation.level = read_committed\n\tmax.poll.records = 200`),
    jlog(end + 0.13, 'INFO', 'main', 'o.a.kafka.common.utils.AppInfoParser', 'Kafka version: 3.7.1'),
    jlog(end + 0.12, 'INFO', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=consumer-${newGroup}-1, groupId=${newGroup}] Subscribed to topic(s): shipment-events`),
    jlog(end + 0.08, 'INFO', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=consumer-${newGroup}-1, groupId=${newGroup}] Discovered group coordinator b-2.kafka-prod-kafka-brokers.kafka.svc:9093 (id: 2147483645 rack: null)`),
    jlog(end + 0.05, 'INFO', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=consumer-${newGroup}-1, groupId=${newGroup}] Successfully joined group with generation Generation{generationId=${41}, memberId='consumer-${newGroup}-1-7c1e9a52-3b7d-4d2e-9f1a-0c5b8e2d6a41', protocol='cooperative-sticky'}`),
    jlog(end + 0.04, 'INFO', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=consumer-${newGroup}-1, groupId=${newGroup}] Adding newly assigned partitions: shipment-events-0, shipment-events-3, shipment-events-6, shipment-events-9`),
    jlog(end + 0.03, 'INFO', 'main', 'o.a.k.c.c.internals.ConsumerCoordinator', `[Consumer clientId=consumer-${newGroup}-1, groupId=${newGroup}] Found no committed offset for partition shipment-events-0`),
    jlog(end + 0.01, 'ERROR', 'main', 'c.a.f.shipments.ConsumerMain', 'consumer loop terminated, exiting'),
    'org.apache.kafka.clients.consumer.NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: [shipment-events-0, shipment-events-3, shipment-events-6, shipment-events-9]',
    '\tat org.apache.kafka.clients.consumer.internals.SubscriptionState.resetInitializingPositions(SubscriptionState.java:711)',
    '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.updateFetchPositions(LegacyKafkaConsumer.java:1189)',
    '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.poll(LegacyKafkaConsumer.java:623)',
    '\tat org.apache.kafka.clients.consumer.KafkaConsumer.poll(KafkaConsumer.java:874)',
    '\tat com.acme.fulfilment.shipments.ConsumerMain.run(ConsumerMain.java:88)',
  );
  const oldLog = (k: number) => lines(
    jlog(0.9 - k * 0.1, 'INFO', 'main', 'c.a.f.shipments.ShipmentHandler', `processed batch records=${120 + k * 9} partitions=${k + 3} lag=${40 + k * 11}`),
    jlog(0.2 - k * 0.02, 'INFO', 'main', 'c.a.f.shipments.ShipmentHandler', `processed batch records=${96 + k * 5} partitions=${k + 3} lag=${12 + k * 4}`),
  );
  return {
    id: 'heldout47-kafka-new-group-no-offset-reset',
    class: 'rollout',
    truth: 'shipment-events-consumer revision 9 (3.5.0, 19 minutes ago) renamed KAFKA_GROUP_ID from shipment-events to fulfilment.shipment-events.v2 while auto.offset.reset stays none; the new group has no committed offsets, so every new pod throws NoOffsetForPartitionException ("Undefined offset with no reset policy for partitions") on its first poll, exits 1 and crash-loops, and the rollout is stuck with three revision-8 pods. Fix: keep the old group.id (roll back), or seed the new group\'s offsets from the old one before switching.',
    ask: { service: 'shipment-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-events-consumer', selector: { app: 'shipment-events-consumer' }, pods: app.pods, ports: [{ name: 'http', port: 8081, targetPort: 'http' }], endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 3, 4, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 2, 1, rolledAgo),
      ...fresh.flatMap((p) => [scheduled(p, rolledAgo - 0.2), ...restartedAgain(p, 'app', image('3.5.0'), { count: 9, firstAgo: rolledAgo - 0.3, lastAgo: 1.6 }), backOff(p, 'app', { count: 78, firstAgo: rolledAgo - 1, lastAgo: 0.3 })]),
      // Noise: an old restart of a revision-8 pod, days ago.
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:8081/health/live": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 3 * DAYS, lastAgo: 3 * DAYS - 0.4, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...fresh.map((p, i) => logsFor(p, 'app', { current: crashed(i === 0 ? 0.05 : 0.3), previous: crashed(i === 0 ? 1.4 : 2.9) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NoOffsetForPartition|no reset policy|Undefined offset|no committed offset/i],
      facts: [/auto\.offset\.reset|offset reset/i, /shipment-events\.v2|group\.?id|KAFKA_GROUP_ID/i, /revision 9|3\.5\.0/],
      never: [/\bOOM/, /broker[^\n]*(down|unreachable)/i, /label-printer/, /liveness/i],
    },
  };
}

// ---- 6. a producer whose revision publishes keyless records to a compacted topic -------------------

function compactedTopicWithoutKey(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.150', ['22', '131', '244']);
  const rolledAgo = 52;
  const image = (v: string) => `${ECR}/crm/profile-sync-producer:${v}`;
  const topic = 'crm.customer-profile.latest';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '400m', memory: '768Mi',
      envFrom: [{ configMapRef: { name: 'profile-sync-producer-config' } }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-sync-producer',
    replicas: 2,
    revisions: [
      { revision: 26, createdAgo: 15 * DAYS, changeCause: 'argocd: profile-sync-producer 2.3.5', template: tpl('2.3.5') },
      { revision: 27, createdAgo: rolledAgo, changeCause: 'argocd: profile-sync-producer 2.4.0', template: tpl('2.4.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: rolledAgo - 0.5 - k })),
    settled: { available: true, availableSince: rolledAgo - 3, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 3 },
  });
  const cfg = configMap({
    namespace: ns, name: 'profile-sync-producer-config', createdAgo: 190 * DAYS, updatedAgo: rolledAgo + 2,
    data: {
      SPRING_KAFKA_BOOTSTRAP_SERVERS: 'crm-kafka-kafka-bootstrap.kafka.svc.cluster.local:9093',
      SPRING_KAFKA_PRODUCER_ACKS: 'all',
      SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE: 'true',
      PROFILE_SYNC_TOPIC: topic,
      PROFILE_SYNC_SOURCE: 'salesforce-cdc',
    },
  });
  const other = bystander(ns, 'crm-web', names, 4 * HOURS, { revisions: [102, 103], versions: ['2026.11.20-3', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const customers = ['C-0041877', 'C-0093310', 'C-0017452', 'C-0120098', 'C-0088231', 'C-0055012', 'C-0101774'];
  const appLog = (k: number) => {
    const out = [
      boot(rolledAgo - 0.6 - k, 'INFO', 'profile-sync-producer', 'main', 'o.a.k.clients.producer.ProducerConfig', `Idempotence will be enabled because acks=all, retries=2147483647 and max.in.flight.requests.per.connection=5`),
      boot(rolledAgo - 0.59 - k, 'INFO', 'profile-sync-producer', 'main', 'o.a.kafka.common.utils.AppInfoParser', 'Kafka version: 3.6.2'),
      boot(rolledAgo - 0.55 - k, 'INFO', 'profile-sync-producer', 'main', 'c.a.c.p.ProfileSyncApplication', `Started ProfileSyncApplication in 14.233 seconds (process running for 15.9); publishing to ${topic}`),
    ];
    for (let i = 0; i < 10; i++) {
      const t = 13 - i * 1.2 - k * 0.25;
      const part = (i * 3 + k) % 6;
      const c = customers[(i + k) % customers.length] ?? 'C-1';
      out.push(
        boot(t, 'ERROR', 'profile-sync-producer', `kafka-producer-network-thread | producer-1`, 'o.s.k.support.LoggingProducerListener', `Exception thrown when sending a message with key='null' and payload='{"customerId":"${c}","email":"***","tier":"GOLD","updatedAt":"${at(t + 0.02)}"}' to topic ${topic}:`),
        `org.apache.kafka.common.InvalidRecordException: One or more records have been rejected due to 1 record errors in total, and only showing the first error at most: [RecordError(batchIndex=0, message='Compacted topic cannot accept message without key in topic partition ${topic}-${part}.')]`,
        boot(t - 0.001, 'WARN', 'profile-sync-producer', `ntainer#0-0-C-1`, 'c.a.c.p.ProfileChangeListener', `profile change ${c} not published (InvalidRecordException); CDC offset committed`),
      );
    }
    out.push(boot(0.5 - k * 0.1, 'INFO', 'profile-sync-producer', 'ntainer#0-0-C-1', 'c.a.c.p.ProfileChangeListener', `cdc batch received size=${18 + k} published=0 failed=${18 + k}`));
    return lines(...out);
  };
  return {
    id: 'heldout47-compacted-topic-keyless-records',
    class: 'rollout',
    truth: `profile-sync-producer revision 27 (2.4.0, 52 minutes ago) publishes profile changes to the compacted topic ${topic} (cleanup.policy=compact) without a record key; the broker rejects every batch with InvalidRecordException "Compacted topic cannot accept message without key", and since the listener commits its CDC offset anyway every profile change since the rollout is lost, while both pods stay Ready. Fix: roll back to revision 26 (2.3.5) or key each record by customerId.`,
    ask: { service: 'profile-sync-producer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'profile-sync-producer', selector: { app: 'profile-sync-producer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'crm-web', selector: { app: 'crm-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 1, 2, rolledAgo - 0.9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 2, 1, rolledAgo - 1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, rolledAgo - 1.8),
      // Noise: the bystander's rollout this night, and yesterday's slow readiness on it.
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(other, 0))}:8080/ready": dial tcp ${ipOfPod(podOf(other, 0))}:8080: connect: connection refused`, count: 2, firstAgo: 4 * HOURS - 0.2, lastAgo: 4 * HOURS - 0.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/without (a )?key|null key|no key|key='null'|keyless|compact/i],
      facts: [/InvalidRecordException/, lit(topic), /revision 27|2\.4\.0/],
      never: [/\bOOM/, /crash ?loop/i, /broker[^\n]*(down|unreachable)/i, /crm-web/],
    },
  };
}

// ---- 7. healthy control: a gRPC client reconnecting after the server's GOAWAY "max_age" -------------

function grpcGoawayMaxAgeHealthy(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.166', ['13', '129', '238']);
  const engineImage = `${ECR}/pricing/pricing-engine:7.2.0`;
  const engine = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    revisions: [{
      revision: 52, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-engine 7.2.0', template: {
        containers: [container({
          image: engineImage, ports: [{ name: 'grpc', containerPort: 50051 }], cpu: '1', memory: '1Gi',
          envFrom: [{ configMapRef: { name: 'pricing-engine-config' } }],
          readiness: { grpc: { port: 50051, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          liveness: { grpc: { port: 50051, service: '' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        })],
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const engineCfg = configMap({
    namespace: ns, name: 'pricing-engine-config', createdAgo: 70 * DAYS, updatedAgo: 6 * DAYS + 5,
    data: {
      GRPC_LISTEN_ADDR: ':50051',
      // Set on purpose: clients behind a ClusterIP pin one connection; a max age rebalances them.
      GRPC_MAX_CONNECTION_AGE: '5m',
      GRPC_MAX_CONNECTION_AGE_GRACE: '30s',
      GRPC_KEEPALIVE_TIME: '2m',
      PRICE_CACHE_TTL: '30s',
    },
  });
  const image = `${ECR}/pricing/quote-gateway:1.21.3`;
  const gw = deploymentApp({
    namespace: ns,
    name: 'quote-gateway',
    replicas: 2,
    revisions: [
      { revision: 33, createdAgo: 11 * DAYS, changeCause: 'argocd: quote-gateway 1.21.2', template: { containers: [container({ image: `${ECR}/pricing/quote-gateway:1.21.2`, ports: [3000] })] } },
      {
        revision: 34, createdAgo: 4 * DAYS, changeCause: 'argocd: quote-gateway 1.21.3', template: {
          containers: [container({
            image, ports: [3000], cpu: '300m', memory: '384Mi',
            env: [
              { name: 'PRICING_ENGINE_ADDR', value: 'dns:///pricing-engine-headless.pricing.svc.cluster.local:50051' },
              { name: 'GRPC_LB_POLICY', value: 'round_robin' },
              { name: 'GRPC_TRACE', value: 'transport,subchannel' },
              { name: 'GRPC_VERBOSITY', value: 'DEBUG' },
            ],
            readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
          })],
        },
      },
    ],
    pods: [0, 1].map((k) => ({ revision: 34, node: names[k + 1] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const engineIps = engine.pods.map(ipOfPod);
  const gwLog = (k: number) => {
    const out: string[] = [];
    let id = 140 + k * 31;
    for (let i = 0; i < 6; i++) {
      const t = 24 - i * 4.6 - k * 0.7;
      const ip = engineIps[(i + k) % engineIps.length] ?? '10.0.0.1';
      const sub = 3 + ((i + k) % 3);
      out.push(
        `D ${at(t)} | v1.12.2 | transport | (${id}) ${ip}:50051 connection closed by GOAWAY with code 0 and data max_age`,
        `D ${at(t - 0.0001)} | v1.12.2 | subchannel | (${sub}) ${ip}:50051 READY -> IDLE`,
        `D ${at(t - 0.0002)} | v1.12.2 | subchannel | (${sub}) ${ip}:50051 IDLE -> CONNECTING`,
        `D ${at(t - 0.0004)} | v1.12.2 | transport | (${id + 1}) ${ip}:50051 local settings acknowledged by remote: {"headerTableSize":4096,"enablePush":true,"initialWindowSize":65535,"maxFrameSize":16384,"maxConcurrentStreams":4294967295,"maxHeaderListSize":4294967295,"maxHeaderSize":4294967295,"enableConnectProtocol":false}`,
        `D ${at(t - 0.0005)} | v1.12.2 | subchannel | (${sub}) ${ip}:50051 CONNECTING -> READY`,
      );
      id += 1;
      for (let j = 0; j < 3; j++) {
        const tt = t - 0.5 - j * 1.2;
        out.push(`{"level":30,"time":${Date.parse(at(tt))},"pid":1,"hostname":"quote-gateway","reqId":"req-${(9000 + i * 10 + j + k * 100).toString(36)}","method":"POST","url":"/v1/quotes","statusCode":200,"grpc":{"method":"/pricing.v3.PricingEngine/Quote","code":"OK","peer":"${engineIps[(i + j + k) % engineIps.length] ?? ''}:50051"},"responseTime":${(11 + ((i * 7 + j * 3 + k) % 9)).toFixed(1)},"msg":"request completed"}`);
      }
    }
    return lines(...out);
  };
  const engineLog = (k: number) => lines(
    `{"time":"${at(6 * DAYS - k - 0.2)}","level":"INFO","msg":"grpc server listening","addr":":50051","max_connection_age":"5m0s","max_connection_age_grace":"30s","keepalive_time":"2m0s"}`,
    `{"time":"${at(1.1 + k * 0.1)}","level":"INFO","msg":"quote stats","window":"60s","calls":${2210 + k * 37},"errors":0,"p99_ms":${18 + k}}`,
  );
  return {
    id: 'heldout47-healthy-grpc-goaway-max-age',
    class: 'healthy',
    truth: 'Nothing is wrong: pricing-engine sets MaxConnectionAge 5m (grace 30s) on purpose so that quote-gateway\'s long-lived gRPC connections are rebalanced across its pods; the gateway\'s grpc-js debug trace shows a GOAWAY with debug data "max_age" and an immediate reconnect every few minutes, and every call completes with OK.',
    ask: { service: 'quote-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...engine.objects, engineCfg,
      ...exposed({ namespace: ns, name: 'quote-gateway', selector: { app: 'quote-gateway' }, pods: gw.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'pricing-engine-headless', selector: { app: 'pricing-engine' }, pods: engine.pods, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }], endpointPort: 50051, headless: true }),
      ...(() => { const s = service({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, ports: [{ name: 'grpc', port: 50051, targetPort: 'grpc' }] }); return [s, endpointSliceFor(s, engine.pods, 50051)]; })(),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 34), 2, 0, 4 * DAYS),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 33), 0, 2, 4 * DAYS - 1.5),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
      ...engine.pods.map((p, k) => logsFor(p, 'app', { current: engineLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (is )?wrong/i],
      facts: [/quote-gateway/],
      never: [/(caus|fail|broke|drop)[^\n]*GOAWAY|GOAWAY[^\n]*(caus|fail|broke|problem)/i, /max_age[^\n]*(caus|problem|fail)/i, /pricing-engine[^\n]*(down|unavailable|failing)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  adServiceAccountLockedByCronJob(),
  redisClusterMovedNotClusterAware(),
  cassandraLocalDcMismatch(),
  influxFieldTypeConflict(),
  kafkaConsumerNoOffsetNewGroup(),
  compactedTopicWithoutKey(),
  grpcGoawayMaxAgeHealthy(),
];
