import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const REDIS_OOM = "redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'.";

function scenario(lines: string[], env = [{ name: 'REDIS_URL', value: 'redis://cart-cache.payments.svc.cluster.local:6379/0' }]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('analyzeDependencyRefusals', () => {
  it('names the Redis the pods use and why it refuses writes at maxmemory, while the pods stay ready', () => {
    const [f] = analyzeDependencyRefusals(scenario(['INFO GET /v1/cart 200', 'Traceback (most recent call last):', REDIS_OOM]));
    expect(f?.title).toBe('Redis cart-cache refuses writes: it is at its maxmemory — 2 refused calls in the logs of 2 pods (all ready)');
    expect(f?.kind).toBe('dependency-error');
    expect(f?.decisive).toBe(REDIS_OOM);
    expect(f?.likelyCause).toMatch(/noeviction/);
    expect(f?.likelyCause).toMatch(/not in these pods/);
    expect(f?.evidence[0]).toBe('Redis cart-cache (REDIS_URL=cart-cache.payments.svc.cluster.local)');
    expect(f?.affected?.services).toEqual(['cart-cache']);
  });

  it('names a PostgreSQL standby taking writes from a *_HOST variable', () => {
    const line = 'ERROR: cannot execute INSERT in a read-only transaction';
    const [f] = analyzeDependencyRefusals(scenario([line, line], [{ name: 'PGHOST', value: 'orders-db' }]));
    expect(f?.title).toMatch(/^PostgreSQL orders-db refuses writes: the client is connected to a read-only server/);
  });

  it('says only the server when no variable names its address, and takes one refusal for noise', () => {
    const [f] = analyzeDependencyRefusals(scenario([REDIS_OOM], []));
    expect(f?.title).toMatch(/^Redis refuses writes/);
    const ev = scenario([], []);
    ev.logs = [{ pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: [REDIS_OOM] }];
    expect(analyzeDependencyRefusals(ev)).toEqual([]);
  });
});
