import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../src/domain/triage/analyzers/dependency-refuses.js';
import { findMixedRoleService } from '../../../src/domain/triage/mixed-role-service.js';
import type { EndpointSliceEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, endpointSlice, minutesAgo, pod, service } from './scenarios/builders.js';

const READ_ONLY = 'pq: cannot execute UPDATE in a read-only transaction';
const db = (name: string): PodEvidence => ({ ...pod(0), name });
const [primary, standby] = [db('orders-db-0'), db('orders-db-1')];
const base = { app: 'orders-db', cluster: 'orders' };

/** orders-api writes through orders-db-write; orders-db-read selects the standby by its role label. */
function scenario(writeSelector: Record<string, string>, writeSlice: EndpointSliceEvidence, lines = [`${minutesAgo(5)} ${READ_ONLY}`, `${minutesAgo(2)} ${READ_ONLY}`]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DB_HOST', value: 'orders-db-write' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    services: [service({ name: 'orders-db-write', selector: writeSelector }), service({ name: 'orders-db-read', selector: { ...base, role: 'standby' } })],
    endpointSlices: [writeSlice, endpointSlice('orders-db-read', [standby])],
  });
}

describe('a read-write Service over pods of both roles', () => {
  it('finds the sibling that narrows by role and the standby the Service also routes to', () => {
    const m = findMixedRoleService(scenario(base, endpointSlice('orders-db-write', [primary, standby])), 'orders-db-write');
    expect(m).toMatchObject({ service: 'orders-db-write', sibling: 'orders-db-read', missing: { role: 'standby' }, readOnlyPods: ['orders-db-1'], pods: ['orders-db-0', 'orders-db-1'] });
  });

  it('heads the read-only refusal with the selector that lacks the role, and dates it from the first refusal', () => {
    const [f] = analyzeDependencyRefusals(scenario(base, endpointSlice('orders-db-write', [primary, standby])));
    expect(f?.title).toMatch(/^PostgreSQL orders-db-write refuses writes: orders-db-write's selector \(app=orders-db, cluster=orders\) lacks role: it routes to orders-db-0 and orders-db-1, and orders-db-1 is also behind orders-db-read \(role=standby\)/);
    expect(f?.fix).toMatch(/put the primary's role label back into orders-db-write's selector so it selects the primary only/);
    expect(f?.onset).toBe(minutesAgo(5));
  });

  it('says nothing of the selector when the Service routes only to the primary (a failover, a wrong host)', () => {
    const ev = scenario({ ...base, role: 'primary' }, endpointSlice('orders-db-write', [primary]));
    expect(findMixedRoleService(ev, 'orders-db-write')).toBeUndefined();
    expect(analyzeDependencyRefusals(ev)[0]?.title).toMatch(/the client is connected to a read-only server/);
  });

  it('says nothing when every pod of the Service is behind the sibling (it points at the replicas)', () => {
    expect(findMixedRoleService(scenario(base, endpointSlice('orders-db-write', [standby])), 'orders-db-write')).toBeUndefined();
  });
});
