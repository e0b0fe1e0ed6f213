import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { ContainerSpecEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { minutesAgo, service, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// Values Kubernetes computes into a container's environment: service links and Downward API values.

const RUBY_LOG = [
  '[1] * Preloading application',
  'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
  `/app/config/initializers/cache.rb:3:in 'Integer': invalid value for Integer(): "tcp://10.96.14.7:6379" (ArgumentError)`,
  "\tfrom /app/config/initializers/cache.rb:3:in '<main>'",
];

/** Two pods started after a Service named session-cache appeared in the namespace, crashing on its link variable. */
function serviceLinkScenario(over: (ev: TriageEvidence) => void = () => {}): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs: RUBY_LOG });
  ev.services = [...ev.services, service({ name: 'session-cache', clusterIP: '10.96.14.7', selector: { app: 'session-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379, protocol: 'TCP' }] })];
  ev.namespaceObjects = [...(ev.namespaceObjects ?? []), { kind: 'Service', name: 'session-cache', createdAt: minutesAgo(45) }];
  over(ev);
  return ev;
}

function withEnv(ev: TriageEvidence, env: ContainerSpecEvidence['env']): void {
  for (const p of ev.pods) for (const c of p.containers) c.env = env;
}

describe('a service link the app reads as a number', () => {
  it('names the injected variable, the Service behind it and enableServiceLinks', () => {
    const [f] = analyzeExitCodes(serviceLinkScenario());
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods: it cannot parse SESSION_CACHE_PORT="tcp://10.96.14.7:6379", the service link the kubelet injects for Service session-cache');
    expect(f?.likelyCause).toContain('enableServiceLinks');
    expect(f?.likelyCause).toContain('The 3 pods whose containers started before it still run with the old environment');
    expect(f?.fix).toBe('set enableServiceLinks: false (or set SESSION_CACHE_PORT explicitly)');
    expect(f?.affected?.services).toEqual(['session-cache']);
  });

  it("dates the failure from the Service's creation in the headline, and offers no rollback", () => {
    const ev = serviceLinkScenario();
    const d = diagnose(ev, analyzeExitCodes(ev));
    expect(d?.headline).toMatch(/^Since Service session-cache was created 45m ago: .*SESSION_CACHE_PORT/);
    expect(d?.headline).not.toMatch(/roll back/i);
  });

  it('is no service link when the template sets the variable, the pods turn links off, or no Service has that address', () => {
    const set = serviceLinkScenario((ev) => withEnv(ev, [{ name: 'SESSION_CACHE_PORT', value: 'tcp://10.96.14.7:6379' }]));
    const off = serviceLinkScenario((ev) => { for (const p of ev.pods) p.enableServiceLinks = false; });
    const elsewhere = serviceLinkScenario((ev) => { ev.services = ev.services.filter((s) => s.name !== 'session-cache'); });
    for (const ev of [set, off, elsewhere]) expect(analyzeExitCodes(ev)[0]?.title).not.toContain('service link');
  });
});

const JVM_LOG = [
  '+ exec java -Xmx536870912m -XX:+UseG1GC -jar /app/app.jar',
  'Error occurred during initialization of VM',
  'Could not reserve enough space for 549755813888KB object heap',
];

describe('a JVM heap sized from the Downward API', () => {
  it('expands -Xmx$(VAR)m with the memory limit in bytes and says to add a divisor', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs: JVM_LOG });
    withEnv(ev, [{ name: 'HEAP_MB', ref: { kind: 'resource', name: 'app', key: 'limits.memory' } }, { name: 'JAVA_TOOL_OPTIONS', value: '-Xmx$(HEAP_MB)m -XX:+UseG1GC' }]);
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe('Container app exits with code 1 on 1/5 pods: -Xmx$(HEAP_MB)m asks for a 512Ti heap, HEAP_MB is the memory limit in bytes (Downward API without a divisor)');
    expect(f?.decisive).toBe('Could not reserve enough space for 549755813888KB object heap');
    expect(f?.evidence).toContain('HEAP_MB=536870912 (limits.memory of container app through the Downward API, in bytes (no divisor))');
    expect(f?.fix).toBe('add divisor: 1Mi to the resourceFieldRef of HEAP_MB');
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/\bOOM|increase (the )?memory limit/i);
  });

  it('blames the flag itself when no computed value is involved', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs: ['Error occurred during initialization of VM', 'Could not reserve enough space for 67108864KB object heap'] });
    withEnv(ev, [{ name: 'JAVA_OPTS', value: '-Xmx64g' }]);
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe('Container app exits with code 1 on 1/5 pods: the JVM refuses its heap, -Xmx64g asks for 64Gi against a 512Mi container limit');
    expect(f?.fix).toBe('size -Xmx64g below the container limit');
  });
});
