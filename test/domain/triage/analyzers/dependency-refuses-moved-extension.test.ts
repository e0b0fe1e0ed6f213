// Two answers of a healthy server that say what the client side lacks: a Redis Cluster's MOVED
// reaching the app (its client is not cluster-aware), and PostgreSQL's missing extension type
// (a database restored without CREATE EXTENSION, on an image that may not ship the extension).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

function scenario(env: EnvVarEvidence[], lines: string[]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { startTime: minutesAgo(2 * 24 * 60), containers: [container({ env })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
  });
}

const moved = (m: number, slot: number): string =>
  `${minutesAgo(m).replace('T', ' ').replace('Z', '')} ERROR [cart_api.cache] cart read failed key=cart:{u${slot}} error="redis.exceptions.ResponseError: MOVED ${slot} 10.0.31.98:6379"`;

describe('Redis Cluster answering MOVED to the app', () => {
  it('says the client is not cluster-aware and names a cluster client as the fix', () => {
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'REDIS_URL', value: 'redis://cart-redis-cluster.shop.svc.cluster.local:6379/0' }], [moved(20, 15495), moved(9, 3301), moved(1, 8120)]));
    expect(f?.title).toMatch(/^Redis cart-redis-cluster /);
    expect(f?.title).toMatch(/MOVED/);
    expect(f?.title).toMatch(/not cluster-aware/);
    expect(f?.likelyCause).toMatch(/healthy/);
    expect(f?.fix).toMatch(/RedisCluster/);
  });
});

const noVector = (m: number): string =>
  `${minutesAgo(m).replace('T', ' ').replace('Z', '')} ERROR kb_api.search: semantic search failed: psycopg.errors.UndefinedObject: type "vector" does not exist`;

describe('PostgreSQL without the extension that provides a type', () => {
  it('names the extension, CREATE EXTENSION and the image that must ship it, and dates the loss by the first refusal', () => {
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'postgresql://kb@kb-postgres.kb.svc.cluster.local:5432/kb' }], [noVector(34), noVector(12), noVector(2)]));
    expect(f?.title).toMatch(/^PostgreSQL kb-postgres refuses queries on a type only an extension provides: type vector, extension vector not installed in that database/);
    expect(f?.fix).toMatch(/^run CREATE EXTENSION vector in that database \(on a server image that ships it, e\.g\. pgvector\/pgvector: elsewhere it is "not available"\)/);
    expect(f?.onset).toBe(minutesAgo(34));
    expect(f?.likelyCause).toMatch(/restored or re-created without it/);
  });

  it('reads PostGIS types too, and leaves an ordinary missing type alone', () => {
    const geo = `ERROR: type "geography" does not exist at character 41`;
    const [f] = analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'postgresql://app@geo-postgres:5432/geo' }], [geo, geo, geo]));
    expect(f?.fix).toMatch(/CREATE EXTENSION postgis/);
    const own = `ERROR: type "order_status" does not exist`;
    expect(analyzeDependencyRefusals(scenario([{ name: 'DATABASE_URL', value: 'postgresql://app@geo-postgres:5432/geo' }], [own, own, own]))).toEqual([]);
  });
});
