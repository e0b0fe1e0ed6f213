// What a Kafka cluster's own logs say about the SCRAM credentials it holds for its users (a KRaft
// controller replaying a UserScramCredentialRecord, kafka-configs' description of a user), read
// only when its clients' SCRAM logins are refused (scram-mechanism.ts).

/** One line of a member's log about a user's SCRAM credentials, as logged. */
export interface ScramCredentialLine {
  pod: string;
  line: string;
}
