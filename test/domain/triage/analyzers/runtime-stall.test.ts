import { describe, expect, it } from 'vitest';
import { analyzeCodeCacheFull } from '../../../../src/domain/triage/analyzers/code-cache-full.js';
import { analyzeThreadPoolStarvation } from '../../../../src/domain/triage/analyzers/thread-pool-starvation.js';
import { findCodeCacheCut, readCodeCacheFull } from '../../../../src/domain/triage/code-cache.js';
import { readBlockingCall, readHeartbeatStall } from '../../../../src/domain/triage/thread-pool-starvation.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const TIMEOUT = 'Readiness probe failed: Get "http://10.0.1.10:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';

/** Pods of revision 7, started `startedAgo` minutes ago; those listed in `unready` fail their readiness probe by timeout since `failingSince`. */
function servingPods(env: { name: string; value: string }[], opts: { unready: number[]; count: number; startedAgo: number }): PodEvidence[] {
  return Array.from({ length: opts.count }, (_, i) => {
    const ready = !opts.unready.includes(i);
    return pod(i, { revisionHash: REV7.hash, ready, createdAt: minutesAgo(opts.startedAgo + 1), startTime: minutesAgo(opts.startedAgo), containers: [container({ env, ready, state: running(opts.startedAgo) })] });
  });
}

function probeTimeouts(pods: readonly PodEvidence[], failingSince: number) {
  return pods.filter((p) => !p.ready).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: TIMEOUT, count: 60, firstSeen: minutesAgo(failingSince), lastSeen: minutesAgo(0.3) }));
}

// ---- JVM: the code cache filled, the JIT compiler stopped -----------------------------------------

const CODE_CACHE_FULL = [
  'OpenJDK 64-Bit Server VM warning: CodeCache is full. Compiler has been disabled.',
  'OpenJDK 64-Bit Server VM warning: Try increasing the code cache size using -XX:ReservedCodeCacheSize=',
  'CodeCache: size=32768Kb used=32741Kb max_used=32741Kb free=26Kb',
  ' compilation: disabled (not enough contiguous free space left)',
];
const jvmOpts = (size: string) => [{ name: 'JAVA_TOOL_OPTIONS', value: `-XX:MaxRAMPercentage=75 -XX:ReservedCodeCacheSize=${size} -XX:+UseG1GC` }];

/** Three pods of revision 7 (which cut the code cache 240m → 32m three hours ago); two logged a full code cache and time out their readiness probe for 50 minutes. */
function codeCacheCut(full: (i: number) => boolean = (i) => i < 2): TriageEvidence {
  const pods = servingPods(jvmOpts('32m'), { unready: [0, 1], count: 3, startedAgo: 179 });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 3 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: ['Started GatewayApplication in 31.4 seconds', ...(full(i) ? CODE_CACHE_FULL : []), 'WARN slow request GET /v2/search took 4120 ms'] })),
    events: probeTimeouts(pods, 50),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: jvmOpts('240m') })] }),
      revision(REV7, minutesAgo(181), { replicas: 3, containers: [revisionContainer({ env: jvmOpts('32m') })] }),
    ],
    hpas: [],
  });
}

describe('readCodeCacheFull', () => {
  it('reads HotSpot\'s own words that the code cache is full and the compiler off, with the flag it advises', () => {
    expect(readCodeCacheFull(CODE_CACHE_FULL)).toMatchObject({ line: 'CodeCache is full. Compiler has been disabled.', flag: '-XX:ReservedCodeCacheSize', size: 'size=32768Kb used=32741Kb max_used=32741Kb free=26Kb' });
    // JDK 9+ segments the code cache and names the segment that filled.
    expect(readCodeCacheFull(["OpenJDK 64-Bit Server VM warning: CodeHeap 'non-profiled nmethods' is full. Compiler has been disabled.", 'OpenJDK 64-Bit Server VM warning: Try increasing the code heap size using -XX:NonProfiledCodeHeapSize='])).toMatchObject({ line: "CodeHeap 'non-profiled nmethods' is full. Compiler has been disabled.", flag: '-XX:NonProfiledCodeHeapSize' });
    expect(readCodeCacheFull(['INFO code cache flushing enabled', 'CodeCache: size=245760Kb used=31200Kb'])).toBeUndefined();
  });
});

describe('findCodeCacheCut', () => {
  it('compares the code cache the newest revision reserves with the one before it', () => {
    expect(findCodeCacheCut(codeCacheCut().revisions, 'app')).toMatchObject({ revision: 7, previous: 6, was: '-XX:ReservedCodeCacheSize=240m', flag: '-XX:ReservedCodeCacheSize=32m', where: 'env JAVA_TOOL_OPTIONS' });
  });
});

describe('analyzeCodeCacheFull', () => {
  it('names the full code cache, the compiler it stopped, and the revision that shrank it', () => {
    const [f, ...rest] = analyzeCodeCacheFull(codeCacheCut());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('runtime-stall');
    expect(f?.title).toMatch(/code cache full/i);
    expect(f?.title).toContain('-XX:ReservedCodeCacheSize=32m');
    expect(f?.title).toMatch(/240m before revision 7/);
    expect(f?.decisive).toBe('CodeCache is full. Compiler has been disabled.');
    expect(f?.affected?.pods).toHaveLength(2);
    expect(f?.fix).toMatch(/-XX:ReservedCodeCacheSize=240m[\s\S]*restart/);
    // The cache is sized when the JVM starts and fills with the hot code: the revision that started the JVMs is the trigger, however late the probes fail.
    expect(f?.buildsUp).toBeDefined();
    expect(f?.onset).toBe(minutesAgo(179));
  });

  it('leads the verdict over the readiness timeouts it causes, since the revision that cut the cache, with the rollback', () => {
    const report = buildTriageReport(codeCacheCut(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('runtime-stall');
    expect(report.headline).toMatch(/^Since revision 7 \(3h 1m ago: app env JAVA_TOOL_OPTIONS options: .*ReservedCodeCacheSize=240m → 32m/);
    expect(report.headline).toMatch(/code cache full/i);
    expect(report.headline).toMatch(/Roll back to revision 6/);
    expect(report.headline).not.toMatch(/^Readiness probe/);
  });

  it('without a cut, advises a larger code cache rather than a rollback', () => {
    const ev = codeCacheCut();
    ev.revisions = ev.revisions.slice(1);
    const [f] = analyzeCodeCacheFull(ev);
    expect(f?.title).not.toMatch(/before revision/);
    expect(f?.fix).toMatch(/raise -XX:ReservedCodeCacheSize/);
    expect(f?.buildsUp).toBeUndefined();
  });

  it('says nothing of JVMs that never filled their code cache', () => {
    expect(analyzeCodeCacheFull(codeCacheCut(() => false))).toEqual([]);
    expect(analyzeCodeCacheFull(healthyScenario())).toEqual([]);
  });
});

// ---- .NET: thread-pool starvation from sync-over-async --------------------------------------------

const heartbeat = (s: number) => [
  'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
  `      As of "11/21/2026 03:0${s}:12 +00:00", the heartbeat has been running for "00:00:0${s}.1187461" which is longer than "00:00:01". This could be caused by thread pool starvation.`,
];
const BLOCKED = ['warn: Pricing.Api.Tax.TaxRateProvider[0]', '      GetRate("EU-DE") blocked 4330 ms waiting on TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()'];
const TASK_CANCELED = [
  'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
  '      System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.',
  '         at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)',
];

/** Four pods of revision 7 (a new image, 70 minutes ago) whose Kestrel warns of thread-pool starvation; two time out their readiness probe. */
function starvedPool(lines: string[] = [...heartbeat(4), ...TASK_CANCELED, ...heartbeat(7), ...BLOCKED, ...heartbeat(3)]): TriageEvidence {
  const pods = servingPods([{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }], { unready: [1, 3], count: 4, startedAgo: 69 });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 4 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    events: probeTimeouts(pods, 55),
    revisions: [
      revision(REV6, minutesAgo(6 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example.com/pricing-api:3.7.4' })] }),
      revision(REV7, minutesAgo(70), { replicas: 4, containers: [revisionContainer({ image: 'registry.example.com/pricing-api:3.8.0' })] }),
    ],
    hpas: [],
  });
}

describe('readHeartbeatStall', () => {
  it("reads how long Kestrel's heartbeat ran from its starvation warning", () => {
    expect(readHeartbeatStall(heartbeat(7)[1] ?? '')?.ms).toBe(7119);
    expect(readHeartbeatStall('info: Microsoft.Hosting.Lifetime[0] Application started.')).toBeUndefined();
  });
});

describe('readBlockingCall', () => {
  it('finds the call that blocks a pool thread on async work, in words or in a stack frame', () => {
    expect(readBlockingCall(BLOCKED)).toBe('TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()');
    expect(readBlockingCall(['   at System.Runtime.CompilerServices.TaskAwaiter`1.GetResult()', '   at Pricing.Api.Tax.TaxRateProvider.GetRate(String region) in /src/Tax/TaxRateProvider.cs:line 27'])).toBe('TaskAwaiter.GetResult() in Pricing.Api.Tax.TaxRateProvider.GetRate');
    expect(readBlockingCall(TASK_CANCELED)).toBeUndefined();
  });
});

describe('analyzeThreadPoolStarvation', () => {
  it('names thread-pool starvation with the heartbeat figure and the blocking call, and advises async end to end', () => {
    const [f, ...rest] = analyzeThreadPoolStarvation(starvedPool());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('runtime-stall');
    expect(f?.title).toMatch(/thread-pool starvation/i);
    expect(f?.title).toMatch(/7\.1s/);
    expect(f?.title).toContain('TaxRateClient.GetRateAsync(...).GetAwaiter().GetResult()');
    expect(f?.decisive).toMatch(/the heartbeat has been running for "00:00:07.1187461"/);
    expect(f?.fix).toMatch(/await/);
    expect(f?.nextAction).toMatch(/System\.Threading\.ThreadPool\.MinThreads|SetMinThreads/);
    expect(`${f?.title}\n${f?.likelyCause}\n${f?.nextAction}`).not.toMatch(/(raise|increase)[^\n]*cpu/i);
  });

  it('leads the verdict over the probe timeouts and the canceled calls, since the revision that began it', () => {
    const report = buildTriageReport(starvedPool(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('runtime-stall');
    expect(report.headline).toMatch(/^Since revision 7 \(1h 10m ago: .*3\.8\.0\): Thread-pool starvation/);
    expect(report.headline).toMatch(/Roll back to revision 6, or /);
  });

  it('counts one slow heartbeat as a blip, and says nothing of a healthy workload', () => {
    const once = starvedPool();
    once.logs = once.logs.slice(0, 1).map((l) => ({ ...l, lines: heartbeat(4) }));
    expect(analyzeThreadPoolStarvation(once)).toEqual([]);
    expect(analyzeThreadPoolStarvation(healthyScenario())).toEqual([]);
  });
});
