// A Job's spec.podFailurePolicy: which pod failures count against backoffLimit. A rule with action
// Ignore on the DisruptionTarget condition makes preemptions, drains and taint evictions free.

/** One rule of spec.podFailurePolicy.rules, in order (the first that matches a failed pod applies). */
export interface PodFailureRuleEvidence {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';
  /** onPodConditions: the condition types the rule matches (with their status when not True: "Ready=False"). */
  onPodConditions?: string[];
  /** onExitCodes rendered: "embed In (42)", "NotIn (0)". */
  onExitCodes?: string;
}
