// An outside API that retired the version the workload calls: every call to it is answered
// 410 Gone, with a body that says the version was sunset (or deprecated, retired) and often names
// its successor. 410 is permanent: waiting or retrying will not bring it back, and the pods stay
// Ready, so even a few such lines decide it — and a rollback cannot help, the API moved on.
import { describe, expect, it } from 'vitest';
import { analyzeRetiredApi } from '../../../../src/domain/triage/analyzers/retired-api.js';
import { findRetiredApiCalls } from '../../../../src/domain/triage/retired-api-calls.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, baseEvidence, minutesAgo, pod, revision, workload } from '../scenarios/builders.js';

const REV7 = { revision: 7, hash: '5f7d9c8b64' };
const BODY = '{"type":"https://developer.shipfast.example/errors/version-sunset","title":"API version retired","status":410,"detail":"API v1 was sunset on 2026-11-21T00:00:00Z and no longer serves requests. Migrate to /v3/rates: https://developer.shipfast.example/migrate"}';
/** .NET's HttpClient: the URL is on the request's start line, the 410 and its body on the failure logged after it. */
const dotnet = (m: number) => [
  `${minutesAgo(m)} info: System.Net.Http.HttpClient.ShipFast.LogicalHandler[100] Start processing HTTP request POST https://api.shipfast.example/v1/rates`,
  `${minutesAgo(m)} info: System.Net.Http.HttpClient.ShipFast.LogicalHandler[101] End processing HTTP request after 61.0ms - 410`,
  `${minutesAgo(m)} fail: Rates.Carriers.ShipFastClient[2003] ShipFast rate request failed: 410 (Gone) ${BODY}`,
];
/** Python requests: the URL and the status in one line. */
const python = (m: number) => `${minutesAgo(m)} ERROR quotes.client: carrier call failed: 410 Client Error: Gone for url: https://api.parcels.example/2023-01/quotes body={"message":"API version 2023-01 is deprecated and no longer available. Use /2025-04/quotes"}`;

function scenario(lines: (k: number) => string[], rolledOutAgo = 17 * 24 * 60): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOutAgo - 1), startTime: minutesAgo(rolledOutAgo - 1) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [revision(REV6, minutesAgo(40 * 24 * 60)), revision(REV7, minutesAgo(rolledOutAgo), { replicas: 2 })],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: [`${minutesAgo(rolledOutAgo - 2)} info: Application started.`, ...lines(k)] })),
  });
}

describe('an outside API that retired the version the workload calls (410 Gone)', () => {
  it('reads the URL from the request line before the answer, the retirement words and the successor the body names', () => {
    const calls = findRetiredApiCalls(scenario((k) => dotnet(20 - k)).logs);
    expect(calls?.url).toBe('https://api.shipfast.example/v1/rates');
    expect(calls?.host).toBe('api.shipfast.example');
    expect(calls?.version).toBe('v1');
    expect(calls?.said).toMatch(/^API v1 was sunset on 2026-11-21T00:00:00Z and no longer serves requests/);
    expect(calls?.successor).toBe('/v3/rates');
  });

  it('takes one answer as decisive: 410 is permanent, it will not pass by waiting', () => {
    const [f] = analyzeRetiredApi(scenario((k) => (k === 0 ? [python(12)] : [])));
    expect(f?.title).toMatch(/calls to https:\/\/api\.parcels\.example\/2023-01\/quotes are answered 410 Gone/);
    expect(f?.title).toMatch(/deprecated and no longer available/);
    expect(f?.fix).toMatch(/\/2025-04\/quotes/);
  });

  it('leaves alone the 410s that are routine: a push token unregistered, a Kubernetes watch too old, its own answers, a 410 that says nothing of a retirement', () => {
    const routine = [
      `${minutesAgo(3)} WARN  push rejected platform=apns id=77141 status=410 reason=Unregistered (token removed)`,
      'W1121 03:10:00.000000       1 reflector.go:462] watch of *v1.Pod ended with: The resourceVersion for the provided watch is too old. (410 Gone, deprecated watch cache)',
      '10.0.3.7 - - [21/Nov/2026:03:10:00 +0000] "GET /v1/legacy HTTP/1.1" 410 41 "-" "curl/8.5" deprecated endpoint',
      `${minutesAgo(2)} ERROR client: GET https://api.github.com/repos/acme/x/issues/42 failed: 410 Gone {"message":"This issue was deleted"}`,
    ];
    expect(findRetiredApiCalls(scenario(() => routine).logs)).toBeUndefined();
  });

  it('makes the verdict a problem naming the host, 410 Gone and the sunset, advising the successor, not a rollback, though every pod is ready', () => {
    const report = buildTriageReport(scenario((k) => [...dotnet(40 - k), ...dotnet(20 - k)], 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/api\.shipfast\.example\/v1\/rates[^\n]*410 Gone/);
    expect(report.headline).toMatch(/sunset/);
    expect(report.headline).toMatch(/\/v3\/rates/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|undo the rollout/i);
  });
});
