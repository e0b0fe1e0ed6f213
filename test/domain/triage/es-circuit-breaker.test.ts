// Elasticsearch's (OpenSearch's) circuit breakers refuse a request whose memory would push the node's
// heap past a breaker's limit: circuit_breaking_exception "[parent] Data too large, … would be [X],
// which is larger than the limit of [Y]", with HTTP 429. That is the search cluster protecting its
// heap, not an outside API's rate budget: the reading names the breaker and its numbers, and the
// rate-limit reading leaves those lines out.
import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import { findRateLimitedCalls } from '../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const breaker = (m: number) => `{"level":50,"time":${Date.parse(minutesAgo(m))},"err":{"type":"ResponseError","message":"circuit_breaking_exception\\n\\tRoot causes:\\n\\t\\tcircuit_breaking_exception: [parent] Data too large, data for [<http_request>] would be [4123456789/3.8gb], which is larger than the limit of [4080218931/3.7gb], real usage: [4123456000/3.8gb], new bytes reserved: [789/789b]","statusCode":429},"msg":"query failed"}`;
const lines = Array.from({ length: 8 }, (_, i) => breaker(30 - i * 3));

describe('Elasticsearch circuit breaker refusing requests (circuit_breaking_exception)', () => {
  it('is not an outside API rate budget: the rate-limit reading leaves the breaker lines out', () => {
    expect(findRateLimitedCalls([{ pod: 'p-0', container: 'app', previous: false, lines }])).toBeUndefined();
  });

  it('names the breaker and its numbers, and advises smaller requests or more heap', () => {
    const told = explainClientDiagnosis(lines, lines, []);
    expect(told?.summary).toMatch(/circuit_breaking_exception: \[parent\] Data too large \(would be 3\.8gb, limit 3\.7gb\)/);
    expect(told?.summary).toMatch(/429/);
    expect(told?.fix).toMatch(/aggregation/);
    expect(told?.fix).toMatch(/heap/);
  });

  it('heads the report with the breaker, dated by the revision that started it', () => {
    const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(60), createdAt: minutesAgo(60), containers: [container({ image: IMAGE_V15 })] }));
    const ev = baseEvidence({
      pods,
      revisions: [
        revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
        revision(REV7, minutesAgo(61), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] }),
      ],
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^(?:Since revision 7 [^\n]*: )?Elasticsearch refuses [^\n]*circuit_breaking_exception: \[parent\] Data too large/);
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).not.toMatch(/rate budget|outside API/);
  });
});
