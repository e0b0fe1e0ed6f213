import { describe, expect, it } from 'vitest';
import { analyzeContainerConfig } from '../../../../src/domain/triage/analyzers/container-config.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

function stuck(message: string) {
  return baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i, { ready: false, phase: 'Pending', containers: [container({ ready: false, state: { waiting: { reason: 'CreateContainerConfigError', message } } })] })),
  });
}

describe('analyzeContainerConfig', () => {
  it('names the missing Secret and gives a metadata-only command to check it', () => {
    const [f] = analyzeContainerConfig(stuck('secret "payment-db-v2" not found'));
    expect(f?.title).toBe('Container app cannot be created: Secret payment-db-v2 not found (3/5 pods)');
    expect(f?.confidence).toBe('high');
    expect(f?.severity).toBe('critical');
    expect(f?.confirmCommands).toContain('kubectl get secret payment-db-v2 -n payments --context prod-eu-west-1');
  });

  it('names a missing key of an existing ConfigMap', () => {
    const [f] = analyzeContainerConfig(stuck("couldn't find key FEATURE_FLAGS in ConfigMap payments/payment-service-config"));
    expect(f?.title).toContain('key FEATURE_FLAGS missing from ConfigMap payment-service-config');
    expect(f?.confirmCommands).toContain('kubectl describe configmap payment-service-config -n payments --context prod-eu-west-1');
  });

  it('speaks of the ConfigMap the kubelet names, not of Secrets, when a ConfigMap is missing', () => {
    const [f] = analyzeContainerConfig(stuck('configmap "orders-config-5t9k2" not found'));
    expect(f?.title).toBe('Container app cannot be created: ConfigMap orders-config-5t9k2 not found (3/5 pods)');
    for (const text of [f?.title, f?.likelyCause, f?.nextAction, f?.fix]) expect(text).not.toMatch(/secret/i);
  });

  it('still says Secret, and that the bot does not read it, when a Secret is missing', () => {
    const [f] = analyzeContainerConfig(stuck('secret "orders-db" not found'));
    expect(f?.nextAction).toMatch(/never reads Secrets/);
  });

  it('speaks of the ConfigMap when a key is missing from one', () => {
    const [f] = analyzeContainerConfig(stuck("couldn't find key LOG_LEVEL in ConfigMap payments/orders-config"));
    expect(`${f?.nextAction} ${f?.fix}`).not.toMatch(/secret/i);
  });

  it('falls back to the kubelet reason with medium confidence for unknown messages', () => {
    const [f] = analyzeContainerConfig(stuck('failed to sync configmap cache: timed out waiting for the condition'));
    expect(f?.title).toContain('CreateContainerConfigError');
    expect(f?.confidence).toBe('medium');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeContainerConfig(healthyScenario())).toEqual([]);
  });
});
