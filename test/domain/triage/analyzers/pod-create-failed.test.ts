import { describe, expect, it } from 'vitest';
import { analyzePodCreateFailures } from '../../../../src/domain/triage/analyzers/pod-create-failed.js';
import { APP, NS, REV7, baseEvidence, event, minutesAgo, pod } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

function refused(message: string, when = 1) {
  return baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i)),
    events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message, count: 17, firstSeen: minutesAgo(when + 15), lastSeen: minutesAgo(when), source: 'replicaset-controller' })],
  });
}

describe('analyzePodCreateFailures', () => {
  it('names an exhausted ResourceQuota, in the capacity layer', () => {
    const [f] = analyzePodCreateFailures(refused(`Error creating: pods "${APP}-${REV7.hash}-w9x2c" is forbidden: exceeded quota: payments-compute, requested: limits.memory=512Mi, used: limits.memory=19968Mi, limited: limits.memory=20Gi`));
    expect(f?.title).toBe('Pods cannot be created: ResourceQuota payments-compute exhausted');
    expect(f?.layer).toBe('capacity');
    expect(f?.evidence[0]).toContain('FailedCreate ×17 over 15m');
    expect(f?.evidence).toContain('3 pods exist of 5 desired');
    expect(f?.confirmCommands).toContain('kubectl describe resourcequota payments-compute -n payments --context prod-eu-west-1');
  });

  it.each([
    [`Error creating: pods "${APP}-${REV7.hash}-w9x2c" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)`, 'violate PodSecurity "restricted:latest"'],
    [`Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: resource Pod/payments/x was blocked due to the following policies: require-requests-limits`, 'admission webhook validate.kyverno.svc-fail'],
    [`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: error looking up service account payments/payment-service-v2: serviceaccount "payment-service-v2" not found`, 'ServiceAccount payment-service-v2 not found'],
  ])('classifies %s', (message, words) => {
    expect(analyzePodCreateFailures(refused(message))[0]?.title).toContain(words);
  });

  it('ignores FailedCreate events older than a day and healthy workloads', () => {
    expect(analyzePodCreateFailures(refused('Error creating: exceeded quota: payments-compute', 2 * 24 * 60))).toEqual([]);
    expect(analyzePodCreateFailures(healthyScenario())).toEqual([]);
  });
});
