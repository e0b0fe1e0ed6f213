// The cluster DNS's Service as kube-system holds it: the Services there that select the DNS pods
// (kube-dns, and a node-local cache's upstream Service). Read only when the workload's lookups time
// out toward a nameserver their lines name while every DNS pod is ready (dns-service.ts): the
// kubelets write their clusterDNS setting into each pod's resolv.conf, and that address must be
// this Service's ClusterIP.
import type { IsoTime } from './evidence-spec.js';

export interface DnsServiceEvidence {
  namespace: string;
  name: string;
  /** spec.clusterIPs (spec.clusterIP first); empty for a headless Service. */
  clusterIPs: string[];
  /** metadata.creationTimestamp: a re-created Service is a new object with a new address unless one is pinned. */
  createdAt?: IsoTime;
  /** The Helm release that manages it (meta.helm.sh/release-name), when one does: a re-install deletes and re-creates it. */
  helmRelease?: string;
}
