import { describe, expect, it } from 'vitest';
import { formatKubectl } from '../../../src/domain/triage/kubectl-command.js';
import type { TriageTarget } from '../../../src/domain/triage/evidence.js';

const target: TriageTarget = { service: 'cart', namespace: 'shop', kind: 'Deployment', name: 'cart', context: 'prod' };

describe('formatKubectl', () => {
  it('appends the namespace and context to a plain command', () => {
    expect(formatKubectl(target, 'get pods')).toBe('kubectl get pods -n shop --context prod');
    expect(formatKubectl(target, 'get nodes', 'cluster')).toBe('kubectl get nodes --context prod');
  });

  it("puts kubectl's own flags before `--`, so they do not land in the pod's command", () => {
    expect(formatKubectl(target, 'exec redis-0 -- redis-cli cluster info')).toBe('kubectl exec redis-0 -n shop --context prod -- redis-cli cluster info');
  });

  it('puts them before a pipe, so they reach kubectl and not the command it feeds', () => {
    expect(formatKubectl(target, "get configmap app -o jsonpath='{.data}' | jq keys")).toBe("kubectl get configmap app -o jsonpath='{.data}' -n shop --context prod | jq keys");
  });

  it('does not split inside a quoted argument', () => {
    expect(formatKubectl(target, "get pods -o jsonpath='{.items[*].metadata.name} | x'")).toBe("kubectl get pods -o jsonpath='{.items[*].metadata.name} | x' -n shop --context prod");
  });
});
