/** What a DNS failure's resolver turned out to be, told in a finding's words (pod-resolver.ts, dns-upstream.ts, dns-service.ts). */
export interface ResolverDiagnosis {
  /** Appended to the finding's title: ": the node-local DNS cache (169.254.20.10) on node x does not answer". */
  state: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  /** Set when the state dates the change that broke the resolver (a re-created DNS Service). */
  datesChange?: true;
  /** Commands that show it, added to the finding's. */
  confirm?: string[];
}
