// The access rules of the namespace's forward proxy that refuses the workload's tunnels (403 to its
// CONNECT), read only where the workload's logs show that refusal (proxy-denial.ts): one ready pod of
// the proxy's Service, its log tail, and the ConfigMap its container mounts. Only the rule lines are
// kept (squid's acl and http_access) and only the log lines that refuse the destination.

/** `egress-proxy` pod `egress-proxy-7d9c-abcde`, ConfigMap `egress-proxy-squid-conf` (squid.conf): its rules. */
export interface ProxyAclEvidence {
  /** The Service of the namespace HTTP(S)_PROXY names. */
  service: string;
  /** The endpoint pod of it that was read. */
  pod: string;
  ready: boolean;
  /** The ConfigMap its container mounts, when it mounts one, and the key the rules were found in. */
  configMap?: string;
  key?: string;
  /** Its acl and http_access lines, in order, as written (comments dropped). */
  rules: string[];
  /** Its own log lines that refuse the destination (squid's TCP_DENIED/403), at most three. */
  refusals: string[];
}
