/** How a client library's own diagnosis is told (client-diagnosis.ts): the clause the title ends with, the cause, the next action, the fix. */
export interface ClientDiagnosis {
  /** For the title: what fails and how, in a clause. */
  summary: string;
  likelyCause: string;
  nextAction: string;
  fix: string;
}
