// An Elasticsearch whose data disks crossed the flood-stage watermark (95 %) puts a
// read-only-allow-delete block on every index there: its clients' bulks come back 429
// cluster_block_exception "blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage
// watermark …]". The 429 is the cluster's disk, not an outside API's rate budget.
import { describe, expect, it } from 'vitest';
import { findRateLimitedCalls } from '../../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const blocked = (m: number) => JSON.stringify({ level: 'error', time: minutesAgo(m), msg: 'bulk item failed', index: 'orders-2026.11.21', status: 429, error_type: 'cluster_block_exception', error_reason: 'index [orders-2026.11.21] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];' });

function scenario(): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'ES_URL', value: 'https://orders-es:9200' }] })] }));
  const lines = [40, 30, 20, 10, 5, 2].map(blocked);
  return baseEvidence({ pods, hpas: [], logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('an Elasticsearch index blocked at the flood-stage disk watermark (cluster_block_exception, 429)', () => {
  it('does not count its 429s as calls refused by an outside API\'s rate budget', () => {
    expect(findRateLimitedCalls(scenario().logs)).toBeUndefined();
  });

  it('heads the report with the read-only block on the cluster\'s full disks, not a rate budget', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Elasticsearch orders-es refuses writes: its indices are read-only/);
    expect(report.headline).not.toMatch(/rate budget|outside API/);
  });
});
