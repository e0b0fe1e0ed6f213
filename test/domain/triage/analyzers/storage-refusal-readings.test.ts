// Database and storage refusals read for what they are, not as generic log errors:
// Postgres refusing two-phase commit (max_prepared_transactions = 0) under an XA transaction
// manager; MongoDB refusing writes that would grow a document past 16 MB; Cloud Storage refusing
// writes to one object past its per-object mutation rate; nginx expecting a PROXY protocol header
// the load balancer in front does not send.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { analyzeObjectMutationRate } from '../../../../src/domain/triage/analyzers/object-mutation-rate.js';
import { analyzeProxyProtocolMismatch } from '../../../../src/domain/triage/analyzers/proxy-protocol-mismatch.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, baseEvidence, container, minutesAgo, pod, service } from '../scenarios/builders.js';

function withLogs(lines: string[], env: { name: string; value: string }[] = [], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...over });
}

describe('Postgres refusing PREPARE TRANSACTION under XA', () => {
  const trace = (m: number): string[] => [
    `${minutesAgo(m)} ERROR 1 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet] : JTA transaction rolled back`,
    'com.atomikos.icatch.RollbackException: Prepare: NO vote',
    'Caused by: org.postgresql.util.PSQLException: ERROR: prepared transactions are disabled',
    '  Hint: Set max_prepared_transactions to a nonzero value.',
  ];
  const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.payments.svc.cluster.local:5432/orders' }];

  it('names the database, PREPARE TRANSACTION and max_prepared_transactions, with a restart in the fix', () => {
    const [f] = analyzeDependencyRefusals(withLogs([...trace(9), ...trace(4)], env));
    expect(f?.title).toMatch(/^PostgreSQL orders-db refuses PREPARE TRANSACTION/);
    expect(f?.title).toMatch(/max_prepared_transactions = 0/);
    expect(f?.decisive).toMatch(/prepared transactions are disabled/);
    expect(f?.fix).toMatch(/max_prepared_transactions[^\n]*restart Postgres/);
    expect(f?.onset).toBeDefined();
  });

  it('says nothing of a transaction manager that only retried', () => {
    expect(analyzeDependencyRefusals(withLogs(['com.atomikos.icatch.RollbackException: Prepare: NO vote'], env))).toEqual([]);
  });
});

describe('MongoDB refusing writes past its 16 MB document limit', () => {
  const line = (m: number): string => JSON.stringify({ level: 'error', ts: minutesAgo(m), msg: 'append failed', member_id: 'M-1', update: '$push history, $inc balance', error: 'write exception: write errors: [Resulting document after update is larger than 16777216]', code: 17419 });
  const env = [{ name: 'MONGODB_URI', value: 'mongodb://members-mongo:27017/app?replicaSet=rs0' }];

  it('names the limit and the pushed array, advises bounding it, and offers no rollback', () => {
    const [f] = analyzeDependencyRefusals(withLogs([line(30), line(10), line(2)], env));
    expect(f?.title).toMatch(/16 MB BSON document limit/);
    expect(f?.title).toMatch(/\$pushes to its history array/);
    expect(f?.fix).toMatch(/\$slice/);
    expect(f?.fix).toMatch(/own collection/);
    expect(f?.outsideWorkload).toMatch(/rollback/);
  });
});

describe('Cloud Storage refusing writes to one object for their rate', () => {
  const err = 'googleapi: Error 429: The object media-prod/catalog/manifest.json exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate., rateLimitExceeded';
  const line = (m: number): string => JSON.stringify({ time: minutesAgo(m), level: 'ERROR', msg: 'manifest update failed', err });

  it('names the one object every request rewrites, with its onset', () => {
    const [f] = analyzeObjectMutationRate(withLogs([line(20), line(10), line(1)]));
    expect(f?.title).toMatch(/single object media-prod\/catalog\/manifest\.json \(429 rateLimitExceeded\)/);
    expect(f?.title).toMatch(/every request rewrites that same object/);
    expect(f?.fix).toMatch(/one shared object per request/);
    expect(f?.onset).toBe(minutesAgo(20));
  });

  it('stays quiet for other 429s and for a single refused write', () => {
    const other = JSON.stringify({ time: minutesAgo(3), level: 'ERROR', msg: 'upload failed', err: 'googleapi: Error 429: Rate limit exceeded, rateLimitExceeded' });
    expect(analyzeObjectMutationRate(withLogs([other, other, other, other]))).toEqual([]);
    expect(analyzeObjectMutationRate(withLogs([line(3)]))).toEqual([]);
  });
});

describe('nginx expecting a PROXY protocol header the load balancer does not send', () => {
  const ngx = (t: string, req: string): string[] => {
    const [first, ...rest] = `${t} [error] 24#24: *101 broken header: "${req}" while reading PROXY protocol, client: 10.0.4.117, server: 0.0.0.0:8080`.split('\n');
    return [first ?? '', ...rest];
  };
  const lines = ['2026/11/21 03:01:10', '2026/11/21 03:05:10', '2026/11/21 03:12:40'].flatMap((t) => ngx(t, 'GET /api/cart HTTP/1.1\nHost: shop.example\nAccept: */*'));
  const lb = service({ name: 'edge', type: 'LoadBalancer', selector: { app: APP } });

  it('reads the broken header across the request\'s own line breaks, and names the listener, the load balancer and what came instead', () => {
    const ev = withLogs(lines, [], { services: [lb] });
    const [f] = analyzeProxyProtocolMismatch(ev);
    expect(f?.title).toMatch(/PROXY protocol \(listen … proxy_protocol on 0\.0\.0\.0:8080\) that the load balancer in front \(Service edge\) does not send: connections arrive as plain HTTP requests/);
    expect(f?.fix).toMatch(/aws-load-balancer-proxy-protocol/);
    expect(f?.onset).toBe('2026-11-21T03:01:10Z');
    expect(f?.affected?.services).toEqual(['edge']);
  });

  it('stays quiet without those lines', () => {
    expect(analyzeProxyProtocolMismatch(withLogs([`${NOW} GET /api/cart 200`], [], { services: [lb] }))).toEqual([]);
  });
});
