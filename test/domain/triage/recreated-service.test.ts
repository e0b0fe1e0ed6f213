// Pods that dial the old ClusterIP of a Service that was deleted and re-created: the kubelet
// injected <NAME>_SERVICE_HOST at their start. The finding must name the Service and the restart,
// not a NetworkPolicy.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod, running, service } from './scenarios/builders.js';

const OLD = '172.20.41.17';
const NEW = '172.20.88.203';

function scenario(): TriageEvidence {
  const stale = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, state: running(4 * 24 * 60) })] }));
  const fresh = pod(2, { createdAt: minutesAgo(12), startTime: minutesAgo(12), containers: [container({ state: running(12) })] });
  const line = `{"level":"WARN","msg":"readiness check failed","error":"dial tcp ${OLD}:6379: i/o timeout"}`;
  return baseEvidence({
    pods: [...stale, fresh],
    services: [service(), service({ name: 'session-store', clusterIP: NEW, selector: { app: 'redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379, protocol: 'TCP' }], createdAt: minutesAgo(30) })],
    logs: [
      ...stale.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`{"msg":"session store configured","addr":"${OLD}:6379","source":"SESSION_STORE_SERVICE_HOST"}`, line, line] })),
      { pod: fresh.name, container: 'app', previous: false, lines: [`{"msg":"session store configured","addr":"${NEW}:6379"}`] },
    ],
  });
}

describe('pods that dial the old ClusterIP of a re-created Service', () => {
  it('names the Service, its new ClusterIP and the injected variable, and says to restart', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain(`${OLD} is the old ClusterIP of Service session-store, re-created 30m ago with ${NEW}`);
    expect(f?.likelyCause).toContain('SESSION_STORE_SERVICE_HOST');
    expect(f?.nextAction).toMatch(/^Restart the pods/);
    expect(`${f?.likelyCause} ${f?.nextAction} ${f?.confirmCommands.join(' ')}`).not.toMatch(/network ?polic/i);
    expect(f?.evidence.join('\n')).toContain('pods started since work with the new address');
  });

  it('leaves an address when the pods started after the Service was created', () => {
    const ev = scenario();
    ev.services = ev.services.map((s) => (s.name === 'session-store' ? { ...s, createdAt: minutesAgo(6 * 24 * 60) } : s));
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).not.toContain('old ClusterIP');
  });
});
