import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors, describeMissingService, parseDependencyError } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, container, event, minutesAgo, pod, running, service, terminated, workload } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { badRolloutScenario } from '../scenarios/rollout.js';

describe('parseDependencyError', () => {
  it.each([
    ['Error: connect ECONNREFUSED 10.100.42.7:5432', 'refused', '10.100.42.7:5432'],
    ['dial tcp 10.100.42.7:6379: connect: connection refused', 'refused', '10.100.42.7:6379'],
    ['org.postgresql.util.PSQLException: Connection to postgres.payments.svc:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.', 'refused', 'postgres.payments.svc:5432'],
    ['io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: redis-master.cache.svc.cluster.local/10.100.8.9:6379', 'refused', 'redis-master.cache.svc.cluster.local:6379'],
    ['redis.exceptions.ConnectionError: Error 111 connecting to redis-master:6379. Connection refused.', 'refused', 'redis-master:6379'],
    ['Error: getaddrinfo ENOTFOUND ledger-api.payments.svc.cluster.local', 'dns-missing', 'ledger-api.payments.svc.cluster.local'],
    ['Error: getaddrinfo EAI_AGAIN ledger-api.payments.svc.cluster.local', 'dns-unavailable', 'ledger-api.payments.svc.cluster.local'],
    ['dial tcp: lookup postgress.payments.svc.cluster.local on 172.20.0.10:53: no such host', 'dns-missing', 'postgress.payments.svc.cluster.local'],
    ['dial tcp: lookup kafka-0.kafka-headless on 172.20.0.10:53: read udp 10.0.1.104:41234->172.20.0.10:53: i/o timeout', 'dns-unavailable', 'kafka-0.kafka-headless'],
    ['java.net.UnknownHostException: fraud-api.payments.svc', 'dns-missing', 'fraud-api.payments.svc'],
    ['Error: connect ETIMEDOUT 52.31.8.14:443', 'timeout', '52.31.8.14:443'],
    // The URL's host says more than the address it resolved to.
    ['Post "https://api.stripe.example:443/v1/charges": dial tcp 52.31.8.14:443: i/o timeout', 'timeout', 'api.stripe.example:443'],
    ['Post "https://payments-api.payments.svc.cluster.local:8443/v1/authorize": dial tcp 172.20.9.4:8443: i/o timeout', 'timeout', 'payments-api.payments.svc.cluster.local:8443'],
    ['{"level":"error","msg":"create transfer failed","error":"Post \\"https://api.partner-bank.example/v2/transfers\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"}', 'timeout', 'api.partner-bank.example'],
    ['upstream request timeout', 'timeout', undefined],
    // The resolver refusing is DNS, not the dependency refusing.
    ['Post "http://payments-gw.payments.svc.cluster.local/v1/charges": dial tcp: lookup payments-gw.payments.svc.cluster.local on 169.254.20.10:53: read: connection refused', 'dns-unavailable', 'payments-gw.payments.svc.cluster.local'],
    // Reset: the peer (a server, or a mesh proxy demanding mTLS) drops the connection it accepted.
    ['org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://ledger.core.svc.cluster.local:8080/v1/entries": Connection reset', 'reset', 'ledger.core.svc.cluster.local:8080'],
    ['read tcp 10.0.4.12:51234->10.100.7.9:8080: read: connection reset by peer', 'reset', '10.100.7.9:8080'],
    ['Error: socket hang up', 'reset', undefined],
    ['upstream connect error or disconnect/reset before headers. reset reason: connection termination', 'reset', undefined],
    // A source file and line ("_ssl.c:1006") is no host and port.
    ['ssl.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)', 'tls-expired', undefined],
    // An IP literal in a URL is the whole address, not its first octet.
    ['E1121 03:06:27.000788       1 leaderelection.go:436] error retrieving resource lock tenant-system/tenant-operator.platform.acme.io: Get "https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/tenant-system/leases/tenant-operator.platform.acme.io?timeout=5s": context deadline exceeded', 'timeout', '172.20.0.1:443'],
    ['Get "http://10.0.14.207:8081/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'timeout', '10.0.14.207:8081'],
    ['Get "https://[fd00:10:96::1]:443/api/v1/namespaces/default/pods": context deadline exceeded', 'timeout', '[fd00:10:96::1]:443'],
    ['Get "http://payments-api:8080/healthz": context deadline exceeded', 'timeout', 'payments-api:8080'],
    // klog's header names the source file and line ("leaderelection.go:297]"): no host and port.
    ['I1121 03:06:35.400680       1 leaderelection.go:297] failed to renew lease tenant-system/tenant-operator.platform.acme.io: context deadline exceeded', 'timeout', undefined],
    ['W1121 03:06:35.400680       1 reflector.go:547] k8s.io/client-go/informers/factory.go:160: failed to list *v1.Pod: context deadline exceeded', 'timeout', undefined],
  ])('%s', (line, problem, dependency) => {
    expect(parseDependencyError(line)).toEqual(dependency === undefined ? { problem } : { problem, dependency });
  });

  it('does not read a timestamp, a request id or an ordinary line as a dependency failure', () => {
    expect(parseDependencyError('2026-11-21T03:12:40Z INFO request_id=9f1c2b7e-4a3d-4f6b-8e21-5c0d7a9b3e14 served GET /v1/charges in 12ms')).toBeUndefined();
    expect(parseDependencyError('connection pool ready: 10 connections to postgres.payments.svc:5432')).toBeUndefined();
  });

  it("does not read the server's own access log of a request it failed to answer in time as a dependency timeout", () => {
    // pino-http: the request it served (req, res, responseTime) timed out; no dependency is named.
    expect(parseDependencyError('{"level":50,"req":{"method":"GET","url":"/v1/suggest?q=phone+case"},"res":{"statusCode":503},"responseTime":12044.8,"msg":"request timed out"}')).toBeUndefined();
    // A proxy's access log that names the upstream's timeout still is one.
    expect(parseDependencyError('{"level":50,"req":{"method":"GET","url":"/v1/cart"},"res":{"statusCode":504},"responseTime":15001,"msg":"upstream request timeout"}')).toEqual({ problem: 'timeout' });
    expect(parseDependencyError('{"level":"error","msg":"request timed out","upstream":"pricing-api:8080"}')).toEqual({ problem: 'timeout', dependency: 'pricing-api:8080' });
  });
});

describe('parseDependencyError: TLS and busybox', () => {
  it.each([
    ['Get "https://rates.partner-bank.eu/v2/quotes?base=EUR": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is after 2026-11-21T00:00:00Z', 'tls-expired', 'rates.partner-bank.eu'],
    ['Caused by: java.security.cert.CertificateExpiredException: NotAfter: Sat Nov 21 00:00:00 UTC 2026', 'tls-expired', undefined],
    ['Error: certificate has expired', 'tls-expired', undefined],
    ['Post "https://ledger-api.payments.svc:8443/v1/entries": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls-untrusted', 'ledger-api.payments.svc:8443'],
    ['javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', 'tls-untrusted', undefined],
    ['Get "https://fraud-api.payments.svc.cluster.local:8443/v1/score": tls: failed to verify certificate: x509: certificate is valid for fraud-api.risk.svc.cluster.local, not fraud-api.payments.svc.cluster.local', 'tls-name', 'fraud-api.payments.svc.cluster.local:8443'],
    // Go joins every name of the certificate with ", ": the usual certificate has several.
    ['Get "https://fraud-api.payments.svc.cluster.local:8443/v1/score": tls: failed to verify certificate: x509: certificate is valid for fraud-api, fraud-api.risk, fraud-api.risk.svc, not fraud-api.payments.svc.cluster.local', 'tls-name', 'fraud-api.payments.svc.cluster.local:8443'],
    ["nslookup: can't resolve 'postgres-primary'", 'dns-missing', 'postgres-primary'],
    ["** server can't find postgres-primary.crm.svc.cluster.local: NXDOMAIN", 'dns-missing', 'postgres-primary.crm.svc.cluster.local'],
  ])('%s', (line, problem, dependency) => {
    expect(parseDependencyError(line)).toEqual(dependency === undefined ? { problem } : { problem, dependency });
  });
});

describe('describeMissingService', () => {
  it('says a Service of this namespace does not exist, without naming unrelated ones as alternatives', () => {
    const ev = baseEvidence();
    expect(describeMissingService(ev, 'postgres-primary')).toBe('no Service postgres-primary in payments');
    expect(describeMissingService(ev, 'postgres-primary.payments.svc.cluster.local:5432')).toBe('no Service postgres-primary in payments');
  });

  it('names the Services whose names are close to the missing one (a rename, a typo, a suffix)', () => {
    const ev = baseEvidence({ services: [service({ name: 'payment-service' }), service({ name: 'postgres' }), service({ name: 'payments-redis' })] });
    expect(describeMissingService(ev, 'postgres-primary')).toBe('no Service postgres-primary in payments (similar: postgres)');
    expect(describeMissingService(ev, 'redis')).toBe('no Service redis in payments (similar: payments-redis)');
  });

  it('says nothing of a Service that exists, of another namespace, of an outside host or an address, or when Services could not be read', () => {
    const ev = baseEvidence();
    expect(describeMissingService(ev, 'fraud-service.payments.svc:80')).toBeUndefined();
    expect(describeMissingService(ev, 'postgres-primary.crm.svc.cluster.local')).toBeUndefined();
    expect(describeMissingService(ev, 'rates.partner-bank.eu')).toBeUndefined();
    expect(describeMissingService(ev, '10.100.42.7')).toBeUndefined();
    const unread = { ...ev, readFailures: [{ what: 'services in payments', source: 'services' as const, reason: 'forbidden' as const, detail: 'services is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "services"' }] };
    expect(describeMissingService(unread, 'postgres-primary')).toBeUndefined();
  });
});

describe('analyzeDependencyErrors', () => {
  it('names the dependency host and ties it to the env change of the new revision', () => {
    const [f, ...rest] = analyzeDependencyErrors(badRolloutScenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Dependency postgress.payments.svc.cluster.local does not resolve (no such host) (logs of 3 pods)');
    expect(f?.layer).toBe('network/routing');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('env DB_HOST changed in revision 7: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"');
    expect(f?.confirmCommands).toContain('kubectl get service postgress -n payments --context prod-eu-west-1');
  });

  it('ignores current logs of healthy pods (transient errors happen)', () => {
    const ev = healthyScenario();
    ev.logs = [{ pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: ['WARN retrying: dial tcp 10.100.42.7:6379: connect: connection refused'] }];
    expect(analyzeDependencyErrors(ev)).toEqual([]);
  });

  it('reports refused connections in previous logs of crashed pods with medium confidence from one pod', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 1), { logs: ['Error: connect ECONNREFUSED 10.100.42.7:5432', '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)'] });
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).toBe('Dependency 10.100.42.7:5432 refuses connections (logs of 1 pod)');
    expect(f?.confidence).toBe('medium');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeDependencyErrors(healthyScenario())).toEqual([]);
  });

  it('says when the certificate of an outside host expired, from the ready pods that keep failing to call it', () => {
    const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i));
    const refresh = (t: string) =>
      `{"level":"error","ts":"${t}","caller":"quote/refresher.go:64","msg":"quote refresh failed","upstream":"rates.partner-bank.eu","error":"Get \\"https://rates.partner-bank.eu/v2/quotes?base=EUR\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${t} is after 2026-11-21T00:00:00Z"}`;
    const lines = ['2026-11-21T03:12:58Z', '2026-11-21T03:13:28Z', '2026-11-21T03:13:58Z'].map(refresh);
    const ev = baseEvidence({ pods, workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3 }), logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
    const [f, ...rest] = analyzeDependencyErrors(ev);
    expect(rest).toHaveLength(0);
    expect(f?.id).toBe('dependency-error/tls-expired/rates.partner-bank.eu');
    expect(f?.title).toBe('TLS certificate of rates.partner-bank.eu expired at 2026-11-21T00:00:00Z (x509): every call to it fails the handshake (logs of 3 ready pods, 9 lines)');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toBe(
      'quote refresh failed: Get "https://rates.partner-bank.eu/v2/quotes?base=EUR": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:13:58Z is after 2026-11-21T00:00:00Z',
    );
    expect(f?.fix).toBe('get the certificate of rates.partner-bank.eu fixed by whoever serves it');
    expect(f?.nextAction).toContain('Rolling back this workload will not help.');
    // Ready pods' current logs: not "among the last lines before the container stopped".
    expect(f?.likelyCause).not.toContain('last lines before the container stopped');
    expect(f?.affected).toEqual({ pods: pods.map((p) => p.name), nodes: [NODE_A, NODE_B, NODE_C] });
  });

  it('adds that no Service of that name exists to a host that does not resolve', () => {
    const named = crashScenario(2, () => terminated(1, 'Error', 1), { logs: ["nslookup: can't resolve 'postgres-primary'"] });
    const [g] = analyzeDependencyErrors(named);
    expect(g?.title).toBe('Dependency postgres-primary does not resolve (no such host): no Service postgres-primary in payments (logs of 2 pods)');
    expect(g?.evidence).toContain('no Service postgres-primary in payments');
    expect(g?.fix).toBe('restore Service postgres-primary in payments (deleted or renamed), or point the clients at the Service that exists');
  });

  it("reads a StatefulSet pod's own name (pod.service.namespace.svc) as its headless Service", () => {
    const ev = baseEvidence();
    expect(describeMissingService(ev, 'zk-0.zk-hs.payments.svc.cluster.local')).toBe('no Service zk-hs in payments');
    expect(describeMissingService(ev, 'zk-0.fraud-service.payments.svc')).toBeUndefined();
  });
});

describe('analyzeDependencyErrors: a crash the container recovered from', () => {
  const refused = '2026-11-21T02:48:06.000Z ERROR kafka: dial tcp 172.20.88.14:9092: connect: connection refused (broker kafka-1.kafka-headless.kafka:9092)';

  it('leaves out the crashed run of a container up and ready far longer since (a broker restart it rode out)', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ ready: true, restartCount: 2, state: running(25.5), lastState: terminated(1, 'Error', 26, { runSeconds: 30 }) })] }));
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [refused] }));
    expect(analyzeDependencyErrors(baseEvidence({ pods, logs }))).toEqual([]);
  });

  it('still reads the crashed run of a container that came back only minutes ago', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ ready: true, restartCount: 2, state: running(3), lastState: terminated(1, 'Error', 3.5, { runSeconds: 30 }) })] }));
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [refused] }));
    expect(analyzeDependencyErrors(baseEvidence({ pods, logs })).map((f) => f.id)).toEqual(['dependency-error/refused/172.20.88.14:9092']);
  });
});

describe('analyzeDependencyErrors: a bout the running containers rode out hours ago', () => {
  const spring = (at: string, level: string, msg: string) => `${at} ${level.padStart(5)} 1 --- [consumer] [ntainer#0-0-C-1] o.a.k.clients.NetworkClient : ${msg}`;
  const refused = (at: string, node: number) => spring(at, 'WARN', `Connection to node ${node} (kafka-${node}.kafka-headless.kafka.svc.cluster.local/10.0.61.8${node}:9092) could not be established. Node may not be available.`);
  const work = (at: string) => spring(at, 'INFO', 'processed 9214 events in last 300s, max lag 31');
  const bout = (at: (m: number) => string) => [refused(at(131), 2), refused(at(126), 1), refused(at(121), 0), refused(at(121.1), 0)];
  const scenario = (lines: (i: number) => string[]) => {
    const pods = [0, 1, 2].map((i) => pod(i));
    return baseEvidence({ pods, logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })) });
  };

  it('leaves out refusals all logged two hours ago when the ready pods logged clean work since, up to the read', () => {
    const ev = scenario(() => [...bout(minutesAgo), work(minutesAgo(118)), work(minutesAgo(30)), work(minutesAgo(0.5))]);
    expect(analyzeDependencyErrors(ev)).toEqual([]);
  });

  it('still reports them when the bout reaches into the last hour, or the log shows no clean work since', () => {
    const recent = scenario(() => [...bout(minutesAgo), refused(minutesAgo(20), 0), work(minutesAgo(0.5))]);
    expect(analyzeDependencyErrors(recent).map((f) => f.id)).toContain('dependency-error/unreachable/kafka-0.kafka-headless.kafka.svc.cluster.local:9092');
    const quiet = scenario(() => bout(minutesAgo));
    expect(analyzeDependencyErrors(quiet).map((f) => f.id)).toContain('dependency-error/unreachable/kafka-0.kafka-headless.kafka.svc.cluster.local:9092');
  });

  it('still reports refusals it cannot date', () => {
    const undated = scenario(() => [...bout(() => ''), work(minutesAgo(0.5))].map((l) => l.trim()));
    expect(analyzeDependencyErrors(undated).map((f) => f.id)).toContain('dependency-error/unreachable/kafka-0.kafka-headless.kafka.svc.cluster.local:9092');
  });
});

describe('analyzeDependencyErrors: the Service behind an address, followed one hop', () => {
  const refused = '[ioredis] Unhandled error event: connect ECONNREFUSED 172.20.98.109:6379';
  const conflict = '0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';

  function scenario(read: boolean) {
    const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false })] }));
    const cachePod = pod(9, { name: 'cart-redis-0', phase: 'Pending', ready: false, labels: { app: 'cart-redis' }, containers: [container({ name: 'redis', ready: false, state: undefined })] });
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [refused, refused, refused] }));
    const base = baseEvidence({ pods, logs, workload: workload({ readyReplicas: 0, availableReplicas: 0 }) });
    return {
      ...base,
      services: [...base.services, service({ name: 'cart-redis', selector: { app: 'cart-redis' }, clusterIP: '172.20.98.109' })],
      ...(read ? { downServices: [{ service: 'cart-redis', pods: [cachePod], events: [event({ object: { kind: 'Pod', name: 'cart-redis-0', namespace: NS }, reason: 'FailedScheduling', message: conflict, firstSeen: minutesAgo(15), lastSeen: minutesAgo(1) })] }] } : {}),
    };
  }

  it('names the Service a cluster IP belongs to and why its pod does not serve', () => {
    const [f] = analyzeDependencyErrors(scenario(true));
    expect(f?.title).toBe('Dependency 172.20.98.109:6379 refuses connections: Service cart-redis has no ready endpoint: its pod cart-redis-0 is Pending — FailedScheduling: 0/2 nodes are available: 2 node(s) had volume node affinity conflict. (logs of 3 pods)');
    expect(f?.evidence).toContain('Service cart-redis (172.20.98.109): 0/0 endpoints ready');
  });

  it('says only that the Service has no ready endpoint when its pods could not be read', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).toBe('Dependency 172.20.98.109:6379 refuses connections: Service cart-redis has no ready endpoint (logs of 3 pods)');
  });
});

describe('analyzeDependencyErrors: the node-local DNS cache', () => {
  it('names the node whose cache (169.254.20.10) does not answer, and what to do there', () => {
    const line = 'dial tcp: lookup payments-gw.payments.svc.cluster.local on 169.254.20.10:53: read udp 10.0.61.14:41253->169.254.20.10:53: read: connection refused';
    const p = pod(0, { ready: false, nodeName: NODE_C, containers: [container({ ready: false })] });
    const [f] = analyzeDependencyErrors(baseEvidence({ pods: [p, pod(1), pod(2)], logs: [{ pod: p.name, container: 'app', previous: false, lines: [line, line, line] }] }));
    expect(f?.title).toBe(`DNS lookups of payments-gw.payments.svc.cluster.local fail (resolver not answering): the node-local DNS cache (169.254.20.10) on node ${NODE_C} does not answer (logs of 1 pod)`);
    expect(f?.fix).toBe(`bring back the node-local DNS cache on ${NODE_C} (or drain the node)`);
    expect(f?.nextAction).toContain(`--field-selector spec.nodeName=${NODE_C}`);
  });

  it('claims no OOM kill of the cache without evidence of one, and names it when the node recorded one', () => {
    const line = 'dial tcp: lookup payments-gw.payments.svc.cluster.local on 169.254.20.10:53: read udp 10.0.61.14:41253->169.254.20.10:53: i/o timeout';
    const p = pod(0, { ready: false, nodeName: NODE_C, containers: [container({ ready: false })] });
    const logs = [{ pod: p.name, container: 'app', previous: false, lines: [line, line, line] }];
    const [bare] = analyzeDependencyErrors(baseEvidence({ pods: [p, pod(1), pod(2)], logs }));
    expect(`${bare?.likelyCause} ${bare?.nextAction}`).not.toMatch(/OOM/);
    expect(bare?.nextAction).toMatch(/toleration|taint/);
    const oom = event({ reason: 'SystemOOM', message: 'System OOM encountered, victim process: node-cache, pid: 2231847', object: { kind: 'Node', name: NODE_C } });
    const killed = analyzeDependencyErrors(baseEvidence({ pods: [p, pod(1), pod(2)], logs, events: [oom] }));
    expect(killed.map((f) => `${f.title}: ${f.likelyCause}`).join('\n')).toMatch(/node-local DNS cache[^\n]*OOM/);
  });
});

describe('analyzeDependencyErrors: a resolver the pods set themselves', () => {
  const lookup = (i: number) => `time=2026-11-21T03:12:0${i}Z level=ERROR msg="redis ping failed" err="dial tcp: lookup partner-redis.payments.svc.cluster.local on 10.8.0.53:53: read udp 10.0.45.17${i}:38802->10.8.0.53:53: i/o timeout"`;
  const scenario = (over: Partial<PodEvidence>) => {
    const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false })], ...over }));
    return baseEvidence({
      pods,
      logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: [lookup(i)] })),
      dns: { namespace: 'kube-system', pods: [pod(0, { name: 'coredns-5d78c9869d-8xk2p' }), pod(1, { name: 'coredns-5d78c9869d-r4t7w' })] },
    });
  };

  it('says the pods bypass the cluster DNS (dnsPolicy None, a dnsConfig nameserver) and that this server does not answer', () => {
    const [f] = analyzeDependencyErrors(scenario({ dnsPolicy: 'None', dnsNameservers: ['10.8.0.53'] }));
    expect(f?.title).toBe('DNS lookups of partner-redis.payments.svc.cluster.local fail (resolver not answering): it is the pods\' own resolver 10.8.0.53 (dnsPolicy None, dnsConfig), not the cluster DNS (logs of 3 pods)');
    expect(f?.evidence).toContain('dnsPolicy None, dnsConfig nameservers 10.8.0.53 on 3 pods; the failing lookups went to 10.8.0.53');
    expect(f?.evidence).toContain('2/2 cluster DNS pods ready in kube-system: not the resolver these pods ask');
    expect(f?.likelyCause).toMatch(/^These pods bypass the cluster DNS: dnsPolicy None sends every lookup, in-cluster names included, to 10\.8\.0\.53/);
    expect(f?.likelyCause).not.toMatch(/CoreDNS/);
    expect(f?.fix).toBe('point the pods back at the cluster DNS (dnsPolicy ClusterFirst, without the dnsConfig nameserver 10.8.0.53) or bring 10.8.0.53 back');
  });

  it('keeps suspecting the way to the cluster DNS when the pods use it (ClusterFirst), without calling its ready pods overloaded', () => {
    const [f] = analyzeDependencyErrors(scenario({ dnsPolicy: 'ClusterFirst' }));
    expect(f?.title).toBe('DNS lookups of partner-redis.payments.svc.cluster.local fail (resolver not answering) (logs of 3 pods)');
    expect(f?.likelyCause).toMatch(/all 2 cluster DNS pods are ready/);
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/CoreDNS overloaded/i);
  });

  it('still suspects the cluster DNS itself when its pods were not read', () => {
    const ev = scenario({ dnsPolicy: 'ClusterFirst' });
    const { dns: _dns, ...rest } = ev;
    const [f] = analyzeDependencyErrors(rest);
    expect(f?.likelyCause).toMatch(/CoreDNS/);
  });
});

describe('parseDependencyError: an undici connect timeout', () => {
  it('names the attempted address, not a stack frame of undici', () => {
    const line = '{"level":50,"err":{"type":"TypeError","message":"fetch failed","stack":"TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13","cause":{"type":"ConnectTimeoutError","message":"Connect Timeout Error (attempted address: api.partner.example:443, timeout: 10000ms)","code":"UND_ERR_CONNECT_TIMEOUT"}},"msg":"delivery failed"}';
    expect(parseDependencyError(line)).toEqual({ problem: 'timeout', dependency: 'api.partner.example:443' });
  });
});

describe('analyzeDependencyErrors: a client that ignores the proxy the pods have', () => {
  const line = (t: string) => `{"level":50,"time":"${t}","err":{"type":"TypeError","message":"fetch failed","stack":"TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13","cause":{"type":"ConnectTimeoutError","message":"Connect Timeout Error (attempted address: api.partner.example:443, timeout: 10000ms)","code":"UND_ERR_CONNECT_TIMEOUT"}},"msg":"delivery failed"}`;
  const scenario = (withProxy: boolean) => {
    const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container(withProxy ? { envFrom: [{ kind: 'configMap', name: 'egress-env' }] } : {})] }));
    const lines = ['2026-11-21T03:12:58Z', '2026-11-21T03:13:28Z', '2026-11-21T03:13:58Z'].map(line);
    const ev = baseEvidence({ pods, workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 }), logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
    ev.namespaceObjects = [{ kind: 'ConfigMap', name: 'egress-env', keys: ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'] }];
    return ev;
  };
  it('says the built-in fetch ignores HTTPS_PROXY and dials the outside host directly', () => {
    const [f] = analyzeDependencyErrors(scenario(true));
    expect(f?.title).toMatch(/^Connections to api\.partner\.example:443 time out: Node's built-in fetch \(undici\) ignores the HTTPS_PROXY\/HTTP_PROXY proxy/);
    expect(f?.fix).toMatch(/ProxyAgent/);
  });
  it('without proxy variables stays a plain timeout', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).not.toMatch(/proxy/i);
  });
});
