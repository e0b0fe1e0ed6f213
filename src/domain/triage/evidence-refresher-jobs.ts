/**
 * What the newest failed run of a CronJob that rewrites the workload's image pull secret said,
 * from its log tail: read only when the registry refuses the pods' pulls for their credentials
 * (pull-secret-refresher.ts). One run; only its error lines kept.
 */
export interface RefresherJobLogEvidence {
  /** The Job and the pod whose log this is. */
  job: string;
  pod: string;
  container: string;
  /** Its error lines, clipped. */
  lines: string[];
  /** How its container ended, when it did. */
  terminated?: { reason?: string; exitCode?: number };
}
