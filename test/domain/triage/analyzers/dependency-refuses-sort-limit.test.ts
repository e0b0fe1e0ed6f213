// MongoDB refuses a blocking (in-memory) sort past its limit — 100 MB since 4.4 ("Sort exceeded
// memory limit of 104857600 bytes, but did not opt in to external sorting", code 292), 32 MB before
// ("Sort operation used more than the maximum 33554432 bytes of RAM"). The server is right to
// refuse: the query sorts without an index that serves its order, so the fix is an index (or
// allowDiskUse), and a revision that brought the query is the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const MSG = 'Executor error during find command :: caused by :: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting.';
const failed = (m: number): string => JSON.stringify({
  level: 40, time: Date.parse(minutesAgo(m)), commandName: 'find', collection: 'posts',
  filter: { createdAt: { $gte: minutesAgo(m + 24 * 60) }, visibility: 'public' }, sort: { engagementScore: -1 }, limit: 50, msg: 'mongodb command failed',
});
const errored = (m: number): string => JSON.stringify({
  level: 50, time: Date.parse(minutesAgo(m)), req: { url: '/v3/feed/trending' }, err: { type: 'MongoServerError', message: MSG, code: 292, codeName: 'QueryExceededMemoryLimitNoDiskUseAllowed' }, msg: 'request errored',
});
const MONGO_ENV = [{ name: 'MONGODB_URI', value: 'mongodb+srv://feed-api@feed-prod.x7k2p.mongodb.net/feed?retryWrites=true' }];

function scenario(lines: string[], recentRevision = false): TriageEvidence {
  const hash = recentRevision ? REV7.hash : REV6.hash;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: hash, startTime: minutesAgo(recentRevision ? 30 : 2 * 24 * 60), containers: [container({ env: MONGO_ENV, ...(recentRevision ? { image: IMAGE_V15 } : {}) })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, ...(recentRevision ? { currentRevision: 7 } : {}) }),
    ...(recentRevision
      ? { revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 0 }), revision(REV7, minutesAgo(32), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })] }
      : {}),
  });
}

describe('MongoDB refusing a sort past its in-memory limit', () => {
  const lines = [20, 10, 1].flatMap((m) => [failed(m), errored(m)]);

  it('names the limit in MB and advises an index that serves the sort, built from the logged query', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^MongoDB at feed-prod\.x7k2p\.mongodb\.net refuses/);
    expect(f?.title).toMatch(/100 MB/);
    expect(f?.title).toMatch(/104857600/);
    expect(f?.fix).toMatch(/index/);
    // Equality first, then the sort, then the range (ESR).
    expect(f?.fix).toContain('{ visibility: 1, engagementScore: -1, createdAt: 1 }');
    expect(f?.fix).toMatch(/posts/);
    expect(f?.fix).toMatch(/allowDiskUse/);
    expect(f?.likelyCause).not.toMatch(/fault is on the MongoDB side/);
  });

  it('reads the older 32 MB wording, and advises an index without a logged query', () => {
    const old = 'pymongo.errors.OperationFailure: Executor error during find command :: caused by :: errmsg: "Sort operation used more than the maximum 33554432 bytes of RAM. Add an index, or specify a smaller limit."';
    const [f] = analyzeDependencyRefusals(scenario([old, old]));
    expect(f?.title).toMatch(/32 MB/);
    expect(f?.fix).toMatch(/index/);
  });

  it('blames the revision that brought the query, with the index in the verdict', () => {
    const report = buildTriageReport(scenario(lines, true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).toMatch(/index/);
  });
});
