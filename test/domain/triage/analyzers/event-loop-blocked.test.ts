import { describe, expect, it } from 'vitest';
import { analyzeEventLoopBlocked, parseStall } from '../../../../src/domain/triage/analyzers/event-loop-blocked.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** A Node.js service's own event-loop monitor (pino), with the stack of what held the loop. */
const BLOCKED = '{"level":40,"time":1795229796000,"pid":1,"msg":"event loop blocked","blockedMs":11873,"stack":"Error\\n    at RegExp.exec (<anonymous>)\\n    at highlight (/app/dist/lib/highlight.js:27:31)\\n    at /app/dist/routes/suggest.js:64:22"}';
const LAG = '{"level":40,"time":1795230300000,"pid":1,"msg":"event loop lag high","lagMs":9412}';
/** The server's own access log: the request it could not answer in time. */
const TIMED_OUT = '{"level":50,"time":1795230780000,"pid":1,"req":{"method":"GET","url":"/v1/suggest?q=phone+case"},"res":{"statusCode":503},"responseTime":12044.8,"msg":"request timed out"}';

/** Four pods, running and unready (readiness times out, TCP liveness passes), whose own loop is blocked. */
function blockedLoop(lines: string[] = ['{"level":30,"msg":"catalog delta applied","source":"marketplace-feed","products":18204}', BLOCKED, LAG, TIMED_OUT]): TriageEvidence {
  const probes = { readiness: { type: 'http' as const, path: '/ready', port: 3000, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }, liveness: { type: 'tcp' as const, port: 3000, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } };
  const pods: PodEvidence[] = [0, 1, 2, 3].map((i) => pod(i, { ready: false, containers: [container({ ready: false, probes })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 0, availableReplicas: 0 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.1.10:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 98, firstSeen: minutesAgo(17), lastSeen: minutesAgo(0.2) })),
  });
}

describe('parseStall', () => {
  it.each([
    [BLOCKED, 11873],
    [LAG, 9412],
    ['2026-11-21 03:12:41,220 WARN [vertx-blocked-thread-checker] io.vertx.core.impl.BlockedThreadChecker - Thread Thread[vert.x-eventloop-thread-1,5,main] has been blocked for 4312 ms, time limit is 2000 ms', 4312],
    ["WARNING:asyncio:Executing <Task pending name='Task-7' coro=<score() running at /app/ranker.py:88>> took 3.512 seconds", 3512],
    ['level=warn msg="event loop delay 2.5s"', 2500],
  ])('reads how long the loop was blocked from %s', (line, ms) => {
    expect(parseStall(line)?.ms).toBe(ms);
  });

  it('reads where from the stack in the line or on the lines after it, and ignores lines about something else', () => {
    expect(parseStall(BLOCKED)?.frames.slice(0, 2)).toEqual(['RegExp.exec (<anonymous>)', 'highlight (/app/dist/lib/highlight.js:27)']);
    expect(parseStall("WARNING:asyncio:Executing <Task pending coro=<score() running at /app/ranker.py:88>> took 3.512 seconds")?.frames).toEqual(['/app/ranker.py:88']);
    expect(parseStall(TIMED_OUT)).toBeUndefined();
    expect(parseStall('{"level":30,"msg":"load","rps":412,"event_loop_lag_ms":1400}')).toBeUndefined();
  });
});

describe('analyzeEventLoopBlocked', () => {
  it('says the process blocks its own loop, where, what arrived just before, and why the probes fail but nothing restarts', () => {
    const [f, ...rest] = analyzeEventLoopBlocked(blockedLoop());
    expect(rest).toEqual([]);
    expect(f?.title).toBe("payment-service's own event loop is blocked for up to 12s in RegExp.exec (highlight.js:27): it answers nothing meanwhile, probes included (logs of 4 pods)");
    expect(f?.severity).toBe('critical');
    expect(f?.likelyCause).toContain('a regular expression');
    expect(f?.evidence).toContain('logged just before the first stall: catalog delta applied (source marketplace-feed, products 18204)');
    expect(f?.evidence.join('\n')).toMatch(/readiness probe: .*outlasts its timeout[\s\S]*liveness probe: TCP :3000.*nothing restarts it/);
    expect(f?.fix).toBe('replace the regular expression at highlight.js:27 (or cap its input) and keep out the input it chokes on');
  });

  it('leads the verdict over the timeouts it causes: the probes and the requests that "timed out" are this process\'s, not a dependency\'s', () => {
    const report = buildTriageReport(blockedLoop(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('event-loop-blocked');
    expect(report.headline).toMatch(/^payment-service's own event loop is blocked/);
    expect(report.headline).not.toMatch(/dependency/i);
    expect(report.findings.some((f) => f.kind === 'dependency-error')).toBe(false);
    expect(report.findings.find((f) => f.kind === 'readiness-probe')?.explainedBy).toEqual(['event-loop-blocked/app']);
  });

  it('leaves lag under a second, a single stall in one pod, and a healthy workload alone', () => {
    expect(analyzeEventLoopBlocked(blockedLoop(['{"level":40,"msg":"event loop lag 840ms"}', '{"level":40,"msg":"event loop lag 910ms"}']))).toEqual([]);
    const one = blockedLoop();
    one.logs = one.logs.slice(0, 1).map((l) => ({ ...l, lines: [BLOCKED] }));
    expect(analyzeEventLoopBlocked(one)).toEqual([]);
    expect(analyzeEventLoopBlocked(healthyScenario())).toEqual([]);
  });
});
