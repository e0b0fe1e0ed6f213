import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../src/domain/triage/analyzers/signal-kill.js';
import { findIgnoredJvmOptions } from '../../../src/domain/triage/probe-heap-exhausted.js';
import type { ContainerEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

const TIMEOUT = 'Liveness probe failed: Get "http://10.1.2.3:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
const HEAP_LOG = [
  'ERROR 1 --- [exec-4] o.a.c.c.C.[dispatcherServlet] : Servlet.service() threw exception [Handler dispatch failed: java.lang.OutOfMemoryError: Java heap space] with root cause',
  'java.lang.OutOfMemoryError: Java heap space',
  '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)',
];

/** A JVM killed by its liveness probe (exit 143), its log showing the heap ran out. */
function killed(over: Partial<ContainerEvidence>): TriageEvidence {
  const probes = { liveness: { type: 'http' as const, path: '/health', port: 8080, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 } };
  const app = container({ probes, resources: { requests: { memory: '2Gi' }, limits: { memory: '2Gi' } }, state: running(5), lastState: terminated(143, 'Error', 5.1, { runSeconds: 900 }), restartCount: 4, ...over });
  const p = pod(0, { containers: [app] });
  return baseEvidence({
    pods: [p],
    events: [
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Warning', reason: 'Unhealthy', message: TIMEOUT, firstSeen: minutesAgo(90), lastSeen: minutesAgo(5.2), count: 30 }),
      event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', firstSeen: minutesAgo(89), lastSeen: minutesAgo(5.1), count: 4 }),
    ],
    logs: [{ pod: p.name, container: 'app', previous: true, lines: HEAP_LOG }],
  });
}

const DIRECT = { command: ['java', '-jar', '/srv/app.jar'], env: [{ name: 'JAVA_OPTS', value: '-Xmx1536m -XX:+ExitOnOutOfMemoryError' }] };

describe('a liveness kill of a JVM whose heap ran out', () => {
  it('names the heap exhaustion, and the -Xmx in JAVA_OPTS that a command starting java directly never reads', () => {
    const f = analyzeSignalKills(killed(DIRECT)).find((x) => x.kind === 'liveness-kill');
    expect(f?.title).toContain('its JVM runs out of heap ("java.lang.OutOfMemoryError: Java heap space")');
    expect(f?.title).toContain('-Xmx1536m in env JAVA_OPTS is never read (the command starts java directly), so the heap defaults to 512Mi, 25% of the 2Gi limit');
    expect(f?.likelyCause).toMatch(/ExitOnOutOfMemoryError/);
    expect(f?.fix).toMatch(/JAVA_TOOL_OPTIONS/);
    expect(f?.nextAction).not.toMatch(/relax the liveness probe/);
  });

  it('reads JAVA_OPTS as honoured when the command expands it, or when the JVM reads its own variable', () => {
    expect(findIgnoredJvmOptions(container({ command: ['java', '$(JAVA_OPTS)', '-jar', '/srv/app.jar'], env: DIRECT.env }))).toBeUndefined();
    expect(findIgnoredJvmOptions(container({ command: ['java', '-jar', '/srv/app.jar'], env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1536m' }] }))).toBeUndefined();
    expect(findIgnoredJvmOptions(container({ env: DIRECT.env }))).toBeUndefined();
  });

  it('still names the heap, with the setting that sized it, when the flag is read', () => {
    const f = analyzeSignalKills(killed({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1g' }] })).find((x) => x.kind === 'liveness-kill');
    expect(f?.title).toContain('its JVM runs out of heap');
    expect(f?.title).toContain('-Xmx1g (env JAVA_TOOL_OPTIONS) sets the JVM heap to 1Gi');
  });
});
