import { describe, expect, it } from 'vitest';
import { analyzeServerDefaultCut } from '../../../../src/domain/triage/analyzers/server-default-cut.js';
import { parseDependencyError } from '../../../../src/domain/triage/dependency-error-line.js';
import { IMAGE_V14, REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const epoch = (minutes: number) => Date.parse(minutesAgo(minutes));
const aborted = (minutes: number, elapsedMs: number) =>
  `{"level":50,"time":${epoch(minutes)},"pid":1,"elapsedMs":${elapsedMs},"err":{"type":"Error","message":"aborted","stack":"Error: aborted\\n    at abortIncoming (node:_http_server:806:17)\\n    at socketOnClose (node:_http_server:800:3)","code":"ECONNRESET"},"msg":"import stream aborted"}`;
const served = (minutes: number, ms: number) => `{"level":30,"time":${epoch(minutes)},"pid":1,"req":{"method":"POST","url":"/v1/imports"},"res":{"statusCode":201},"responseTime":${ms},"msg":"request completed"}`;
const banner = `{"level":30,"time":${epoch(6 * 60)},"pid":1,"msg":"listening on :8080","node":"v20.11.0"}`;

const based = (image: string) => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, annotations: { 'ci.example.com/base-image': image } });

/** Revision 7 (six hours ago) moved the base image from node:16 to node:20, as the CI's annotation says. */
function rebased(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(6 * 60) }));
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { template: based('node:16.20.2-bookworm-slim') }),
      revision(REV7, minutesAgo(6 * 60 + 2), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V14.replace('2.14.0', '2.15.0') })], template: based('node:20.11.0-bookworm-slim') }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe("analyzeServerDefaultCut: Node.js 18+'s 300 s requestTimeout cutting long requests", () => {
  it('names the cut, the default, and the revision that moved the base image as the since', () => {
    const [f] = analyzeServerDefaultCut(rebased([banner, served(50, 180_211), aborted(40, 300_003), served(35, 920), aborted(20, 300_001), aborted(8, 300_009)]));
    expect(f?.title).toContain("payment-service's HTTP server cuts requests at 300 s, its request timeout");
    expect(f?.title).toContain('since revision 7 (6h 2m ago: base image node:16.20.2-bookworm-slim → node:20.11.0-bookworm-slim)');
    expect(f?.title).toContain("Node.js v20.11.0 defaults http.Server's requestTimeout to 300000 ms");
    expect(f?.nextAction).toContain('Set server.requestTimeout');
    expect(f?.nextAction).toContain('roll back to revision 6 (Node.js 16)');
  });

  it('stays silent when the aborts come at any elapsed time (clients giving up)', () => {
    expect(analyzeServerDefaultCut(rebased([banner, aborted(40, 12_400), aborted(20, 300_001), aborted(8, 95_000), aborted(4, 301_000)]))).toEqual([]);
  });

  it('stays silent when a request was served past the cut', () => {
    expect(analyzeServerDefaultCut(rebased([banner, aborted(40, 300_003), aborted(20, 300_001), aborted(8, 300_009), served(3, 420_000)]))).toEqual([]);
  });

  it('does not read an inbound request aborted by Node as a dependency reset', () => {
    expect(parseDependencyError(aborted(40, 300_003))).toBeUndefined();
  });
});
