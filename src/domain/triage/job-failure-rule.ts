// A Job failed by its podFailurePolicy (condition Failed, reason PodFailurePolicy): a rule with
// action FailJob matched a failed pod (an exit code of a container, or a pod condition) and ended
// the whole Job at once, with no retry. The retry limit played no part, so it is not named; the
// rule that fired is.
import type { ConditionEvidence, JobEvidence } from './evidence.js';
import type { PodFailureRuleEvidence } from './evidence-job-policy.js';

export interface FailingRule {
  /** "podFailurePolicy rule FailJob on exit code 42 of container import". */
  rule: string;
  /** "Its podFailurePolicy rule FailJob on exit code 42 of container import failed the whole Job at once, with no retry: …". */
  cause: string;
}

/** "exit code 42 of container import" from the rule's onExitCodes ("import In (42)"), or its pod conditions. */
function describeMatch(rule: PodFailureRuleEvidence | undefined, code: number | undefined, container: string | undefined): string | undefined {
  const codes = rule?.onExitCodes?.match(/^(?:(\S+) )?(In|NotIn) \(([^)]*)\)$/);
  if (codes) {
    const [, name, operator, values] = codes;
    const who = name ?? container;
    const on = code !== undefined ? `exit code ${code}` : operator === 'In' ? `exit code ${values ?? ''}` : `an exit code not in (${values ?? ''})`;
    return `${on}${who ? ` of container ${who}` : ''}`;
  }
  if (rule?.onPodConditions?.length) return `pod condition ${rule.onPodConditions.join(', ')}`;
  return code !== undefined ? `exit code ${code}${container ? ` of container ${container}` : ''}` : undefined;
}

/**
 * The rule that failed the Job, when its Failed condition's reason is PodFailurePolicy: the
 * controller's message names the container, the exit code and the rule's index ("Container import
 * for pod ns/p failed with exit code 42 matching FailJob rule at index 0"); the rule itself comes
 * from the Job's spec when read.
 */
export function findFailingRule(job: JobEvidence, failed: ConditionEvidence | undefined): FailingRule | undefined {
  if (failed?.reason !== 'PodFailurePolicy') return undefined;
  const message = failed.message ?? '';
  const exit = message.match(/^Container (\S+) for pod \S+ failed with exit code (\d+) matching (\w+) rule at index (\d+)/);
  const byCondition = message.match(/^Pod \S+ has condition (\w+) matching (\w+) rule at index (\d+)/);
  const index = Number(exit?.[4] ?? byCondition?.[3] ?? NaN);
  const rule = Number.isInteger(index) ? job.podFailureRules?.[index] : undefined;
  const action = exit?.[3] ?? byCondition?.[2] ?? rule?.action ?? 'FailJob';
  const code = exit?.[2] !== undefined ? Number(exit[2]) : undefined;
  const on = byCondition ? `pod condition ${byCondition[1] ?? ''}` : describeMatch(rule, code, exit?.[1]);
  const told = `podFailurePolicy rule ${action}${on ? ` on ${on}` : ''}`;
  return {
    rule: told,
    cause: byCondition || (rule?.onPodConditions?.length && !rule.onExitCodes)
      ? `The Job's ${told} failed the whole Job at the first pod with that condition, with no retry; the pod's conditions and events say what set it.`
      : `The Job's ${told} failed the whole Job at the first such pod, with no retry: the run itself chose to stop (an exit code the program keeps for a failure a retry would not mend), and its last log lines say why.`,
  };
}
