import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

/** Rails' log of a request that waited 5 s for a pooled connection: the FATAL line holds only the request id. */
function timedOut(i: number): string[] {
  const id = `9f1c2e3d-0a1b-4c2d-8e3f-5a6b7c8d9e${String(i).padStart(2, '0')}`;
  return [
    `I, [2026-11-21T03:1${i % 10}:44.888177 #19]  INFO -- : [${id}] Completed 500 Internal Server Error in 5004ms (ActiveRecord: 0.0ms | Allocations: 2210)`,
    `F, [2026-11-21T03:1${i % 10}:44.888177 #19] FATAL -- : [${id}]   `,
    `[${id}] ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.004 seconds); all pooled connections were in use):`,
    `[${id}]   `,
    `[${id}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool/queue.rb:128:in \`block in wait_poll'`,
  ];
}

function railsPods(poolConfig?: TriageEvidence['poolConfig']): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'WEB_CONCURRENCY', value: '2' }, { name: 'RAILS_MAX_THREADS', value: '16' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3].flatMap(timedOut) })),
    ...(poolConfig ? { poolConfig } : {}),
  });
}

const DATABASE_YML = [{ configMap: 'orders-database', key: 'database.yml', via: '/rails/config/database.yml', lines: ['pool: 5', 'checkout_timeout: 5'] }];

describe('a connection pool smaller than the request threads that share it', () => {
  it("reads ActiveRecord's checkout timeout as the pool exhausted, quoting the exception rather than the log prefix", () => {
    const [f] = analyzeResourceExhaustion(railsPods());
    expect(f?.id).toBe('resource-exhaustion/connection-pool');
    expect(f?.decisive).toMatch(/^ActiveRecord::ConnectionTimeoutError \(could not obtain a connection from the pool within 5\.000 seconds/);
  });

  it('names the pool size and the ConfigMap that sets it against the threads, and advises raising the pool', () => {
    const [f] = analyzeResourceExhaustion(railsPods(DATABASE_YML));
    expect(f?.id).toBe('resource-exhaustion/pool-under-threads');
    expect(f?.title).toMatch(/^payment-service's connection pool is smaller than its request threads: 16 threads per process \(RAILS_MAX_THREADS=16\) share 5 connections \(pool: 5 in database\.yml of ConfigMap orders-database\)/);
    expect(f?.fix).toMatch(/raise the pool to at least 16 in ConfigMap orders-database \(or derive it from RAILS_MAX_THREADS\)/);
    const report = buildTriageReport(railsPods(DATABASE_YML), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/pool: 5 in database\.yml of ConfigMap orders-database/);
    expect(report.headline).not.toMatch(/database[^\n]*(unavailable|unreachable|overloaded)|max_connections/i);
  });

  it('keeps the exhausted-pool reading when the pool holds as many connections as the threads', () => {
    const [f] = analyzeResourceExhaustion(railsPods([{ ...DATABASE_YML[0]!, lines: ['pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>'] }]));
    expect(f?.id).toBe('resource-exhaustion/connection-pool');
  });
});
