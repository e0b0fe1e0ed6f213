// A server refusing requests whose headers pass its size limit, before any handler runs: Node's
// parser stops at 16 KiB by default (HPE_HEADER_OVERFLOW, answered 431). Each refusal is a 4xx and
// the pods stay ready, yet many of them mean what callers send grew (a cookie): the limit is named,
// the caller whose log shows the refusals too, and the advice is to shrink the headers or raise the
// limit, never to roll back the server that did not change. A few client 4xx stay a healthy workload.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findHeaderOverflow } from '../../../src/domain/triage/header-overflow.js';
import { pickStrainedServices } from '../../../src/domain/triage/service-callers.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NS, baseEvidence, container, minutesAgo, pod, service } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

const overflow = (m: number, bytes: number) =>
  `{"level":40,"time":${Date.parse(minutesAgo(m))},"pid":1,"err":{"type":"Error","message":"Header overflow","code":"HPE_HEADER_OVERFLOW","bytesParsed":${bytes}},"msg":"client error, responded 431 Request Header Fields Too Large"}`;
const served = (m: number) => `{"level":30,"time":${Date.parse(minutesAgo(m))},"req":{"method":"GET","url":"/api/v1/me"},"res":{"statusCode":200},"msg":"request completed"}`;

function evidence(lines: (name: string) => string[], env: { name: string; value: string }[] = []): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [container({ command: ['node', 'dist/server.js'], env })] }));
  const logs: LogEvidence[] = pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: lines(p.name) }));
  return baseEvidence({ pods, logs, services: [service({ clusterIP: '10.100.40.2' })] });
}

const refusing = () => [0, 1, 2, 3, 4, 5].flatMap((i) => [overflow(50 - i * 8, 17211 + i * 300), served(49 - i * 8)]);

describe('a server refusing requests for the size of their headers', () => {
  it('names the limit in force: the default when nothing sets it, else the flag and where', () => {
    const ev = evidence(refusing);
    expect(findHeaderOverflow(ev.logs, ev.pods)?.limit).toMatchObject({ bytes: 16384 });
    const set = evidence(refusing, [{ name: 'NODE_OPTIONS', value: '--max-http-header-size=24576' }]);
    expect(findHeaderOverflow(set.logs, set.pods)?.limit).toMatchObject({ flag: '--max-http-header-size=24576', where: 'env NODE_OPTIONS', bytes: 24576 });
  });

  it('reads its callers, and names the caller whose log shows the refusals and the cookie it sends', () => {
    const ev = evidence(refusing);
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: ev.logs })).toEqual([{ name: APP, clusterIP: '10.100.40.2' }]);
    ev.serviceCallers = [{
      service: APP, pod: 'storefront-web-5c7d9-x2k4q', owner: 'Deployment storefront-web', container: 'web', via: `env ACCOUNT_API_URL=http://${APP}.${NS}.svc.cluster.local`,
      log: { pod: 'storefront-web-5c7d9-x2k4q', container: 'web', previous: false, lines: [`{"level":"error","msg":"account-api request failed","status":431,"statusText":"Request Header Fields Too Large","cookieBytes":15192}`] },
    }];
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/HPE_HEADER_OVERFLOW|431/);
    expect(r.headline).toMatch(/16 KiB/);
    expect(r.headline).toMatch(/storefront-web/);
    const f = r.findings.find((x) => x.id.includes('header-overflow'));
    expect(f?.nextAction).toMatch(/--max-http-header-size=32768/);
    expect(f?.nextAction).toMatch(/cookie/);
    expect(`${r.headline}\n${f?.nextAction ?? ''}`).not.toMatch(new RegExp(`roll(ing)? ?back[^\\n]*${APP}|revision \\d+[^\\n]*(caused|broke)`));
  });

  it('is not read from a few refusals, nor from a caller logging the 431 it got', () => {
    const few = evidence(() => [overflow(30, 17000), served(29), served(20)]);
    expect(findHeaderOverflow(few.logs, few.pods)).toBeUndefined();
    expect(buildTriageReport(few, times).verdict).toBe('healthy');
    const client = evidence(() => [0, 1, 2, 3, 4].map((i) => `{"level":"warn","time":"${minutesAgo(30 - i)}","msg":"upstream answered","status":431,"statusText":"Request Header Fields Too Large"}`));
    expect(findHeaderOverflow(client.logs, client.pods)).toBeUndefined();
  });
});
