// Postgres's parallel query out of dynamic shared memory: "could not resize shared memory segment …
// No space left on device" (SQLSTATE 53100) is /dev/shm — the runtime's 64 MB without a memory
// emptyDir — not a full disk; the trigger is a reload that raised parallelism.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { analyzeVolumeFull } from '../../../../src/domain/triage/analyzers/volume-full.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const PG_ENV = [{ name: 'PGHOST', value: 'orders-pg' }];
const refused = (m: number): string => `{"level":"error","ts":"${minutesAgo(m)}","msg":"report failed","error":"ERROR: could not resize shared memory segment \\"/PostgreSQL.1911\\" to 134217728 bytes: No space left on device (SQLSTATE 53100)"}`;

function scenario(opts: { shmVolume?: boolean; serverLog?: string[] } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: PG_ENV })] }));
  const db = pod(0, {
    name: 'orders-pg-0',
    containers: [container({ name: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, ...(opts.shmVolume ? [{ name: 'dshm', mountPath: '/dev/shm' }] : [])] })],
    volumes: [{ name: 'data', source: 'pvc', ref: 'data-orders-pg-0' }, ...(opts.shmVolume ? [{ name: 'dshm', source: 'emptyDir' as const, medium: 'Memory', sizeLimit: '1Gi' }] : [])],
  });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [refused(40), refused(20), refused(5)] })),
    dependencyPods: [{
      service: 'orders-pg',
      pod: db,
      logs: [{ pod: db.name, container: 'postgres', previous: false, lines: opts.serverLog ?? [] }],
      config: [
        { configMap: 'orders-pg-config', key: 'postgresql.conf', setting: 'max_parallel_workers_per_gather', value: '4' },
        { configMap: 'orders-pg-config', key: 'postgresql.conf', setting: 'dynamic_shared_memory_type', value: 'posix' },
      ],
    }],
  });
}

const reload = [
  `${minutesAgo(50).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  received SIGHUP, reloading configuration files`,
  `${minutesAgo(50).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  parameter "max_parallel_workers_per_gather" changed to "4"`,
];

describe('Postgres parallel query out of /dev/shm', () => {
  it('names /dev/shm, the missing memory emptyDir, the parallel setting and the reload, and advises a memory emptyDir', () => {
    const [f] = analyzeDependencyRefusals(scenario({ serverLog: reload }));
    expect(f?.title).toMatch(/^PostgreSQL orders-pg refuses parallel queries: its \/dev\/shm is full/);
    expect(f?.title).toMatch(/default 64 MB: no emptyDir with medium: Memory/);
    expect(f?.title).toMatch(/orders-pg-config sets max_parallel_workers_per_gather = 4/);
    expect(f?.title).toMatch(/a reload set max_parallel_workers_per_gather to 4 50m ago/);
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/emptyDir \{ medium: Memory/);
    expect(f?.fix).toMatch(/max_parallel_workers_per_gather back to 0 in ConfigMap orders-pg-config/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('states the memory emptyDir when the pod mounts one at /dev/shm', () => {
    const [f] = analyzeDependencyRefusals(scenario({ shmVolume: true }));
    expect(f?.title).toMatch(/emptyDir dshm \(medium: Memory, sizeLimit 1Gi\)/);
  });

  it('does not take it for a full filesystem of the client', () => {
    expect(analyzeVolumeFull(scenario())).toEqual([]);
    const report = buildTriageReport(scenario({ serverLog: reload }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/\/dev\/shm/);
    expect(report.headline).not.toMatch(/filesystem .* is full|expand PVC|no change found/i);
  });
});
