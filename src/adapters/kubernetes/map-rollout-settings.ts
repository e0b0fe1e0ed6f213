// A Deployment's spec.strategy (type, RollingUpdate's maxUnavailable and maxSurge), minReadySeconds and progressDeadlineSeconds → DeploymentRolloutEvidence.
import type * as k8s from '@kubernetes/client-node';
import type { DeploymentRolloutEvidence } from '../../domain/triage/evidence-rollout.js';

function asText(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function mapRolloutSettings(spec: k8s.V1DeploymentSpec | undefined): DeploymentRolloutEvidence {
  const recreate = spec?.strategy?.type === 'Recreate';
  const rolling = recreate ? undefined : (spec?.strategy?.rollingUpdate as { maxUnavailable?: unknown; maxSurge?: unknown } | undefined);
  const maxUnavailable = asText(rolling?.maxUnavailable);
  const maxSurge = asText(rolling?.maxSurge);
  return {
    strategy: recreate ? 'Recreate' : 'RollingUpdate',
    ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
    ...(maxSurge !== undefined ? { maxSurge } : {}),
    ...(typeof spec?.minReadySeconds === 'number' ? { minReadySeconds: spec.minReadySeconds } : {}),
    ...(typeof spec?.progressDeadlineSeconds === 'number' ? { progressDeadlineSeconds: spec.progressDeadlineSeconds } : {}),
  };
}
