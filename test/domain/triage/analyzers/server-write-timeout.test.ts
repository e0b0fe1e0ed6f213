import { describe, expect, it } from 'vitest';
import { analyzeServerWriteTimeout } from '../../../../src/domain/triage/analyzers/server-write-timeout.js';
import { pickMechanismSetting } from '../../../../src/domain/triage/mechanism-settings.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod, workload } from '../scenarios/builders.js';

/** A Go server whose streamed download is cut at its write deadline, beside a short request it serves. */
function served(i: number, local = 8080, elapsed = (j: number) => `5.00${j}s`): string[] {
  return [0, 1, 2].flatMap((j) => [
    `time=2026-11-21T03:0${j}:10.000Z level=INFO msg="request" method=GET path=/v1/items status=200 duration=40ms`,
    `time=2026-11-21T03:0${j}:15.000Z level=ERROR msg="download aborted" path=/v1/files/archive.zip elapsed=${elapsed(j)} err="write tcp 10.0.0.${10 + i}:${local}->10.0.9.${20 + j}:5${j}123: i/o timeout"`,
  ]);
}

function goServer(lines: (i: number) => string[], env = [{ name: 'SERVER_WRITE_TIMEOUT', value: '5s' }]) {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })),
  });
}

describe('analyzeServerWriteTimeout', () => {
  it('names the server\'s write timeout that cuts its long responses', () => {
    const [f] = analyzeServerWriteTimeout(goServer((i) => served(i)));
    expect(f?.title).toBe('payment-service\'s HTTP server cuts long responses at its write timeout (env SERVER_WRITE_TIMEOUT=5s): writes to callers fail with "i/o timeout" after 5 s on /v1/files/archive.zip (6 in 2 ready pods), and callers read EOF');
    expect(f?.nextAction).toMatch(/^Raise SERVER_WRITE_TIMEOUT/);
    expect(f?.onset).toBeDefined();
  });

  it('reads the timeout from the server\'s start line when the template does not set it, if the cuts agree in time', () => {
    const start = 'time=2026-11-21T02:59:00.000Z level=INFO msg="listening" addr=:8080 write_timeout=5s';
    const [f] = analyzeServerWriteTimeout(goServer((i) => [start, ...served(i)], []));
    expect(f?.title).toContain('(write_timeout=5s, as it logged at start)');
  });

  it('says nothing of writes the workload made as a client (an ephemeral local port)', () => {
    expect(analyzeServerWriteTimeout(goServer((i) => served(i, 45123)))).toEqual([]);
  });

  it('says nothing of write timeouts at scattered times without a setting (slow clients)', () => {
    expect(analyzeServerWriteTimeout(goServer((i) => served(i, 8080, (j) => `${3 + j * 7}.1s`), []))).toEqual([]);
  });

  it('leads with the line that set the write timeout', () => {
    const diff = ['app image: shop:1.0 → shop:1.1', 'app env added SERVER_READ_TIMEOUT = "5s"', 'app env added SERVER_WRITE_TIMEOUT = "5s"'];
    expect(pickMechanismSetting('container-config/server-write-timeout/app', diff)).toBe('app env added SERVER_WRITE_TIMEOUT = "5s"');
  });
});
