import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { LogEvidence, PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, unscheduledPod } from '../scenarios/builders.js';

const MESSAGE = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
const SHELL = ['/bin/sh', '-c', '/app/bin/render-config.sh /etc/app/app.yaml.tpl > /tmp/app.yaml && java $JAVA_OPTS -jar /app/app.jar'];
const STARTED = (pid: number) => `2026-11-21T02:31:03Z  INFO ${pid} --- [app] [main] c.a.Application : Starting Application v1.5.0 using Java 21.0.5 with PID ${pid} (/app/app.jar started by app in /app)`;

/**
 * A rolling update behind full nodes: an old pod deleted 11 minutes ago still runs within its 900 s
 * grace and holds its CPU; the surge pod waits; the autoscaler's group is at its maximum.
 */
function surgeBehindSlowStop(opts: { command: string[]; preStop?: string; appPid?: number }): TriageEvidence {
  const template = (): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, terminationGracePeriodSeconds: 900 });
  const hooks = opts.preStop ? { hooks: { preStop: opts.preStop } } : {};
  const pending = unscheduledPod(6, MESSAGE, 11, { revisionHash: REV7.hash, containers: [container({ image: IMAGE_V15, command: opts.command, state: undefined, ready: false })] });
  const fresh = pod(5, { revisionHash: REV7.hash, createdAt: minutesAgo(27), startTime: minutesAgo(27), containers: [container({ image: IMAGE_V15, command: opts.command })] });
  const logs: LogEvidence[] = opts.appPid === undefined ? [] : [{ pod: fresh.name, container: 'app', previous: false, lines: [STARTED(opts.appPid)] }];
  return baseEvidence({
    pods: [
      pod(0, { deletionTimestamp: minutesAgo(-4), containers: [container({ command: opts.command, ...hooks })] }),
      ...[1, 2, 3, 4].map((i) => pod(i, { containers: [container({ command: opts.command })] })),
      fresh,
      pending,
    ],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 5, template: template(), containers: [revisionContainer({ command: opts.command, ...hooks })] }),
      revision(REV7, minutesAgo(27), { replicas: 2, template: template(), containers: [revisionContainer({ image: IMAGE_V15, command: opts.command, ...hooks })] }),
    ],
    logs,
    events: [
      event({ reason: 'FailedScheduling', message: MESSAGE, object: { kind: 'Pod', name: pending.name, namespace: NS }, count: 11, firstSeen: minutesAgo(11), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
      event({ object: { kind: 'Pod', name: pending.name, namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: "pod didn't trigger scale-up: 1 max node group size reached", count: 60, firstSeen: minutesAgo(11), lastSeen: minutesAgo(0.5), source: 'cluster-autoscaler' }),
    ],
  });
}

describe('old pods that wait out their grace period because the app runs under `sh -c`', () => {
  it('names SIGTERM not reaching the app as the mechanism and advises exec / tini, not more nodes', () => {
    const ev = surgeBehindSlowStop({ command: SHELL, appPid: 7 });
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toMatch(/SIGTERM/);
    expect(f?.title).toMatch(/sh -c/);
    expect(f?.evidence.join('\n')).toMatch(/PID 7/);
    expect(f?.confidence).toBe('high');
    const d = diagnose(ev, [f!]);
    expect(d?.headline).toMatch(/SIGTERM/);
    expect(d?.action).toMatch(/exec/);
    expect(d?.action).toMatch(/tini|dumb-init/);
    const claims = [d?.headline, d?.action, f?.title, f?.likelyCause, f?.nextAction].join('\n');
    expect(claims).not.toMatch(/add (more )?nodes|raise the node ?group|max node group size|Roll back to/i);
  });

  it('says so with less confidence when no log tells the app\'s PID', () => {
    const [f] = analyzeFailedScheduling(surgeBehindSlowStop({ command: SHELL }));
    expect(f?.title).toMatch(/SIGTERM/);
    expect(f?.confidence).toBe('medium');
  });

  it('keeps the deliberate drain when the app is PID 1, execs, or a preStop hook drains', () => {
    for (const ev of [
      surgeBehindSlowStop({ command: SHELL, appPid: 1 }),
      surgeBehindSlowStop({ command: ['/bin/sh', '-c', 'render.sh && exec java -jar /app/app.jar'] }),
      surgeBehindSlowStop({ command: SHELL, preStop: 'exec /app/bin/drain --deadline=840s' }),
    ]) {
      const [f] = analyzeFailedScheduling(ev);
      expect(f?.title).toMatch(/Terminating \(draining\)/);
      expect(f?.title).not.toMatch(/SIGTERM/);
    }
  });
});
