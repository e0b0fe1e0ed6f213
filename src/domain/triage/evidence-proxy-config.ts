// The one setting of a proxy's config file that decides what it refuses, read from the ConfigMap its
// container mounts (now, and in the revision before) only where its log shows it refusing requests
// at that setting (proxy-body-limit.ts), or its proxy_pass and resolver lines where its log has no
// resolver for its upstream (nginx-no-resolver.ts). Only those settings are kept; the rest is dropped.

/** `upload-api-nginx-h7f2c9t6km (nginx.conf) sets client_max_body_size 1m`; `mountedNow`: the pods mount it today, else the previous revision did. */
export interface ProxyConfigEvidence {
  configMap: string;
  key: string;
  setting: string;
  value: string;
  mountedNow: boolean;
  /** The `upstream` block the setting sits in (its `keepalive`, `keepalive_timeout`), with the servers it lists. */
  upstream?: { name: string; servers: string[] };
}
