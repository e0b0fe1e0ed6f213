// What each kind of dependency failure means and what to do about it, in the words the
// dependency-error finding uses when no more specific reading explains the failure.
import type { DependencyProblem } from './dependency-error-line.js';

export const DEPENDENCY_TEXT: Record<DependencyProblem, { title: (dep: string | undefined) => string; cause: string; action: string }> = {
  'tls-expired': {
    title: (d) => `TLS certificate of ${d ?? 'a dependency'} has expired (x509): every call to it fails the handshake`,
    cause: 'The peer presents a certificate past its notAfter date (or the pods\' clock is wrong). Nothing in this workload changed: the certificate belongs to whoever serves that host.',
    action: 'Get the certificate renewed by whoever serves that host (for an in-cluster one, its cert-manager Certificate); do not turn off verification. Rolling back this workload will not help.',
  },
  'tls-untrusted': {
    title: (d) => `TLS certificate of ${d ?? 'a dependency'} is not trusted (unknown authority): calls to it fail the handshake`,
    cause: 'The peer\'s certificate chain does not lead to a CA the client trusts: a new or private CA, a missing intermediate, or a CA bundle changed in the image.',
    action: 'Compare the chain the host serves with the CA bundle in the image (a base image update can drop one); fix the chain or the bundle.',
  },
  'tls-name': {
    title: (d) => `TLS certificate of ${d ?? 'a dependency'} does not match the host name: calls to it fail the handshake`,
    cause: 'The certificate is valid but for other names: a host name changed in configuration, or the peer serves the wrong certificate.',
    action: 'Compare the configured host with the names in the certificate (`openssl s_client -connect host:443`).',
  },
  // Told in full by tls-terms.ts; these are the words without the spec's settings.
  'tls-required': {
    title: (d) => `${d ? `Dependency ${d}` : 'The database'} requires TLS and the client connects without it`,
    cause: 'The server accepts only encrypted connections and this client connects in plain text.',
    action: 'Connect with TLS (sslmode=require, or verify-full with the server\'s CA bundle).',
  },
  'tls-protocol': {
    title: (d) => `TLS handshake with ${d ?? 'a dependency'} fails: client and server share no TLS version`,
    cause: 'The client\'s TLS library refuses what the server offers (an old protocol version or a weak key), or the server refuses what the client offers.',
    action: 'Get the server to speak TLS 1.2; meanwhile allow the old protocol for that one client only.',
  },
  'tls-plaintext': {
    title: (d) => `${d ?? 'A dependency'} does not answer in TLS (wrong version number)`,
    cause: 'The client speaks TLS to a port that answers in plain text.',
    action: 'Use the scheme and port the server serves TLS on.',
  },
  refused: {
    title: (d) => `${d ? `Dependency ${d}` : 'A dependency'} refuses connections`,
    cause: 'The address resolves but nothing listens on that port: the dependency is down or restarting, or the configured port is wrong.',
    action: 'Check the dependency\'s health first (its pods and endpoints); if it is healthy, compare the configured host and port with what it serves.',
  },
  unreachable: {
    title: (d) => `${d ? `Dependency ${d}` : 'A dependency'} cannot be reached`,
    cause: 'The client cannot open a connection: the dependency (or that one instance of it) is down, or there is no route to it.',
    action: 'Check the dependency\'s pods and endpoints first; then the network path from these pods.',
  },
  'dns-missing': {
    title: (d) => `${d ? `Dependency ${d}` : 'A dependency host name'} does not resolve (no such host)`,
    cause: 'The name does not exist: a wrong host name in configuration, a Service deleted or renamed, or a name from another namespace used without its namespace.',
    action: 'Compare the host name with the existing Services; if a config change renamed it, roll that back.',
  },
  'dns-unavailable': {
    title: (d) => `DNS lookups${d ? ` of ${d}` : ''} fail (resolver not answering)`,
    cause: 'The resolver did not answer (EAI_AGAIN, i/o timeout): CoreDNS overloaded or unreachable from these nodes, not a wrong name.',
    action: 'Check CoreDNS pods, their load and restarts, and whether DNS traffic (UDP/TCP 53) is allowed from these pods.',
  },
  reset: {
    title: (d) => `Calls to ${d ?? 'a dependency'} are reset by the peer (connection reset)`,
    cause: 'The connection opens and the other side drops it: a server or a proxy in front of it refuses how the client talks — a service mesh that requires mTLS (Istio PeerAuthentication STRICT) resets plaintext clients that have no sidecar, a TLS/plaintext mismatch, a wrong port — or the server restarts or closes idle connections.',
    action: 'Check what changed on the server side (its mesh policy — PeerAuthentication, DestinationRule —, TLS settings, restarts) and whether these pods talk to it the way it expects (sidecar injected, TLS or plaintext, port).',
  },
  'closed-idle': {
    title: (d) => `Pooled keep-alive connections to ${d ?? 'a dependency'} are closed by the server before reuse (unexpected end of stream): calls on them fail`,
    cause: 'The client reuses an idle pooled connection the server (or a proxy in front of it) has already closed, and finds the end of the stream where the response should begin: the server\'s idle timeout is shorter than how long the client\'s pool keeps idle connections. It fails only the calls that draw such a connection; the others are served. A server that lowered its idle (keep-alive) timeout, or a client pool whose keep-alive was raised, opens the gap.',
    action: 'Keep the server\'s idle timeout longer than the client pool\'s keep-alive (raise it back), or lower the client\'s pool keep-alive below it; let idempotent calls retry once on a closed connection (OkHttp retryOnConnectionFailure, an HttpClient idle-connection evictor).',
  },
  timeout: {
    title: (d) => `Connections to ${d ?? 'a dependency'} time out`,
    cause: 'Packets go unanswered: a NetworkPolicy or security group drops them, or the dependency is overloaded.',
    action: 'Check NetworkPolicies that select these pods, and the dependency\'s health and latency.',
  },
};

/**
 * Lookups unanswered while every cluster DNS pod is ready: the DNS is not down, so do not call it
 * overloaded or crashed on a guess. The queries are lost on the way (the node's Service rules or
 * network, a policy on port 53) or never leave the client, or the DNS is short under load.
 */
export const DNS_READY_UNANSWERED = {
  cause: (ready: number) =>
    `The resolver did not answer (EAI_AGAIN, i/o timeout), though all ${ready} cluster DNS pod${ready === 1 ? ' is' : 's are'} ready: the lookups are lost between these pods and the DNS (their nodes' Service rules or network, a policy dropping port 53), they wait inside the client before being sent, or the DNS is short under load — not a wrong name.`,
  action: 'Compare with pods on other nodes and with other workloads: when only some nodes\' pods fail, look at those nodes (kube-proxy, the CNI); when only this workload fails, at its own resolver path; otherwise at the DNS pods\' load, and whether DNS traffic (UDP/TCP 53) is allowed from these pods.',
};

/** A timeout where the pods' egress NetworkPolicies allow the address (or none restricts egress). */
export const ALLOWED_TIMEOUT = {
  cause: 'Packets go unanswered though the pods\' egress rules let them out (see above): the loss is beyond the cluster\'s policies — a security group or firewall on the way, or the dependency itself (down, moved to another address, or overloaded).',
  action: 'Check that the dependency still answers at that address, its health and latency, and the security groups or firewalls between these nodes and it.',
};

/**
 * A timeout to a Service of the namespace that its NetworkPolicies let through at both ends (policy-passage.ts):
 * the packets are lost on the way to its pods or by the pods themselves, and a policy is no lead.
 */
export const PASSED_TIMEOUT = {
  cause: 'Packets go unanswered though the namespace\'s policies let these pods through to the Service\'s pods (see above): the connections are lost on the way there — how the Service routes them from the callers\' nodes (its traffic policy, kube-proxy on those nodes) — or the pods behind it do not answer in time (overloaded, not listening on that port).',
  action: 'Compare the failing pods\' nodes with those of pods that reach it (the Service\'s endpoints per node, its internalTrafficPolicy, kube-proxy there), then the dependency\'s health and latency.',
};
