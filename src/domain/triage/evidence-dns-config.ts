// The cluster DNS's own configuration: the Corefile of kube-system's CoreDNS ConfigMap, read only
// when the workload's lookups answer "no such host" (NXDOMAIN). An edited Corefile (a stub domain's
// server block removed) sends outside names to the wrong resolver; a long denial TTL in its cache
// keeps a Service created after its first lookup missing (dns-denial-cache.ts).
import type { IsoTime } from './evidence-spec.js';

export interface DnsConfigEvidence {
  namespace: string;
  /** The ConfigMap: "coredns". */
  name: string;
  /** Its `Corefile` key as written (clipped). ConfigMap data, never a Secret. */
  corefile: string;
  createdAt?: IsoTime;
  /** The newest managedFields time: when it was last edited. */
  changedAt?: IsoTime;
}
