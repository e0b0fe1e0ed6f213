import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listPinnedWriterServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, endpointSlice, minutesAgo, pod, service } from '../scenarios/builders.js';

// A writer Service that selects one member by its pod name keeps sending writes to it after a
// failover made it a read-only replica: the members' role labels say who is primary now.
const PIN = 'statefulset.kubernetes.io/pod-name';

interface Store {
  refusal: string;
  env: { name: string; value: string };
  role: string;
  roles: [string, string, string];
  primaryWord: string;
}

const MYSQL: Store = {
  refusal: 'create order failed: Error 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this statement',
  env: { name: 'DB_WRITE_DSN', value: `app@tcp(db-writer.${NS}.svc.cluster.local:3306)/orders` },
  role: 'db.example.io/role',
  roles: ['replica', 'primary', 'replica'],
  primaryWord: 'primary',
};

const POSTGRES: Store = {
  refusal: 'ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)',
  env: { name: 'DATABASE_URL', value: 'postgres://app@db-writer:5432/ledger' },
  role: 'spilo-role',
  roles: ['replica', 'replica', 'master'],
  primaryWord: 'master',
};

function members(s: Store): PodEvidence[] {
  return [0, 1, 2].map((i) => pod(20 + i, {
    name: `store-${i}`,
    labels: { app: 'store', [PIN]: `store-${i}`, [s.role]: s.roles[i] ?? 'replica' },
    containers: [container({ name: 'db', restartCount: i === 0 ? 1 : 0, lastState: i === 0 ? { terminated: { exitCode: 137, reason: 'Error', finishedAt: minutesAgo(46) } } : undefined })],
  }));
}

function cluster(s: Store, o: { read: boolean; pinTo?: number } = { read: true }) {
  const apps = [0, 1].map((i) => pod(i, { containers: [container({ env: [s.env] })] }));
  const servers = members(s);
  const pinned = `store-${o.pinTo ?? 0}`;
  return baseEvidence({
    pods: apps,
    services: [service({ name: 'db-writer', selector: { app: 'store', [PIN]: pinned } })],
    endpointSlices: [endpointSlice('db-writer', servers.filter((p) => p.name === pinned))],
    logs: apps.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [s.refusal, s.refusal] })),
    ...(o.read ? { writerService: { namespace: NS, service: 'db-writer', pin: { key: PIN, value: pinned }, pods: servers } } : {}),
  });
}

describe('writes refused by the member a writer Service pins by pod name', () => {
  it('asks for the members beside the pinned pod, by the rest of the selector', () => {
    expect(listPinnedWriterServices(cluster(MYSQL, { read: false }))).toEqual([{ namespace: NS, service: 'db-writer', pin: { key: PIN, value: 'store-0' }, selector: { app: 'store' } }]);
  });

  it('asks for nothing when the writer Service selects by role', () => {
    const ev = cluster(MYSQL, { read: false });
    ev.services = [service({ name: 'db-writer', selector: { app: 'store', [MYSQL.role]: 'primary' } })];
    expect(listPinnedWriterServices(ev)).toEqual([]);
  });

  it('names the Service, the pinned replica and the primary now, and advises selecting the role label (MySQL)', () => {
    const [f] = analyzeDependencyRefusals(cluster(MYSQL));
    expect(f?.title).toMatch(/db-writer/);
    expect(f?.title).toMatch(/store-0/);
    expect(f?.title).toMatch(/store-1 is the primary/);
    expect(f?.title).toMatch(/restarted 46m ago/);
    expect(f?.fix).toMatch(/select db\.example\.io\/role=primary in Service db-writer instead of statefulset\.kubernetes\.io\/pod-name=store-0/);
    expect(f?.fix).not.toMatch(/recycle/);
  });

  it('reads the same for a Postgres writer Service and a master role label', () => {
    const [f] = analyzeDependencyRefusals(cluster(POSTGRES));
    expect(f?.title).toMatch(/store-2 is the primary \(spilo-role=master\)/);
    expect(f?.fix).toMatch(/select spilo-role=master in Service db-writer/);
  });

  it('keeps the failover finding when the pinned pod is the primary itself', () => {
    const [f] = analyzeDependencyRefusals(cluster(MYSQL, { read: true, pinTo: 1 }));
    expect(f?.title).not.toMatch(/by name/);
    expect(f?.fix).toMatch(/recycle its connections/);
  });
});
