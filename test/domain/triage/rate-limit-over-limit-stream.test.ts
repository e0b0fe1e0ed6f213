// A log shipper whose pushes a log store refuses 429 at its per-stream limit: the refusal names the
// stream over the limit, and what logs into that stream is what spends the budget. The finding
// says which stream, whatever other refusals (the tenant's ingestion limit) come after it.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeUpstreamRateLimit } from '../../../src/domain/triage/analyzers/upstream-rate-limit.js';
import { findRateLimitedCalls } from '../../../src/domain/triage/rate-limited-calls.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

function shipperLog(podName: string): LogEvidence {
  const lines: string[] = [];
  for (let t = 30; t > 0; t -= 3) {
    lines.push(`ts=${minutesAgo(t)} level=warn msg="error sending batch, will retry" component=client host=logstore:80 status=429 error="server returned HTTP status 429 Too Many Requests (429): Per stream rate limit exceeded (limit: 2MB/sec) while attempting to ingest for stream '{app=\\"ledger\\", namespace=\\"books\\"}' totaling 1048000B"`);
    lines.push(`ts=${minutesAgo(t - 1)} level=warn msg="error sending batch, will retry" component=client host=logstore:80 status=429 error="server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for user tenant-a (limit: 4194304 bytes/sec) while attempting to ingest '5100' lines"`);
  }
  return { pod: podName, container: 'shipper', previous: false, lines };
}

describe('a log store refusing a shipper\'s pushes at its per-stream limit', () => {
  it('names the stream over the limit among the refused calls\' evidence', () => {
    const logs = [shipperLog(pod(0).name), shipperLog(pod(1).name)];
    expect(findRateLimitedCalls(logs)?.overLimit).toBe('{app="ledger", namespace="books"}');
    const [f] = analyzeUpstreamRateLimit(baseEvidence({ logs }));
    expect(f?.evidence.join('\n')).toMatch(/stream \{app="ledger", namespace="books"\} as over the limit/);
  });
});
