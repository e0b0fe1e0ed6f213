// A cache that was resized: the client's own log says its server list grew (3 → 4) just before its
// hit ratio collapsed, and the misses now strain the database. Keys are placed by hashing over the
// server list, so a resize moves them; the depth of the fall says how (modulo moves most).
import { describe, expect, it } from 'vitest';
import { analyzeCacheStampede } from '../../../../src/domain/triage/analyzers/cache-stampede.js';
import { findMembershipChange } from '../../../../src/domain/triage/cache-membership.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const py = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace('.', ',');
const stats = (m: number, ratio: number) => `${py(m)} INFO app.metrics: cache stats window=60s hit_ratio=${ratio}`;
const changed = (m: number, from = 3, to = 4) => `${py(m)} INFO app.cache: memcached server list changed: ${from} -> ${to} servers (product-cache-0..product-cache-${to - 1})`;
const slots = 'asyncpg.exceptions.TooManyConnectionsError: remaining connection slots are reserved for roles with the SUPERUSER attribute';
const timedOut = 'asyncpg.exceptions.QueryCanceledError: canceling statement due to statement timeout';

function resized(changeAgo: number, cold = 0.22) {
  const env = [{ name: 'DATABASE_URL', value: 'postgres://catalog@catalog-pg.payments.svc.cluster.local:5432/catalog' }];
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const lines = [stats(40, 0.952), changed(changeAgo), stats(30, cold), slots, timedOut, stats(20, cold + 0.01), slots, timedOut, stats(5, cold + 0.02)];
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('findMembershipChange', () => {
  it("reads the client's word that its cache server list changed, the counts and the servers", () => {
    expect(findMembershipChange(resized(37).logs, resized(37).pods, minutesAgo(30))).toMatchObject({ from: 3, to: 4, cache: 'product-cache' });
  });
});

describe('a cache resized under the client', () => {
  it('names the resize, the hit ratio and what the depth of the fall says of the hashing', () => {
    const [f] = analyzeCacheStampede(resized(37));
    expect(f?.title).toMatch(/product-cache/);
    expect(f?.title).toMatch(/3 → 4/);
    expect(f?.title).toMatch(/hit ratio fell from 0\.952 to 0\.22/);
    expect(f?.likelyCause).toMatch(/modul/);
    expect(f?.nextAction).toMatch(/consistent|ketama/);
  });

  it('leads the verdict instead of the connection limit', () => {
    const report = buildTriageReport(resized(37), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/hit ratio/);
    expect(report.headline).toMatch(/product-cache/);
    expect(report.headline).not.toMatch(/replicas × pool size/);
  });

  it('blames no resize long before the fall', () => {
    expect(analyzeCacheStampede(resized(180))).toEqual([]);
  });
});
