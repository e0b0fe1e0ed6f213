/**
 * cert-manager's HTTP-01 solver pods of the workload's namespace (label
 * acme.cert-manager.io/http01-solver=true), and the lines of other workloads' logs there that say a
 * certificate has expired. A solver lives for the minutes a Challenge takes; one that has stayed for
 * hours means a Challenge that never completes, so the certificate it renews runs out
 * (acme-challenge.ts).
 */
import type { IsoTime } from './evidence-spec.js';

export interface AcmeSolverPodEvidence {
  name: string;
  createdAt?: IsoTime;
  labels: Record<string, string>;
  /** The port it listens on (its container port, cert-manager's default 8089). */
  port?: number;
  /** The domain it answers for (its --domain argument). */
  domain?: string;
  /** The Challenge that owns it. */
  challenge?: string;
}

export interface AcmeSolversEvidence {
  pods: AcmeSolverPodEvidence[];
  /** Lines of other workloads' current logs in the namespace saying a certificate has expired (x509). */
  expiredLines: { pod: string; line: string }[];
}
