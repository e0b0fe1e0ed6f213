// A Deployment's spec.strategy.type, minReadySeconds and progressDeadlineSeconds → DeploymentRolloutEvidence.
import type * as k8s from '@kubernetes/client-node';
import type { DeploymentRolloutEvidence } from '../../domain/triage/evidence-rollout.js';

export function mapRolloutSettings(spec: k8s.V1DeploymentSpec | undefined): DeploymentRolloutEvidence {
  return {
    strategy: spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate',
    ...(typeof spec?.minReadySeconds === 'number' ? { minReadySeconds: spec.minReadySeconds } : {}),
    ...(typeof spec?.progressDeadlineSeconds === 'number' ? { progressDeadlineSeconds: spec.progressDeadlineSeconds } : {}),
  };
}
