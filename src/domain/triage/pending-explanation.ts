/** Why pods the scheduler refuses wait, as one of failed-scheduling's explainers tells it, and the safe way out. */
export interface PendingExplanation {
  /** Said after the scheduler's reasons in the title. */
  detail: string;
  /** The line that decides it, quoted in the headline, when one does. */
  decisive?: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** Pods of any revision wait the same way: see Finding.outsideWorkload. */
  outsideWorkload: string;
  confirm: string[];
}
