import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { NS, baseEvidence, container, event, minutesAgo, pod, podName, REV6, running, terminated } from '../scenarios/builders.js';

/** Two of three pods whose bucket-mount sidecar was OOMKilled: their app's reads of the mount fail with ENOTCONN. */
function brokenFuseMount() {
  const pods = [0, 1, 2].map((i) => {
    const broken = i < 2;
    const mounter = container({ name: 'bucket-mounter', sidecar: true, probes: {}, ports: [], resources: { requests: { memory: '128Mi' }, limits: { memory: '192Mi' } }, state: running(broken ? 20 + i * 10 : 3000), restartCount: broken ? 1 : 0, ...(broken ? { lastState: terminated(137, 'OOMKilled', 20 + i * 10, { runSeconds: 9000 }) } : {}) });
    const app = container({ ready: !broken, volumeMounts: [{ name: 'objects', mountPath: '/mnt/objects', readOnly: true }] });
    return pod(i, { name: podName(REV6.hash, i), ready: !broken, initContainers: [mounter], containers: [app], volumes: [{ name: 'objects', source: 'csi' as const, ref: 'objects.csi.example.test' }] });
  });
  const events = pods.slice(0, 2).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 120, firstSeen: minutesAgo(30), lastSeen: minutesAgo(0.2) }));
  const logs = pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [
    '2026-11-21 03:05:52,000 ERROR worker: cannot read source /mnt/objects/a/b.png',
    'Traceback (most recent call last):',
    '    with open(src, "rb") as fh:',
    "OSError: [Errno 107] Transport endpoint is not connected: '/mnt/objects/a/b.png'",
  ] }));
  return baseEvidence({ pods, events, logs });
}

describe('readiness failing because a FUSE mount\'s sidecar died under the app', () => {
  it('names the broken mount, its ENOTCONN and the sidecar OOMKilled at its limit', () => {
    const [f] = analyzeReadinessProbes(brokenFuseMount());
    expect(f?.title).toContain('Readiness probe failing for app on 2/5 pods');
    expect(f?.title).toMatch(/reads of \/mnt\/objects fail with "Transport endpoint is not connected"/);
    expect(f?.title).toMatch(/sidecar bucket-mounter was OOMKilled at its 192Mi limit/);
    expect(f?.decisive).toContain('[Errno 107] Transport endpoint is not connected');
    expect(f?.fix).toMatch(/delete the 2 pods[^\n]*fresh mount[^\n]*raise[^\n]*bucket-mounter[^\n]*memory/);
  });

  it('leaves a readiness failure without the mount error to the rest', () => {
    const ev = brokenFuseMount();
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.filter((x) => !/Errno 107/.test(x)) }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).not.toMatch(/Transport endpoint/);
  });
});
