import { describe, expect, it } from 'vitest';
import { analyzeLifecycleHooks } from '../../../../src/domain/triage/analyzers/lifecycle-hook.js';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import { NS, baseEvidence, container, event, minutesAgo, pod, terminated } from '../scenarios/builders.js';

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
