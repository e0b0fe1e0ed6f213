import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors, parseDependencyError } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import { terminated } from '../scenarios/builders.js';
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
  ])('%s', (line, problem, dependency) => {
    expect(parseDependencyError(line)).toEqual(dependency === undefined ? { problem } : { problem, dependency });
  });

  it('does not read a timestamp, a request id or an ordinary line as a dependency failure', () => {
    expect(parseDependencyError('2026-11-21T03:12:40Z INFO request_id=9f1c2b7e-4a3d-4f6b-8e21-5c0d7a9b3e14 served GET /v1/charges in 12ms')).toBeUndefined();
    expect(parseDependencyError('connection pool ready: 10 connections to postgres.payments.svc:5432')).toBeUndefined();
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
});
