import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import { listEnvAddresses } from '../../../../src/domain/triage/env-dependency.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const TIMEOUT_RUN = [
  'ERROR o.h.engine.jdbc.spi.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=9)',
  'ERROR dispatcherServlet : Request processing failed: JpaSystemException: Unable to acquire JDBC Connection [HikariPool-1 - Connection is not available, request timed out after 30000ms]',
  'java.net.SocketTimeoutException: Connect timed out',
  '\tat java.base/java.net.Socket.connect(Socket.java:751)',
  '\tat org.postgresql.core.PGStream.createSocket(PGStream.java:260)',
];

function scenario(env: { name: string; value: string }[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: TIMEOUT_RUN })) });
}

describe('a dependency failure whose lines name no host', () => {
  it('reads host and port of a JDBC URL', () => {
    expect(listEnvAddresses(container({ env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.example.internal:5432/orders' }] }))).toEqual([
      { env: 'SPRING_DATASOURCE_URL', host: 'orders-db.example.internal', port: '5432', scheme: 'jdbc:postgresql' },
    ]);
  });

  it('names the database of the JDBC URL its stack and pool are about, with the env var that holds it', () => {
    const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.example.internal:5432/orders' }, { name: 'PRICING_URL', value: 'http://pricing.shop.svc:8080' }];
    const [f] = analyzeDependencyErrors(scenario(env));
    expect(f?.title).toMatch(/^Connections to orders-db\.example\.internal:5432 time out/);
    expect(f?.evidence.join('\n')).toMatch(/env SPRING_DATASOURCE_URL/);
    expect(f?.fix).toMatch(/orders-db\.example\.internal:5432/);
  });

  it('does not guess when nothing in the lines points at one address', () => {
    const env = [{ name: 'CACHE_URL', value: 'redis://cache.shop.svc:6379' }, { name: 'SEARCH_URL', value: 'http://search.shop.svc:9200' }];
    const [f] = analyzeDependencyErrors(scenario(env));
    expect(f?.title).toMatch(/^Connections to a dependency time out/);
  });
});

describe('a timeout in a structured log', () => {
  const env = [{ name: 'PRICING_URL', value: 'http://pricing.pricing.svc.cluster.local' }];
  function run(failure: string) {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
    const lines = [0, 1, 2].flatMap(() => [failure, '{"level":30,"msg":"upstream call","host":"pricing.pricing.svc.cluster.local","status":200}']);
    return analyzeDependencyErrors(baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) }));
  }

  it('names the host its "host" field gives', () => {
    const [f] = run('{"level":40,"msg":"partner call failed","host":"quotes.partner.example","err":{"message":"Timeout awaiting \'request\' for 2500ms","code":"ETIMEDOUT"}}');
    expect(f?.title).toMatch(/^Connections to quotes\.partner\.example time out/);
  });

  it('does not take the env address a later record names for the one that failed', () => {
    const [f] = run('{"level":40,"msg":"partner call failed","err":{"message":"Timeout awaiting \'request\' for 2500ms","code":"ETIMEDOUT"}}');
    expect(f?.title).not.toMatch(/pricing/);
  });
});
