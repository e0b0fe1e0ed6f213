/** The resolver address a Go or glibc error names: `lookup host on 10.8.0.53:53:`. */
const RESOLVER_IN_ERROR = /\bon (\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:]+\]):53\b/i;

/** The first resolver the failing lines name (brackets of an IPv6 address dropped), or undefined. */
export function findNamedResolver(lines: readonly string[]): string | undefined {
  return lines.map((l) => RESOLVER_IN_ERROR.exec(l)?.[1]).find((r) => r !== undefined)?.replace(/^\[|\]$/g, '');
}

/** A link-local resolver (169.254.x.x): a node-local DNS cache, never a Service's ClusterIP. */
export function isLinkLocalResolver(resolver: string): boolean {
  return resolver.startsWith('169.254.') || /^fe80:/i.test(resolver);
}

/** A loopback resolver (a DNS proxy in the pod or on the host): never a Service's ClusterIP either. */
export function isLoopbackResolver(resolver: string): boolean {
  return resolver.startsWith('127.') || resolver === '::1';
}
