// The prefix locations of a proxy's config file and the proxy_pass each holds (if any), read from the
// ConfigMap its container mounts (now, and in the revision before) only where its access log has
// most requests under one prefix answered 404 (proxy-prefix-strip.ts). Only those pairs are kept;
// the rest of the file is dropped.

/** `location /orders/ { proxy_pass http://ledger:8080/; }` of `gw-conf` (key nginx.conf); `mountedNow`: the pods mount it today, else the previous revision did. */
export interface ProxyRouteEvidence {
  configMap: string;
  key: string;
  location: string;
  /** Absent when the location has no proxy_pass (it serves the request itself). */
  proxyPass?: string;
  /** The block rewrites the URI itself (a rewrite directive): proxy_pass's URI part does not decide. */
  rewrites: boolean;
  mountedNow: boolean;
}
