// Elasticsearch refuses documents that would add fields past index.mapping.total_fields.limit: a
// mapping explosion — the client indexes an object with dynamic keys, each new key a new field.
// The cluster is healthy; the documents' shape is at fault, and the mapping filled over the hours
// since the writers began, so a revision that began writing the keys is tested from their start.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';

const rejected = (m: number): string => JSON.stringify({
  level: 'error', ts: minutesAgo(m), msg: 'bulk item rejected', index: 'audit-events-2026.11', status: 400,
  error: { type: 'illegal_argument_exception', reason: 'Limit of total fields [1000] has been exceeded while adding new fields [3]' },
});
const ES = [{ name: 'ES_URL', value: 'http://audit-es-http.audit.svc.cluster.local:9200' }];
const DYNAMIC = { name: 'INDEX_REQUEST_ATTRIBUTES', value: 'true' };

function scenario(lines: string[], recentRevision = false): TriageEvidence {
  const hash = recentRevision ? REV7.hash : REV6.hash;
  const env = recentRevision ? [...ES, DYNAMIC] : ES;
  const started = recentRevision ? 5 * 60 : 20 * 24 * 60;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: hash, createdAt: minutesAgo(started + 1), startTime: minutesAgo(started), containers: [container({ env, state: running(started), ...(recentRevision ? { image: IMAGE_V15 } : {}) })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, ...(recentRevision ? { currentRevision: 7 } : {}) }),
    ...(recentRevision
      ? { revisions: [revision(REV6, minutesAgo(20 * 24 * 60), { replicas: 0, containers: [revisionContainer({ env: ES })] }), revision(REV7, minutesAgo(5 * 60 + 2), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, env: [...ES, DYNAMIC] })] })] }
      : {}),
  });
}

describe('Elasticsearch refusing new fields past its total fields limit', () => {
  const lines = [rejected(70), rejected(40), rejected(5)];

  it('names the cluster, the index and the limit, and the fix in the documents\' mapping', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^Elasticsearch audit-es-http /);
    expect(f?.title).toMatch(/audit-events-2026\.11/);
    expect(f?.title).toMatch(/index\.mapping\.total_fields\.limit/);
    expect(f?.title).toMatch(/1000/);
    expect(f?.fix).toMatch(/flattened/);
    expect(f?.fix).toMatch(/dynamic: false/);
    expect(f?.fix).toMatch(/only postpones/);
    expect(f?.likelyCause).toMatch(/dynamic keys/);
    expect(f?.likelyCause).not.toMatch(/fault is on the Elasticsearch side/);
  });

  it('tests the revision that began writing the keys, hours before the first refusal', () => {
    const report = buildTriageReport(scenario(lines, true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).toMatch(/total_fields|\[1000\]/);
  });
});
