/**
 * The log tail of a Job's run that binds as the same directory account whose binds the workload
 * sees refused as locked out (AD data 775): read only then (ad-bind-refusal.ts), at most a few
 * runs, only the lines that carry a bind refusal kept.
 */
export interface AccountJobLogEvidence {
  /** The Job (one run of a CronJob) and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  /** Its lines carrying an AD bind refusal ("AcceptSecurityContext error, data 52e"), clipped. */
  lines: string[];
}
