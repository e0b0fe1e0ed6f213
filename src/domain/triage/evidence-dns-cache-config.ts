// The JVM DNS cache settings of a java.security override file a container mounts from a ConfigMap
// (-Djava.security.properties=<file>), read only where some of the workload's pods fail to connect
// to a host's address while others reach it at another (dns-cache-split.ts). Only the cache TTL
// lines are kept; the rest of the file is dropped.

/** `networkaddress.cache.ttl=-1` in key `java.security.override` of ConfigMap `app-java-security`. */
export interface DnsCacheConfigEvidence {
  configMap: string;
  key: string;
  /** "networkaddress.cache.ttl" or "sun.net.inetaddr.ttl". */
  setting: string;
  /** -1: forever. */
  seconds: number;
}
