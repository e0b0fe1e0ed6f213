/**
 * A Deployment's own rollout settings. They, not the new code, decide whether old pods serve while
 * new ones start (Recreate stops them all first) and how long a rollout may take before the
 * controller calls it failed (a pod counts as available only after minReadySeconds of readiness).
 */
export interface DeploymentRolloutEvidence {
  /** spec.strategy.type (the API defaults it to RollingUpdate). */
  strategy: 'RollingUpdate' | 'Recreate';
  /** spec.minReadySeconds as written; absent when the API reported none. */
  minReadySeconds?: number;
  /** spec.progressDeadlineSeconds as written (the API server defaults it to 600). */
  progressDeadlineSeconds?: number;
  /** RollingUpdate: spec.strategy.rollingUpdate.maxUnavailable and maxSurge as written ("25%", "1"); absent when not reported. */
  maxUnavailable?: string;
  maxSurge?: string;
}
