// A server refusing requests at one of its own limits, logged at WARNING or INFO while the pods stay
// Ready: the limit is the mechanism, the revision that set it (a flag, a server release with a lower
// default) the "since" — never an all-clear.
import { describe, expect, it } from 'vitest';
import { analyzeServerLimitRefusal } from '../../../../src/domain/triage/analyzers/server-limit-refusal.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { condenseListChange } from '../../../../src/domain/triage/mechanism-settings.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const BASE = ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8080'];
const SHED = 'WARNING:  Exceeded concurrency limit.';
const answered = (status: string, i: number) => `INFO:     10.0.4.${10 + (i % 5)}:4${1000 + i} - "GET /v1/items/${i} HTTP/1.1" ${status}`;

/** An ASGI service whose revision 7 (30m ago) changed its command from `before` to `after`; each pod logs `log`. */
function asgi(o: { before?: string[]; after?: string[]; log?: string[] } = {}): TriageEvidence {
  const before = o.before ?? BASE;
  const after = o.after ?? [...BASE, '--limit-concurrency', '20'];
  const spec = (command: string[]) => ({ name: 'app', command, env: [], envFrom: [], resources: { requests: {}, limits: {} } });
  const log = o.log ?? Array.from({ length: 30 }, (_, i) => (i % 3 === 1 ? [SHED, answered('503 Service Unavailable', i)] : [answered('200 OK', i)])).flat();
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(29 - i), startTime: minutesAgo(29 - i), containers: [container({ command: after, state: running(29 - i) })] }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer(spec(before))] }), revision(REV7, minutesAgo(30), { replicas: 3, containers: [revisionContainer(spec(after))] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: log })),
  });
}

const boot = (m: number, level: string, logger: string, text: string) => `${minutesAgo(m).replace('Z', '+00:00')}  ${level} 1 --- [app] [main] ${logger} : ${text}`;
const PARAMS = 'More than the maximum number of request parameters (GET plus POST) for a single request ([1,000]) were detected. Any parameters beyond this limit have been ignored. To change this limit, set the maxParameterCount attribute on the Connector.';

/** A Spring Boot service whose revision 7 (2h ago) is a new image running `tomcat`; one pod logged the parameter limit once. */
function servlet(tomcat: string, stated = '1,000'): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(119), startTime: minutesAgo(119), containers: [container({ image: IMAGE_V15, state: running(119) })] }));
  const lines = [
    boot(118, 'INFO', 'o.apache.catalina.core.StandardEngine', `Starting Servlet engine: [Apache Tomcat/${tomcat}]`),
    boot(117, 'INFO', 'c.e.payments.PaymentApplication', 'Started PaymentApplication in 11.2 seconds'),
    boot(40, 'INFO', 'o.apache.tomcat.util.http.Parameters', PARAMS.replace('[1,000]', `[${stated}]`)),
    ' Note: further occurrences of this error will be logged at DEBUG level.',
    boot(39, 'WARN', '.w.s.m.s.DefaultHandlerExceptionResolver', "Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]: [Field error in object 'batchForm' on field 'reference': rejected value [null]]]"),
  ];
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }), revision(REV7, minutesAgo(120), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15 })] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('a server refusing requests at its own limit', () => {
  it('leads with the concurrency limit a revision added, and the revision as its since, not an all-clear', () => {
    const r = buildTriageReport(asgi(), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since revision 7 \(30m ago: app command: added "--limit-concurrency" "20"\): uvicorn answers 503 Service Unavailable to requests past its own limit, --limit-concurrency 20: 30 "Exceeded concurrency limit\." lines in 3 ready pods, 30 of 90 requests answered 503/);
    expect(r.headline).toMatch(/Roll back to revision 6, or remove --limit-concurrency or set it well above the connections the callers keep open/);
  });

  it('dates a lowered default to the revision that brought the server release, read from its start-up line', () => {
    const r = buildTriageReport(servlet('10.1.42'), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since revision 7 \(2h ago: app image 2\.14\.0 → 2\.15\.0\): Tomcat 10\.1\.42 ignores request parameters past its own limit, maxParameterCount 1,000 \(Tomcat's default since 10\.1\.42; 10,000 before\)/);
    expect(r.headline).toMatch(/raise maxParameterCount on the connector/);
  });

  it('names a limit the server states without blaming a release that kept the old default', () => {
    const [f] = analyzeServerLimitRefusal(servlet('10.1.41', '10,000'));
    expect(f?.title).toMatch(/^Tomcat 10\.1\.41 ignores request parameters past its own limit, maxParameterCount 10,000: 2 "More than the maximum number of request parameters/);
    expect(f?.title).not.toMatch(/default/);
    expect(f?.likelyCause).not.toMatch(/Here revision/);
  });

  it('reads the siblings: gunicorn request-line and uWSGI buffer limits', () => {
    const gunicorn = Array.from({ length: 4 }, () => '[2026-11-21 03:10:01 +0000] [7] [WARNING] Invalid request from ip=10.0.4.12: Request Line is too large (5120 > 4094)');
    const [g] = analyzeServerLimitRefusal(asgi({ before: ['gunicorn', 'app:app'], after: ['gunicorn', 'app:app'], log: gunicorn }));
    expect(g?.title).toMatch(/^gunicorn answers 400 Bad Request to request lines or headers past its own limit, --limit-request-line \/ --limit-request-field_size/);
    const uwsgi = Array.from({ length: 3 }, () => 'invalid request block size: 4420 (max 4096)...skip');
    const [u] = analyzeServerLimitRefusal(asgi({ before: ['uwsgi', '--http', ':8080'], after: ['uwsgi', '--http', ':8080', '--buffer-size', '4096'], log: uwsgi }));
    expect(u?.title).toMatch(/^uWSGI drops requests whose line and headers run past its own limit, --buffer-size 4096: 9 "invalid request block size: 4420 \(max 4096\)" lines/);
  });

  it('stays quiet for a long-kept limit shedding a few requests at a peak', () => {
    const peak = [SHED, answered('503 Service Unavailable', 0), ...Array.from({ length: 60 }, (_, i) => answered('200 OK', i))];
    const kept = [...BASE, '--limit-concurrency', '200'];
    expect(analyzeServerLimitRefusal(asgi({ before: kept, after: kept, log: [...peak, ...peak, ...peak] }))).toEqual([]);
  });

  it('tells a command change that only appended tokens by those tokens', () => {
    expect(condenseListChange('app command: "uvicorn" "app:app" → "uvicorn" "app:app" "--limit-concurrency" "20"')).toBe('app command: added "--limit-concurrency" "20"');
    expect(condenseListChange('app args: "--a" "--b" → "--a"')).toBe('app args: removed "--b"');
  });
});
