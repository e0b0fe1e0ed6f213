import { describe, expect, it } from 'vitest';
import { analyzeLifecycleHooks } from '../../../../src/domain/triage/analyzers/lifecycle-hook.js';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, terminated } from '../scenarios/builders.js';

const HOOK = '/bin/sh -c curl -fsS -X POST http://localhost:8080/internal/cache/warmup';

/** Two pods of five whose postStart hook fails: the kubelet kills each start (exit 143, 2 s in). */
function hookScenario(hook: string | undefined = HOOK) {
  const hooked = [3, 4].map((i) => pod(i, { ready: false, containers: [container({ ready: false, restartCount: 9, lastState: terminated(143, 'Error', 2, { runSeconds: 2 }), ...(hook ? { hooks: { postStart: hook } } : {}) })] }));
  const on = (p: (typeof hooked)[number]) => ({ kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' });
  const events = hooked.flatMap((p) => [
    event({ object: on(p), reason: 'FailedPostStartHook', message: 'PostStartHook failed', count: 10, firstSeen: minutesAgo(26), lastSeen: minutesAgo(2) }),
    event({ object: on(p), type: 'Normal', reason: 'Killing', message: 'FailedPostStartHook', count: 10, firstSeen: minutesAgo(26), lastSeen: minutesAgo(2) }),
  ]);
  return baseEvidence({ pods: [pod(0), pod(1), pod(2), ...hooked], events });
}

describe('analyzeLifecycleHooks', () => {
  it('names the failed postStart hook as why the kubelet kills the container, and that it calls the app before it listens', () => {
    const [f] = analyzeLifecycleHooks(hookScenario());
    expect(f?.kind).toBe('lifecycle-hook');
    expect(f?.title).toBe('The postStart hook of container app fails and the kubelet kills the container (2/5 pods, exit 143, 2s after start, 18 restarts)');
    expect(f?.decisive).toBe(`postStart hook ${HOOK}`);
    expect(f?.likelyCause).toContain('calls the app itself, which is not listening yet');
    expect(f?.likelyCause).toContain('not memory and not a probe');
    expect(f?.fix).toBe('remove the postStart hook or make it wait for the app and never fail');
  });

  it('says the hook command fails without guessing why when it does not call the app', () => {
    const [f] = analyzeLifecycleHooks(hookScenario('/opt/register.sh'));
    expect(f?.likelyCause).not.toContain('calls the app itself');
  });

  it('leaves the kill to the hook: no SIGTERM finding suspecting probes or memory', () => {
    expect(analyzeSignalKills(hookScenario())).toEqual([]);
  });

  it('finds nothing without hook events', () => {
    expect(analyzeLifecycleHooks(baseEvidence())).toEqual([]);
  });
});

/**
 * Revision 6 moved the image to a distroless base; revision 7 rolled out 16 minutes ago. The preStop
 * hook `sleep 15` ran in each stopping revision-6 pod (gone now) and failed at once: the image has
 * no sleep binary, so the kubelet sent SIGTERM while the endpoints still held the pods.
 */
function missingBinaryScenario() {
  const hooks = { preStop: 'sleep 15' };
  const rev7 = { revision: 7, hash: '5f7d9c8b64' };
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: rev7.hash, createdAt: minutesAgo(15), containers: [container({ hooks })] }));
  const gone = [0, 1, 2].map((i) => podName(REV6.hash, i));
  const message = (name: string) => `Exec lifecycle hook ([sleep 15]) for Container "app" in Pod "${name}_${NS}(4f1d2c7a-6a2e-4c1f-8b7d-0e5a91c3d2f0)" failed - error: command 'sleep 15' exited with 126: , message: "OCI runtime exec failed: exec failed: unable to start container process: exec: \\"sleep\\": executable file not found in $PATH: unknown\\r\\n"`;
  const events = gone.map((name, i) => event({ object: { kind: 'Pod', name, namespace: NS, fieldPath: 'spec.containers{app}' }, reason: 'FailedPreStopHook', message: message(name), firstSeen: minutesAgo(15 - i), lastSeen: minutesAgo(15 - i) }));
  const image = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:${v}`;
  return baseEvidence({
    pods,
    events,
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(19 * 24 * 60), { changeCause: 'argocd: payment-service 2.13.0', containers: [revisionContainer({ image: image('2.13.0'), hooks })] }),
      revision(REV6, minutesAgo(4 * 24 * 60), { changeCause: 'argocd: payment-service 2.14.0 (runtime image gcr.io/distroless/cc-debian12:nonroot)', containers: [revisionContainer({ image: image('2.14.0'), hooks })] }),
      revision(rev7, minutesAgo(16), { replicas: 3, changeCause: 'argocd: payment-service 2.14.1', containers: [revisionContainer({ image: image('2.14.1'), hooks })] }),
    ],
  });
}

describe('a preStop hook whose command is not in the image', () => {
  it('is a problem: names the hook, the missing binary, the image base and the native sleep action', () => {
    const [f] = analyzeLifecycleHooks(missingBinaryScenario());
    expect(f?.severity).toBe('warning');
    expect(f?.title).toContain('preStop hook `sleep 15`');
    expect(f?.title).toContain('"sleep" is not in the image');
    expect(f?.title).toContain('SIGTERM');
    expect(f?.evidence.join('\n')).toContain('executable file not found in $PATH');
    expect(f?.evidence.join('\n')).toContain('FailedPreStopHook');
    expect(f?.evidence.join('\n')).toContain('revision 6');
    expect(f?.likelyCause).toContain('distroless');
    expect(f?.nextAction).toContain('lifecycle.preStop.sleep.seconds: 15');
    expect(f?.outsideWorkload).toContain('revision 6');
  });

  it('is not blamed on the newest rollout: the headline names the hook and offers no rollback', () => {
    const r = buildTriageReport(missingBinaryScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/preStop/);
    expect(r.headline).toMatch(/sleep/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('stays context when the hook failed for another reason (its exit code)', () => {
    const ev = missingBinaryScenario();
    const events = ev.events.map((e) => ({ ...e, message: 'PreStopHook failed' }));
    const [f] = analyzeLifecycleHooks({ ...ev, events });
    expect(f?.severity).toBe('info');
  });
});
