/**
 * The resolver options of the namespace's other Deployments, read only when the workload's lookups
 * stall at the resolver timeout (lookup-stall.ts): a sibling that already sets single-request-reopen
 * or use-vc shows the fix is known and how this namespace writes it.
 */

export interface ResolverPeerEvidence {
  deployment: string;
  /** Its pod template's spec.dnsConfig.options as resolv.conf writes them ("ndots:2", "single-request-reopen"). */
  options: string[];
}
