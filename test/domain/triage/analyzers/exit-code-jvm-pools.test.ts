import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { ContainerSpecEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// A JVM that runs out of one of its own non-heap pools (class metadata) exits on its own: the flag
// that caps that pool is the cause, not the heap's size and not the container's memory limit.

const METASPACE_LOG = [
  'Picked up JAVA_OPTS: -Xmx384m -XX:MaxMetaspaceSize=48m',
  '2026-11-21T03:11:02.114Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed',
  'java.lang.OutOfMemoryError: Metaspace',
  '\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)',
];

function withEnv(ev: TriageEvidence, env: ContainerSpecEvidence['env']): TriageEvidence {
  for (const p of ev.pods) for (const c of p.containers) c.env = env;
  return ev;
}

describe('a JVM out of Metaspace', () => {
  const ev = () => withEnv(crashScenario(1, () => terminated(1, 'Error', 2), { logs: METASPACE_LOG }), [{ name: 'JAVA_OPTS', value: '-Xmx384m -XX:MaxMetaspaceSize=48m' }]);

  it('names the MaxMetaspaceSize cap, not the heap flag', () => {
    const [f] = analyzeExitCodes(ev());
    expect(f?.title).toBe('Container app exits with code 1 on 1/5 pods: java.lang.OutOfMemoryError: Metaspace; -XX:MaxMetaspaceSize=48m (env JAVA_OPTS) caps class metadata at 48Mi');
    expect(f?.fix).toMatch(/MaxMetaspaceSize/);
    expect(f?.fix).not.toMatch(/Xmx/);
    expect(f?.nextAction).toMatch(/MaxMetaspaceSize/);
  });

  it('never calls the exit an OOM kill, not even to deny it', () => {
    const [f] = analyzeExitCodes(ev());
    expect([f?.title, f?.likelyCause, f?.nextAction, f?.fix].join('\n')).not.toMatch(/OOMKilled|OOM[- ]?kill/i);
  });
});
