import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { ContainerSpecEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { minutesAgo, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

// E2BIG at exec: one environment string over 128 KiB, usually a ConfigMap value injected as env.

const E2BIG = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /app/run.sh: argument list too long: unknown';

function withSpec(ev: TriageEvidence, spec: Pick<ContainerSpecEvidence, 'env' | 'envFrom'>): void {
  for (const p of ev.pods) for (const c of p.containers) Object.assign(c, spec);
}

/** Two pods fail to start since ConfigMap pricing-rules changed 40m ago; their key RULES_JSON is 150,000 bytes. */
function bigValueScenario(spec: Pick<ContainerSpecEvidence, 'env' | 'envFrom'> = { envFrom: [{ kind: 'configMap', name: 'pricing-rules' }, { kind: 'secret', name: 'db' }] }, bytes = 150_000): TriageEvidence {
  const ev = crashScenario(2, () => terminated(128, 'StartError', 1, { message: E2BIG, runSeconds: 0 }));
  withSpec(ev, spec);
  ev.namespaceObjects = [
    { kind: 'ConfigMap', name: 'pricing-rules', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(40), keys: ['RULES_JSON', 'RULES_VERSION'], largeKeys: [{ key: 'RULES_JSON', bytes }] },
  ];
  return ev;
}

describe('a container whose environment is too big to exec', () => {
  it('names the ConfigMap key past 128 KiB, its size and envFrom, and scopes it to containers started since', () => {
    const [f] = analyzeExitCodes(bigValueScenario());
    expect(f?.title).toBe('Container app cannot start: the runtime failed to run it (exit 128) on 2/5 pods: ConfigMap pricing-rules key RULES_JSON (146.5Ki, injected with envFrom) is past Linux\'s 128 KiB limit on one environment variable');
    expect(f?.evidence).toContain('ConfigMap pricing-rules, changed 40m ago: key RULES_JSON is 150000 bytes (146.5Ki), over the 131072-byte limit; app gets it as env RULES_JSON (envFrom)');
    expect(f?.likelyCause).toContain('3 pods started before the change hold the old, smaller value and keep running');
    expect(f?.fix).toBe('shrink RULES_JSON of ConfigMap pricing-rules below 128 KiB, or mount pricing-rules as a file instead of envFrom');
    expect(f?.confidence).toBe('high');
  });

  it('names the variable of a valueFrom reference', () => {
    const [f] = analyzeExitCodes(bigValueScenario({ env: [{ name: 'PRICING', ref: { kind: 'configMap', name: 'pricing-rules', key: 'RULES_JSON' } }] }));
    expect(f?.title).toContain('ConfigMap pricing-rules key RULES_JSON (146.5Ki, injected as env PRICING via valueFrom)');
  });

  it('dates it from the ConfigMap change in the headline, with the key, and offers no rollback', () => {
    const ev = bigValueScenario();
    const d = diagnose(ev, analyzeExitCodes(ev));
    expect(d?.headline).toMatch(/^Since ConfigMap pricing-rules was changed 40m ago: .*RULES_JSON.*envFrom.*argument list too long/);
    expect(d?.headline).not.toMatch(/roll back/i);
  });

  it('says what E2BIG means and where to look when no ConfigMap value is that big', () => {
    for (const ev of [bigValueScenario(undefined, 90_000), bigValueScenario({ envFrom: [{ kind: 'secret', name: 'db' }] })]) {
      const [f] = analyzeExitCodes(ev);
      expect(f?.title).toMatch(/its environment or arguments are too big to exec \(E2BIG\)$/);
      expect(f?.likelyCause).toContain('128 KiB');
      expect(f?.likelyCause).toContain('Secret db injected as env');
      expect(f?.likelyCause).toContain('enableServiceLinks');
      expect(f?.title).not.toContain('RULES_JSON');
    }
  });

  it('suspects service links first when the namespace has thousands of Services', () => {
    const ev = bigValueScenario({ envFrom: [] });
    const one = ev.services[0]!;
    ev.services = Array.from({ length: 3000 }, (_, i) => ({ ...one, name: `tenant-${i}` }));
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toMatch(/enableServiceLinks adds link variables for the namespace's 3000 Services$/);
    expect(f?.fix).toBe('set enableServiceLinks: false in the pod template');
    for (const p of ev.pods) p.enableServiceLinks = false;
    expect(analyzeExitCodes(ev)[0]?.title).not.toContain('enableServiceLinks');
  });

  it('reads the older runtimes\' form in the log, and not an app\'s own failed spawn', () => {
    const docker = 'standard_init_linux.go:228: exec user process caused: argument list too long';
    const spawn = 'Error: spawn E2BIG at ChildProcess.spawn (node:internal/child_process:413:11)';
    const at = (line: string) => {
      const ev = crashScenario(2, () => terminated(1, 'Error', 1, { runSeconds: 0 }), { logs: [line] });
      withSpec(ev, { envFrom: [{ kind: 'configMap', name: 'pricing-rules' }] });
      ev.namespaceObjects = bigValueScenario().namespaceObjects ?? [];
      return analyzeExitCodes(ev)[0]?.title ?? '';
    };
    expect(at(docker)).toContain('ConfigMap pricing-rules key RULES_JSON (146.5Ki, injected with envFrom)');
    expect(at(spawn)).not.toMatch(/RULES_JSON|too big to exec/);
  });

  it('leaves other start failures alone, even beside a large ConfigMap value', () => {
    const ev = bigValueScenario();
    for (const p of ev.pods) for (const c of p.containers) {
      if (c.lastState && 'terminated' in c.lastState) c.lastState.terminated.message = E2BIG.replace('argument list too long', 'permission denied');
    }
    expect(analyzeExitCodes(ev)[0]?.title).not.toMatch(/RULES_JSON|E2BIG/);
  });
});
