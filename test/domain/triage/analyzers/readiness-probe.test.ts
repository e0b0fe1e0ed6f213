import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes, classifyProbeFailure } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { NS, container, event, minutesAgo, pod, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { readiness503Scenario } from '../scenarios/probes.js';

describe('analyzeReadinessProbes', () => {
  it('reports running-but-not-ready pods with the status code the probe got', () => {
    const [f, ...rest] = analyzeReadinessProbes(readiness503Scenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Readiness probe failing for app on 3/5 pods: HTTP 503 on GET :8080/ready');
    expect(f?.layer).toBe('runtime/probes');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('Unhealthy ×240 over 24m: Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(f?.likelyCause).toContain('/ready with 503');
  });

  it.each([
    ['Readiness probe failed: Get "http://10.0.1.104:8080/ready": dial tcp 10.0.1.104:8080: connect: connection refused', 'connection refused'],
    ['Readiness probe failed: Get "http://10.0.1.104:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'timeout'],
    ['Readiness probe failed: HTTP probe failed with statuscode: 404', 'HTTP 404'],
  ])('classifies %s', (message, expected) => {
    expect(classifyProbeFailure([message])).toBe(expected);
    expect(analyzeReadinessProbes(readiness503Scenario(message))[0]?.title).toContain(expected);
  });

  it('names the exec probe whose command the image does not have (the kubelet says "errored", not "failed")', () => {
    const message = 'Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "5be1c0": OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in $PATH: unknown';
    const ev = readiness503Scenario(message);
    const probe = { type: 'exec' as const, command: 'wget -qO- http://127.0.0.1:9000/health', periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { ...c.probes, readiness: probe } })) }));
    const [f, ...rest] = analyzeReadinessProbes(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toMatch(/^Readiness probe failing for app on 3\/5 pods: /);
    expect(f?.title).toContain('`wget` is not in the image');
    expect(f?.title).toContain('exec wget -qO- http://127.0.0.1:9000/health');
    expect(f?.decisive).toContain('executable file not found in $PATH');
    expect(f?.likelyCause).toMatch(/cannot run/);
    expect(f?.fix).toMatch(/httpGet/);
  });

  it('does not blame the probe of a pod that started a minute ago', () => {
    const starting = readiness503Scenario();
    starting.pods = starting.pods.map((p, i) => (i < 3 ? { ...p, containers: [container({ ready: false, state: running(1) })] } : p));
    expect(analyzeReadinessProbes(starting)).toEqual([]);
  });

  it('reports ready pods whose probe keeps failing as flapping, info only', () => {
    const ev = healthyScenario();
    ev.events.push(event({ object: { kind: 'Pod', name: ev.pods[0]?.name ?? '', namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 9, firstSeen: minutesAgo(12), lastSeen: minutesAgo(2) }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.severity).toBe('info');
    expect(f?.title).toContain('intermittently');
  });

  it('stays silent on a healthy workload and on a single old probe failure', () => {
    expect(analyzeReadinessProbes(healthyScenario())).toEqual([]);
    const ev = healthyScenario();
    ev.events.push(event({ object: { kind: 'Pod', name: pod(0).name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 1, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50) }));
    expect(analyzeReadinessProbes(ev)).toEqual([]);
  });
});
