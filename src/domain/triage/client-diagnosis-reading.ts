/** How a client library's own diagnosis is told (client-diagnosis.ts): the clause the title ends with, the cause, the next action, the fix. */
export interface ClientDiagnosis {
  /** For the title: what fails and how, in a clause. */
  summary: string;
  /** The whole title, when the diagnosis names what failed better than a count of error lines does (`where` says which logs). */
  title?: (where: string) => string;
  /** The line to quote when the last error line is only a wrapper of the diagnosed one ("KafkaException: Send failed"). */
  decisive?: string;
  likelyCause: string;
  nextAction: string;
  fix: string;
  /** A shared sink refusing its senders' data for its own load (a collector's memory_limiter): the sender that rolled out before it began is the trigger (sink-senders.ts). */
  refusesSenders?: true;
  /**
   * The fault is in the code the pods started with and only waits for what meets it (two calls at
   * once): their start dates it, so errors that begin late still point at the revision that started them. Says why.
   */
  latent?: string;
  /** No rollback is the way back (the refusal is an identity's role outside the cluster): says why, for the verdict (Finding.noRollback). */
  noRollback?: string;
  /** The summary dates the change behind the failure (a server's rollout under the unchanged client). */
  datesChange?: true;
  /** What the diagnosis read beyond the logs (the server's revisions), stated with the finding's evidence. */
  evidence?: readonly string[];
}
