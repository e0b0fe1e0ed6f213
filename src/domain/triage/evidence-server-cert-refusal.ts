/**
 * What the server says of a client certificate it refuses: the workload's pods log only the alert
 * the server sent ("remote error: tls: bad certificate"), the server's own log says why (an
 * x509 verification error). Read from one serving pod of the Service the pods' env names, only when
 * their logs show that alert (client-cert-refused.ts).
 */
export interface ServerCertRefusalEvidence {
  namespace: string;
  /** The Service the workload's env names as its server. */
  service: string;
  /** The serving pod whose log was read. */
  pod: string;
  /** Its lines that say why a client certificate failed verification (at most four). */
  lines: string[];
}
