/**
 * A log line saying the Kubernetes API server refused the client's credentials (401
 * Unauthorized, not a 403 permission refusal): client-go reflectors, leader election, any client
 * naming the API. Shared by the readings of why a token is refused.
 */

/** The API server's authentication refusal as client libraries log it. */
const UNAUTHORIZED = /\bUnauthorized\b|\b401\b|provide credentials/;
/** A line about a call to the Kubernetes API. */
const KUBE_API = /failed to (list|watch) \*?v\d|reflector\.go|leaderelection|resource lock|client-go|k8s\.io|kubernetes|apiserver|the server has asked for the client to provide credentials/i;

export function isKubeApiUnauthorized(line: string): boolean {
  return UNAUTHORIZED.test(line) && KUBE_API.test(line);
}

/** The line to quote: a failed list names the resource, else the last refusal. */
export function pickRefusalLine(lines: readonly string[]): string | undefined {
  return lines.filter((x) => /failed to list/i.test(x)).at(-1) ?? lines.at(-1);
}
