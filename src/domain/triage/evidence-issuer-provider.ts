/**
 * The identity provider behind an issuer the workload refuses, when it runs in the cluster: the
 * Deployment or StatefulSet (any namespace) whose pod template names the issuer's host (Keycloak's
 * KC_HOSTNAME, Dex's issuer, a frontend URL), with the settings that name it in its newest two
 * revisions. Read only when the workload refuses every token for its issuer (token-issuer-mismatch.ts).
 */
import type { IsoTime } from './evidence-spec.js';

export interface IssuerProviderEvidence {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
  /** The host of the issuer the refused tokens carry: "login.example.org". */
  host: string;
  /** Its newest revision, and when it was made. */
  revision: number;
  createdAt: IsoTime;
  /** The literal env values and args of the newest revision that name the host, with what the revision before held there. */
  settings: { name: string; value: string; before?: string }[];
  /** The revision before, when kept. */
  previousRevision?: number;
}
